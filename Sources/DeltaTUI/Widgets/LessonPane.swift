import DeltaText

/// The lesson's box at the bottom of the screen: how the student's answers were graded,
/// the question being asked, a message, the narration for the current step (or what the
/// run is), each drawn as what it is.
struct LessonPane {
    /// One thing the box says.
    enum Entry: Hashable {
        /// A graded answer: "✓ Right: the answer is …".
        case verdict(String, correct: Bool)
        /// The lesson's explanation of an answered question.
        case explanation(String)
        /// The question being asked.
        case question(String)
        /// What the student has typed so far, with the keys that finish it.
        case typing(String)
        /// A message for the student (a stop, the end of the run, a bad go-to).
        case message(String)
        /// The lesson's narration; `fresh` when it belongs to exactly this step.
        case beat(String, fresh: Bool)
        /// In the background: the lesson's summary, or what the run is.
        case note(String)
    }

    /// What to say, in order.
    let entries: [Entry]

    /// The style of an entry.
    static func style(_ entry: Entry) -> Style {
        switch entry {
        case .verdict(_, let correct): return correct ? Theme.good : Theme.bad
        case .explanation: return .plain
        case .question, .message: return Theme.warning
        case .typing: return Theme.key
        case .beat(_, let fresh): return fresh ? Style(bold: true) : .plain
        case .note: return Theme.label
        }
    }

    /// The words of an entry.
    static func text(_ entry: Entry) -> String {
        switch entry {
        case .verdict(let text, _), .explanation(let text), .question(let text), .typing(let text),
             .message(let text), .beat(let text, _), .note(let text):
            return text
        }
    }

    /// Draws the box into a rectangle, each entry wrapped to its width.
    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = canvas.box(rect, title: "Lesson")
        guard !inner.isEmpty else { return }
        let lines = entries.flatMap { entry in
            wrap(LessonPane.text(entry), width: inner.width).map { ($0, LessonPane.style(entry)) }
        }
        canvas.lines(lines, in: inner)
    }
}
