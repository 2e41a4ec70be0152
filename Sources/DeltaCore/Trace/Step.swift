/// One step of a training iteration (one minibatch).
///
/// For each example m = 1 … M: feedforward l = 1 … L, the output error, then backpropagate
/// l = L … 2 (each computing δ_{l−1} from δ_l); then gradient descent l = L … 1.
/// Examples m and layers l are numbered as in the lecture: m from 1, l from 1.
public enum Step: Sendable, Hashable {
    /// Feedforward through layer l for example m.
    case feedforward(example: Int, layer: Int)
    /// The output error δ_L of example m.
    case outputError(example: Int)
    /// Backpropagate from layer l to layer l − 1 for example m: computes δ_{l−1}.
    case backpropagate(example: Int, layer: Int)
    /// The gradient-descent update of layer l's weights and biases.
    case gradientDescent(layer: Int)

    /// The kind of this step.
    public var phase: Phase {
        switch self {
        case .feedforward: return .feedforward
        case .outputError: return .outputError
        case .backpropagate: return .backpropagate
        case .gradientDescent: return .gradientDescent
        }
    }

    /// The example m (from 1) this step works on, or nil for gradient descent.
    public var example: Int? {
        switch self {
        case .feedforward(let m, _), .outputError(let m), .backpropagate(let m, _): return m
        case .gradientDescent: return nil
        }
    }

    /// The example whose z, a and δ are shown beside this step, by the one rule the screen,
    /// questions, beats' `shows:` and `value` claims share: the step's own example, or at
    /// gradient descent the minibatch's last, m = M (the one fed forward most recently).
    public func shownExample(minibatchSize M: Int) -> Int { example ?? M }

    /// The layer this step is about, for an output error the output layer L.
    public func layer(outputLayer L: Int) -> Int {
        switch self {
        case .feedforward(_, let l), .backpropagate(_, let l), .gradientDescent(let l): return l
        case .outputError: return L
        }
    }
}
