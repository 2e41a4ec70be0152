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
    /// The seed of the run's random choices: shuffles and dropout masks (and the initial
    /// parameters, when a run is made from an initialisation scheme).
    public var seed: UInt64
    /// L2, L1 or no regularisation of the weights (biases are never regularised).
    public var regularization: Regularization
    /// The probability p that a hidden node is dropped out for one example (0 = off).
    public var dropout: Double
    /// The update rule of gradient descent.
    public var optimizer: Optimizer
    /// The rule that stops training early when the validation data stops improving (nil: off).
    public var earlyStopping: EarlyStopping?

    /// Settings for training; see each property.
    public init(
        eta: Double, batchSize: Int = 1, epochs: Int = 1, shuffle: Bool = false, seed: UInt64 = 1,
        regularization: Regularization = .none, dropout: Double = 0, optimizer: Optimizer = .sgd,
        earlyStopping: EarlyStopping? = nil
    ) {
        self.eta = eta
        self.batchSize = batchSize
        self.epochs = epochs
        self.shuffle = shuffle
        self.seed = seed
        self.regularization = regularization
        self.dropout = dropout
        self.optimizer = optimizer
        self.earlyStopping = earlyStopping
    }

    /// Why these settings cannot be used, or nil if they can.
    public var problem: ConfigurationError? {
        if !(eta > 0) || !eta.isFinite { return .eta(eta) }
        if batchSize < 1 { return .batchSize(batchSize) }
        if epochs < 0 { return .epochs(epochs) }
        if !(dropout >= 0 && dropout < 1) { return .dropout(dropout) }
        if let lambda = regularization.lambda, !(lambda >= 0) || !lambda.isFinite { return .lambda(lambda) }
        if let rule = earlyStopping, rule.patience < 1 { return .patience(rule.patience) }
        return nil
    }
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
    /// Early stopping needs a patience of at least one epoch.
    case patience(Int)
}
