/// The first NaN or ∞ of a run: where training stopped, and which value it was. DeltaText's
/// narrator words it, numbering nodes from 1 as the lecture does.
public struct NonFiniteEvent: Error, Sendable, Hashable {
    /// Which kind of number went non-finite.
    public enum Quantity: Sendable, Hashable {
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
        /// An optimiser's moment of a weight or bias, by its name (v, m, G, …).
        case moment(String)
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
}
