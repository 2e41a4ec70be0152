/// One kind of parameter of one layer — its weights or its biases — as an optimiser's step
/// reads and writes it: the current values, their averaged gradients ∂C_0/∂θ (without the
/// penalty's term), where to write the new values, and each moment's current and next
/// values, all `count` long and in the same order.
public struct ParameterSlice {
    /// θ before the update.
    public let current: UnsafePointer<Double>
    /// ∂C_0/∂θ averaged over the minibatch.
    public let gradient: UnsafePointer<Double>
    /// Where θ after the update goes.
    public let next: UnsafeMutablePointer<Double>
    /// Each moment before the update, in ``Optimizer/momentNames`` order.
    public let moments: [UnsafePointer<Double>]
    /// Where each moment after the update goes.
    public let nextMoments: [UnsafeMutablePointer<Double>]
    /// How many parameters.
    public let count: Int
    /// Whether the regulariser's term applies (weights yes, biases no).
    public let isRegularized: Bool

    /// A slice; see each property.
    public init(current: UnsafePointer<Double>, gradient: UnsafePointer<Double>, next: UnsafeMutablePointer<Double>,
                moments: [UnsafePointer<Double>] = [], nextMoments: [UnsafeMutablePointer<Double>] = [],
                count: Int, isRegularized: Bool) {
        self.current = current
        self.gradient = gradient
        self.next = next
        self.moments = moments
        self.nextMoments = nextMoments
        self.count = count
        self.isRegularized = isRegularized
    }
}
