/// The settings of minibatch stochastic gradient descent.
public struct TrainingConfiguration: Sendable, Hashable {
    /// η, the learning rate.
    public var eta: Double
    /// M, the number of examples in a minibatch (the last minibatch of an epoch holds what
    /// is left, so it may be smaller).
    public var batchSize: Int
    /// The number of epochs: passes over the training data.
    public var epochs: Int
    /// Whether the order of the examples is shuffled at the start of every epoch.
    public var shuffle: Bool
    /// The seed of every random choice: initial parameters, shuffles, dropout masks.
    public var seed: UInt64
    /// L2, L1 or no regularisation of the weights (biases are never regularised).
    public var regularization: Regularization
    /// The probability p that a hidden node is dropped out for one example (0 = off).
    public var dropout: Double

    /// Settings for training; see each property.
    public init(
        eta: Double, batchSize: Int = 1, epochs: Int = 1, shuffle: Bool = false, seed: UInt64 = 1,
        regularization: Regularization = .none, dropout: Double = 0
    ) {
        self.eta = eta
        self.batchSize = batchSize
        self.epochs = epochs
        self.shuffle = shuffle
        self.seed = seed
        self.regularization = regularization
        self.dropout = dropout
    }

    /// Why these settings cannot be used, or nil if they can.
    public var problem: ConfigurationError? {
        if !(eta > 0) || !eta.isFinite { return .eta(eta) }
        if batchSize < 1 { return .batchSize(batchSize) }
        if epochs < 0 { return .epochs(epochs) }
        if !(dropout >= 0 && dropout < 1) { return .dropout(dropout) }
        if let lambda = regularization.lambda, !(lambda >= 0) || !lambda.isFinite { return .lambda(lambda) }
        return nil
    }
}

/// A penalty on large weights, with strength λ. n below is the size of the training set
/// (the lecture's M_Total), as in Nielsen's book; biases are not regularised.
public enum Regularization: Sendable, Hashable {
    /// No penalty.
    case none
    /// C = C_0 + (λ/2n) Σ_w w²; update w ← (1 − ηλ/n) w − η ∂C_0/∂w ("weight decay").
    case l2(lambda: Double)
    /// C = C_0 + (λ/n) Σ_w |w|; update w ← w − (ηλ/n) sgn(w) − η ∂C_0/∂w, with sgn(0) = 0.
    case l1(lambda: Double)

    /// λ, or nil without regularisation.
    public var lambda: Double? {
        switch self {
        case .none: return nil
        case .l2(let lambda), .l1(let lambda): return lambda
        }
    }

    /// The penalty added to the cost for these weights, with n training examples.
    public func penalty(weights: [Double], trainingSetSize n: Int) -> Double {
        switch self {
        case .none: return 0
        case .l2(let lambda): return lambda / (2 * Double(n)) * weights.reduce(0) { $0 + $1 * $1 }
        case .l1(let lambda): return lambda / Double(n) * weights.reduce(0) { $0 + abs($1) }
        }
    }

    /// ∂(penalty)/∂w for one weight.
    @inlinable
    public func penaltyGradient(_ w: Double, trainingSetSize n: Int) -> Double {
        switch self {
        case .none: return 0
        case .l2(let lambda): return lambda / Double(n) * w
        case .l1(let lambda): return lambda / Double(n) * Regularization.sgn(w)
        }
    }

    /// The updated weight: w − η ∂C_0/∂w with the penalty's term, in the lecture's form.
    @inlinable
    public func update(_ w: Double, gradient: Double, eta: Double, trainingSetSize n: Int) -> Double {
        switch self {
        case .none: return w - eta * gradient
        case .l2(let lambda): return w * (1 - eta * lambda / Double(n)) - eta * gradient
        case .l1(let lambda): return w - eta * lambda / Double(n) * Regularization.sgn(w) - eta * gradient
        }
    }

    /// sgn(w): −1, 0 or 1.
    @inlinable
    public static func sgn(_ w: Double) -> Double { w > 0 ? 1 : (w < 0 ? -1 : 0) }
}

/// Why training settings cannot be used.
public enum ConfigurationError: Error, Hashable, Sendable {
    /// η must be a positive number.
    case eta(Double)
    /// A minibatch needs at least one example.
    case batchSize(Int)
    /// The number of epochs cannot be negative.
    case epochs(Int)
    /// The dropout probability must be in [0, 1).
    case dropout(Double)
    /// λ must be a non-negative number.
    case lambda(Double)
}
