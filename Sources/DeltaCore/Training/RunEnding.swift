/// How a training run ended. A run that is still training has no ending yet.
///
/// The cursor, the screen, `run`, `trace`, `compare` and claims all read the ending from
/// here and word it themselves (DeltaText's narrator): an ending is a value, not a sentence.
public enum RunEnding: Sendable, Hashable {
    /// Every epoch ran.
    case completed
    /// A NaN or ∞ stopped training at the step the event names; the update it happened
    /// in never completed, and the parameters are those from before it.
    case nonFinite(NonFiniteEvent)
    /// Training stopped before its last epoch because a rule said so (early stopping).
    case stoppedEarly(EarlyStop)

    /// The non-finite value that stopped the run, if one did.
    public var nonFiniteEvent: NonFiniteEvent? {
        if case .nonFinite(let event) = self { return event }
        return nil
    }

    /// The early stop, if the run stopped early.
    public var earlyStop: EarlyStop? {
        if case .stoppedEarly(let stop) = self { return stop }
        return nil
    }
}
