/// A penalty on large weights, with strength λ, composed into gradient descent as a term of
/// each weight's gradient. n below is the size of the training set (the lecture's
/// M_Total), as in Nielsen's book; biases are not regularised.
public enum Regularization: Sendable, Hashable {
    /// No penalty.
    case none
    /// C = C_0 + (λ/2n) Σ_w w²; its gradient term is (λ/n) w, which plain SGD applies as
    /// the lecture's weight decay w ← (1 − ηλ/n) w − η ∂C_0/∂w.
    case l2(lambda: Double)
    /// C = C_0 + (λ/n) Σ_w |w|; its gradient term is (λ/n) sgn(w), with sgn(0) = 0, which
    /// plain SGD applies as w ← w − (ηλ/n) sgn(w) − η ∂C_0/∂w.
    case l1(lambda: Double)

    /// λ, or nil without regularisation.
    public var lambda: Double? {
        switch self {
        case .none: return nil
        case .l2(let lambda), .l1(let lambda): return lambda
        }
    }

    /// The penalty added to the cost for these weights, with n training examples:
    /// (λ/2n) Σ w² or (λ/n) Σ |w|, summed in storage order.
    public func penalty(weights: [Double], trainingSetSize n: Int) -> Double {
        switch self {
        case .none: return 0
        case .l2(let lambda): return lambda / (2 * Double(n)) * weights.reduce(0) { $0 + $1 * $1 }
        case .l1(let lambda): return lambda / Double(n) * weights.reduce(0) { $0 + abs($1) }
        }
    }

    /// The penalty's term of one weight's gradient, ∂(penalty)/∂w: (λ/n) w for L2,
    /// (λ/n) sgn(w) for L1, 0 without. An optimiser adds it to ∂C_0/∂w to get g.
    @inlinable
    public func penaltyGradient(_ w: Double, trainingSetSize n: Int) -> Double {
        switch self {
        case .none: return 0
        case .l2(let lambda): return lambda / Double(n) * w
        case .l1(let lambda): return lambda / Double(n) * Regularization.sgn(w)
        }
    }

    /// Plain gradient descent on one weight, w − η (∂C_0/∂w + ∂(penalty)/∂w), evaluated in
    /// the lecture's forms: (1 − ηλ/n) w − η ∂C_0/∂w for L2 and w − (ηλ/n) sgn(w) − η ∂C_0/∂w
    /// for L1 — equal in exact arithmetic, and the forms the screen shows beside the number.
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
