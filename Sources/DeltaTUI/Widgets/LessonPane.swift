import DeltaText

/// The lesson's box at the bottom of the screen: how the student's answers were graded,
/// the question being asked and what is typed, a message, the score at the end of the
/// lesson, and the narration for the current step (or what the run is), each drawn as what
/// it is. The box is as tall as the screen gives it (``TraceApp/lessonPaneHeight(width:height:)``
/// sizes it to ``lines(width:)``); what does not fit is scrolled to, and the border says
/// there is more and which key shows it.
struct LessonPane {
    /// One thing the box says.
    enum Entry: Hashable {
        /// A graded answer: "✓ Right: the answer is …".
        case verdict(String, correct: Bool)
        /// The lesson's explanation of an answered question.
        case explanation(String)
        /// The question being asked.
        case question(String)
        /// What the student has typed so far, with the keys that finish it (highlighted).
        case typing(String)
        /// A message for the student (a stop, the end of the run, a bad go-to).
        case message(String)
        /// The score at the end of the lesson: its heading line.
        case score(String)
        /// A question of the score not answered, with where it is asked.
        case unanswered(String)
        /// The lesson's narration; `fresh` when it belongs to exactly this step.
        case beat(String, fresh: Bool)
        /// In the background: the lesson's summary, or what the run is.
        case note(String)
    }

    /// What to say, in order.
    let entries: [Entry]
    /// How many lines the text is scrolled down (clamped to the text when drawn).
    var scroll = 0
    /// Whether a question waits for an answer: the title says so.
    var asking = false
    /// What the bottom border says when there is more below: "↓ more, PgDn".
    var moreBelow = "↓ more"
    /// What the top border says when there is more above: "↑ more, PgUp".
    var moreAbove = "↑ more"

    /// The style of an entry.
    static func style(_ entry: Entry) -> Style {
        switch entry {
        case .verdict(_, let correct): return correct ? Theme.good : Theme.bad
        case .explanation: return .plain
        case .question, .message, .unanswered: return Theme.warning
        case .typing: return Theme.answering
        case .score: return Theme.heading
        case .beat(_, let fresh): return fresh ? Style(bold: true) : .plain
        case .note: return Theme.label
        }
    }

    /// The words of an entry.
    static func text(_ entry: Entry) -> String {
        switch entry {
        case .verdict(let text, _), .explanation(let text), .question(let text), .typing(let text),
             .message(let text), .score(let text), .unanswered(let text), .beat(let text, _), .note(let text):
            return text
        }
    }

    /// Every line of the box's text at an inner width, each entry wrapped, with its style.
    func lines(width: Int) -> [(text: String, style: Style)] {
        entries.flatMap { entry in
            wrap(LessonPane.text(entry), width: width).map { ($0, LessonPane.style(entry)) }
        }
    }

    /// The first line shown: the scroll, within the text.
    func firstLine(lineCount: Int, rows: Int) -> Int {
        min(max(0, scroll), max(0, lineCount - rows))
    }

    /// Draws the box into a rectangle: the lines from the scroll position, and in the
    /// borders whether there is more above or below.
    func draw(into canvas: inout Canvas, rect: Rect) {
        let inner = canvas.box(rect, title: asking ? "Lesson · a question for you" : "Lesson",
                               titleStyle: asking ? Theme.warning : Theme.heading)
        guard !inner.isEmpty else { return }
        let all = lines(width: inner.width)
        let first = firstLine(lineCount: all.count, rows: inner.height)
        for (k, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            canvas.put(line.text, x: inner.x, y: inner.y + k, style: line.style, clip: inner)
        }
        if first > 0 { canvas.label(moreAbove, on: rect, edge: .top, right: true, style: Theme.key) }
        if first + inner.height < all.count { canvas.label(moreBelow, on: rect, edge: .bottom, right: true, style: Theme.key) }
    }
}
