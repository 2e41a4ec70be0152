/// A place in a training run: epoch e (from 1), update u within the epoch (from 1), and
/// the step within that update.
public struct TracePosition: Sendable, Hashable {
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
}
