/// The four kinds of operation in one training iteration, in the lecture's order.
public enum Phase: String, CaseIterable, Sendable, Hashable, Codable {
    /// z_{l,j} = Σ_i a_{l−1,i} w_{l,i,j} + b_{l,j} and a_{l,j} = f(z_{l,j}) for one layer.
    case feedforward
    /// δ_{L,j} = ∂C/∂a_{L,j} · f′(z_{L,j}).
    case outputError = "output-error"
    /// δ_{l−1,i} = f′(z_{l−1,i}) Σ_j w_{l,i,j} δ_{l,j}.
    case backpropagate
    /// w_{l,i,j} → w_{l,i,j} − η Σ_m a_{l−1,i}(m) δ_{l,j}(m) / M, and likewise b_{l,j}.
    case gradientDescent = "gradient-descent"
}

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

    /// The layer this step is about, for an output error the output layer L.
    public func layer(outputLayer L: Int) -> Int {
        switch self {
        case .feedforward(_, let l), .backpropagate(_, let l), .gradientDescent(let l): return l
        case .outputError: return L
        }
    }
}

/// A place in a training run: epoch e (from 1), update u within the epoch (from 1), and
/// the step within that update.
public struct TracePosition: Sendable, Hashable, CustomStringConvertible {
    /// The epoch, from 1.
    public var epoch: Int
    /// The update (minibatch) within the epoch, from 1.
    public var update: Int
    /// The step within the update.
    public var step: Step

    /// A position; see each property.
    public init(epoch: Int, update: Int, step: Step) {
        self.epoch = epoch
        self.update = update
        self.step = step
    }

    public var description: String {
        let where_: String
        switch step {
        case .feedforward(let m, let l): where_ = "example \(m), feedforward l=\(l)"
        case .outputError(let m): where_ = "example \(m), output error"
        case .backpropagate(let m, let l): where_ = "example \(m), backpropagate l=\(l)"
        case .gradientDescent(let l): where_ = "gradient descent l=\(l)"
        }
        return "epoch \(epoch), update \(update), \(where_)"
    }
}
