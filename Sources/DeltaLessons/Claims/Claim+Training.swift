import DeltaCore

extension Claim {
    /// Which coordinate of the step where a run met its first NaN or ∞ a `non-finite-at` claim
    /// measures, counted as a position's `at:` counts them, from 1. Together they name the
    /// step: a beat written `at:` that position stands where the screen stops.
    public enum StopCoordinate: String, Sendable, Hashable, CaseIterable {
        /// The epoch.
        case epoch
        /// The update (minibatch) within the epoch.
        case update
        /// The example m within the minibatch (none when the value appeared at gradient
        /// descent, which works on the whole minibatch).
        case example
        /// The layer l the value belongs to.
        case layer

        /// The coordinate of an event, nil for the example of one at gradient descent.
        public func value(of event: NonFiniteEvent) -> Int? {
            switch self {
            case .epoch: return event.position.epoch
            case .update: return event.position.update
            case .example: return event.position.step.example
            case .layer: return event.layer
            }
        }
    }
}
