/// The first NaN or ∞ of a run: where training stopped, and which value it was.
public struct NonFiniteEvent: Error, Sendable, Hashable, CustomStringConvertible {
    /// Which kind of number went non-finite.
    public enum Quantity: String, Sendable, Hashable {
        /// A weighted input z_{l,j}.
        case z
        /// An activation a_{l,j}.
        case a
        /// An error δ_{l,j}.
        case delta
        /// The cost C(m) of one example.
        case cost
        /// An averaged gradient ∂C/∂w_{l,i,j}.
        case weightGradient
        /// An averaged gradient ∂C/∂b_{l,j}.
        case biasGradient
        /// An updated weight w_{l,i,j}.
        case weight
        /// An updated bias b_{l,j}.
        case bias
    }

    /// The step at which it appeared: epoch, update, example (for all but gradient
    /// descent) and phase.
    public let position: TracePosition
    /// What went non-finite.
    public let quantity: Quantity
    /// The layer l.
    public let layer: Int
    /// The node j, from 0 (for z, a, δ, a bias or its gradient; the target node of a
    /// weight; for a cost, the output node with the largest error).
    public let node: Int?
    /// The node i of layer l − 1 that a weight comes from, from 0.
    public let from: Int?
    /// The value: NaN, +∞ or −∞.
    public let value: Double

    /// An event; see each property.
    public init(position: TracePosition, quantity: Quantity, layer: Int, node: Int?, from: Int? = nil, value: Double) {
        self.position = position
        self.quantity = quantity
        self.layer = layer
        self.node = node
        self.from = from
        self.value = value
    }

    /// "δ_{2,1} = nan at epoch 3, update 1, example 2, backpropagate l=3", with nodes
    /// numbered from 1 as in the lecture.
    public var description: String {
        var what: String
        switch quantity {
        case .z: what = "z"
        case .a: what = "a"
        case .delta: what = "δ"
        case .cost: what = "C"
        case .weightGradient: what = "∂C/∂w"
        case .biasGradient: what = "∂C/∂b"
        case .weight: what = "w"
        case .bias: what = "b"
        }
        // In the lecture's numbering: nodes from 1.
        if quantity == .cost {
            return "C = \(value) at \(position)" + (node.map { " (output node \($0 + 1) furthest from its target)" } ?? "")
        }
        if let from, let node { what += "_{\(layer),\(from + 1),\(node + 1)}" } else if let node { what += "_{\(layer),\(node + 1)}" }
        return "\(what) = \(value) at \(position)"
    }
}
