/// The functions formulas apply.
public enum Function: String, Sendable, Hashable, CaseIterable {
    /// σ(z) = 1 / (1 + e^−z).
    case sigmoid = "σ"
    /// σ′(z) = σ(z)(1 − σ(z)).
    case sigmoidPrime = "σ′"
    /// tanh z.
    case tanh
    /// tanh′(z) = 1 − tanh² z.
    case tanhPrime = "tanh′"
    /// max(0, z).
    case relu
    /// relu′(z): 1 for z > 0, else 0.
    case reluPrime = "relu′"
    /// e^x.
    case exp
    /// ln x.
    case ln
    /// sgn x: −1, 0 or 1.
    case sgn

    /// The function's value.
    public func callAsFunction(_ x: Double) -> Double {
        switch self {
        case .sigmoid: return Activation.sigmoid.value(x)
        case .sigmoidPrime: return Activation.sigmoid.derivative(x)
        case .tanh: return Activation.tanh.value(x)
        case .tanhPrime: return Activation.tanh.derivative(x)
        case .relu: return Activation.relu.value(x)
        case .reluPrime: return Activation.relu.derivative(x)
        case .exp: return PortableMath.exp(x)
        case .ln: return PortableMath.log(x)
        case .sgn: return Regularization.sgn(x)
        }
    }
}
