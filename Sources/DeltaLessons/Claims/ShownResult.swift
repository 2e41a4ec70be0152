import DeltaCore

/// The outcome of checking one number a beat states (`shows:`) against what the screen
/// shows beside the beat, at its own step of one run.
public struct ShownResult: Sendable {
    /// The same step of a neighbouring epoch, where the beat's words would fit.
    public struct Elsewhere: Sendable, Hashable {
        /// The position: the beat's step in epoch e + 1 or e − 1.
        public let position: TracePosition
        /// What the screen shows there, which passes the beat's test.
        public let value: Double
    }

    /// The beat.
    public let beat: Beat
    /// The number measured at the beat's step and whether it passes the stated test; its
    /// problem is ``ClaimProblem/notYetComputed(_:)`` where the step has not computed it.
    public let result: ClaimResult
    /// For a number that the screen contradicts: the same step of the epoch after or before,
    /// if the stated test holds there (the words are off by one epoch), else nil.
    public let elsewhere: Elsewhere?
}
