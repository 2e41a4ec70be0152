import DeltaLessons

/// An answer (or a skip) given to a question on a screen that no longer shows the run that
/// asked it: the student chose a variant away from that run. Held by the screen that replaced
/// it, and given back by ``TraceApp/takeOver(from:)`` to a later screen that shows the same
/// run again (``Pane/isSameRun(as:)``), so that lesson → variant → lesson loses no grade.
struct HeldAnswer {
    /// The question, as the lesson wrote it.
    let question: Question
    /// The run that asked it, whose values graded the answer.
    let run: Pane
    /// The graded answer, if the student answered.
    let answer: TraceApp.Answer?
    /// Whether the student skipped it (and has not answered it since).
    let skipped: Bool
}
