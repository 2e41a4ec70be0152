/// Why the network's output for an input could not be computed: feedforward met a NaN or ∞
/// (a z that overflowed, say, with weights of 10³⁰⁸). A claim about such an output fails
/// and says this, rather than reading a stale or meaningless number.
public struct OutputFailure: Error, Sendable, Hashable {
    /// z or a.
    public let quantity: NonFiniteEvent.Quantity
    /// The layer l where it happened.
    public let layer: Int
    /// The node j, from 0.
    public let node: Int
    /// The value: NaN, +∞ or −∞.
    public let value: Double

    /// A failure; see each property.
    public init(quantity: NonFiniteEvent.Quantity, layer: Int, node: Int, value: Double) {
        self.quantity = quantity
        self.layer = layer
        self.node = node
        self.value = value
    }
}
