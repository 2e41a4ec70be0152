/// The function f that turns a node's weighted input z into its activation a = f(z).
///
/// Every activation but ``softmax`` acts on each node by itself, so its derivative is the
/// single number f′(z). Softmax couples a layer's nodes through the sum in its
/// denominator; its derivative is the Jacobian ∂a_k/∂z_j = a_k (1[j = k] − a_j), and it
/// may only be used in the output layer.
public enum Activation: String, CaseIterable, Sendable, Hashable, Codable {
    /// σ(z) = 1 / (1 + e^−z), with σ′(z) = σ(z) (1 − σ(z)).
    case sigmoid
    /// tanh z, with tanh′(z) = 1 − tanh² z.
    case tanh
    /// max(0, z), with relu′(z) = 1 for z > 0 and 0 otherwise (0 at the kink z = 0).
    case relu
    /// z itself, with derivative 1: the output layer of a regression.
    case linear
    /// a_j = e^{z_j} / Σ_k e^{z_k}: a probability distribution over the layer's nodes.
    case softmax

    /// Whether a_j depends on z_j alone, so that f′ is one number per node.
    public var isElementwise: Bool { self != .softmax }

    /// The activation of one node, for every activation but softmax.
    ///
    /// Computed in forms that never produce NaN from a finite z: σ(z) for very negative z
    /// is 1 / (1 + ∞) = 0, not ∞/∞.
    @inlinable
    public func value(_ z: Double) -> Double {
        switch self {
        case .sigmoid: return Activation.sigmoid(z)
        case .tanh: return PortableMath.tanh(z)
        case .relu: return z > 0 ? z : (z.isNaN ? z : 0)
        case .linear: return z
        case .softmax: preconditionFailure("softmax acts on a whole layer: use apply(z:to:)")
        }
    }

    /// f′(z) for one node, for every activation but softmax.
    ///
    /// σ′ is evaluated as e^−|z| / (1 + e^−|z|)², which equals σ(z)(1 − σ(z)) but keeps its
    /// full relative precision when the node saturates (σ′(40) ≈ 4.2e−18, not 0); tanh′
    /// likewise as 4e^−2|z| / (1 + e^−2|z|)².
    @inlinable
    public func derivative(_ z: Double) -> Double {
        switch self {
        case .sigmoid:
            let e = PortableMath.exp(-abs(z))
            return e / ((1 + e) * (1 + e))
        case .tanh:
            let e = PortableMath.exp(-2 * abs(z))
            return 4 * e / ((1 + e) * (1 + e))
        case .relu: return z > 0 ? 1 : 0
        case .linear: return 1
        case .softmax: preconditionFailure("softmax has a Jacobian, not a derivative per node")
        }
    }

    /// The largest value f′ takes: σ′ ≤ 1/4, tanh′ ≤ 1, relu′ and linear′ ≤ 1; softmax's
    /// diagonal a_j(1 − a_j) ≤ 1/4. Used to say how saturated a node is.
    public var maximumDerivative: Double {
        switch self {
        case .sigmoid, .softmax: return 0.25
        case .tanh, .relu, .linear: return 1
        }
    }

    /// The width of the range of a: 1 for σ and softmax (0 … 1), 2 for tanh (−1 … 1), ∞
    /// for ReLU and linear. Used to say how far an output is from its target.
    public var outputRange: Double {
        switch self {
        case .sigmoid, .softmax: return 1
        case .tanh: return 2
        case .relu, .linear: return .infinity
        }
    }

    /// Whether this activation can saturate: its derivative falls towards 0 as |z| grows.
    public var canSaturate: Bool { self == .sigmoid || self == .tanh || self == .softmax }

    /// σ(z) = 1 / (1 + e^−z).
    @inlinable
    public static func sigmoid(_ z: Double) -> Double {
        1 / (1 + PortableMath.exp(-z))
    }

    /// Applies the activation to a whole layer: a = f(z).
    @inlinable
    public func apply(z: UnsafePointer<Double>, to a: UnsafeMutablePointer<Double>, count n: Int) {
        if self == .softmax {
            // Subtracting the largest z leaves a unchanged and keeps every e^{z−max} ≤ 1.
            var largest = -Double.infinity
            for j in 0..<n where z[j] > largest || z[j].isNaN { largest = z[j] }
            var s = 0.0
            for j in 0..<n {
                a[j] = PortableMath.exp(z[j] - largest)
                s += a[j]
            }
            for j in 0..<n { a[j] /= s }
        } else {
            for j in 0..<n { a[j] = value(z[j]) }
        }
    }
}

extension Activation: CustomStringConvertible {
    public var description: String { rawValue }
}
