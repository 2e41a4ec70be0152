/// Narration shown when the student reaches a trace position.
public struct Beat: Sendable, Hashable {
    /// When to show it.
    public let at: TracePoint
    /// What to say.
    public let text: String
    /// The runs it is written for: ``Lesson/baseName`` for the lesson itself (the default),
    /// or names of variants (`variants:` in the lesson).
    public let runs: [String]
}
