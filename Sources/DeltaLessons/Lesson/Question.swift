/// A question that asks the student to predict a number before it is shown.
public struct Question: Sendable, Hashable {
    /// When to ask it: the answer is the value this step computes.
    public let at: TracePoint
    /// The question.
    public let ask: String
    /// The value that answers it.
    public let answer: TraceValue
    /// How far off an answer may be and still count as right.
    public let tolerance: Double
    /// What to tell the student after they answer (optional).
    public let explain: String?
    /// The runs it is asked in: ``Lesson/baseName`` for the lesson itself (the default), or
    /// names of variants (`variants:` in the lesson).
    public let runs: [String]
}
