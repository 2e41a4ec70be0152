/// Narration shown when the student reaches a trace position.
public struct Beat: Sendable, Hashable {
    /// When to show it: a step during epoch `at.position.epoch` (see lessons/README.md,
    /// "What epoch N means"): at its first feedforward the network holds the parameters the
    /// updates of the epochs before it left.
    public let at: TracePoint
    /// What to say.
    public let text: String
    /// The runs it is written for: ``Lesson/baseName`` for the lesson itself (the default),
    /// or names of variants (`variants:` in the lesson).
    public let runs: [String]
    /// The numbers its words state, tied to what the screen shows beside it (`shows:`): each
    /// a ``Claim`` about a value of the trace at the beat's own position (``Claim/Measure/value(_:at:)``
    /// with `at` = ``at``), one per run it is measured in, which `deltatrace check` proves
    /// with ``Lesson/checkBeats()``.
    public let shows: [Claim]
}
