import DeltaCore
import DeltaLessons
import DeltaText

/// Answering a question, a mode of its own: while a question waits only the keys of
/// ``KeyBinding/answering`` work, and every other key says so instead of moving on,
/// quitting or being typed; a skipped question is asked again at its step, and the key of
/// ``Action/askSkipped`` goes back to the first one not answered.
extension TraceApp {
    /// A key pressed while question `q` waits, with `text` typed so far.
    mutating func answer(_ q: Int, typed text: String, _ key: Key) {
        message = nil
        switch KeyBinding.action(for: key, in: KeyBinding.answering) {
        case .typeAnswer?:
            if case .character(let c) = key { prompt = .answer(question: q, text: text + String(c)) }
        case .eraseAnswer?:
            refusedWhileAnswering = false
            prompt = .answer(question: q, text: String(text.dropLast()))
        case .checkAnswer?:
            if refusedWhileAnswering && !text.isEmpty {
                // The text may be what was meant for the refused key (the digits of a go-to).
                refusedWhileAnswering = false
                let table = KeyBinding.answering
                let check = KeyBinding.keyName(for: .checkAnswer, in: table) ?? "Enter"
                let erase = KeyBinding.keyName(for: .eraseAnswer, in: table) ?? "Backspace"
                let skip = KeyBinding.keyName(for: .skipQuestion, in: table) ?? "Esc"
                message = "\(check) again checks \(text) as your answer (a key that does nothing while answering was pressed since it was asked); \(erase) edits it, \(skip) skips"
                return
            }
            check(q, typed: text)
        case .skipQuestion?:
            declined.insert(q)
            skipped.insert(q)
            askNext()
            if prompt == nil, let key = KeyBinding.keyName(for: .askSkipped) {
                message = "skipped: it is asked again when you come back to its step, or with \(key)"
            }
        case .scrollLessonDown?: scrollLesson(pages: 1)
        case .scrollLessonUp?: scrollLesson(pages: -1)
        default:
            refusedWhileAnswering = true
            message = TraceApp.answeringHint
        }
    }

    /// What a key that does nothing while a question waits says: "answering the question:
    /// type a number, Enter to check, Esc to skip" (the keys from ``KeyBinding/answering``).
    static var answeringHint: String {
        let table = KeyBinding.answering
        let check = KeyBinding.keyName(for: .checkAnswer, in: table) ?? "Enter"
        let skip = KeyBinding.keyName(for: .skipQuestion, in: table) ?? "Esc"
        return "answering the question: type a number, \(check) to check, \(skip) to skip"
    }

    /// Grades what was typed for question `q` against its true value (within the question's
    /// tolerance), or says why it is not a number and keeps the question open.
    mutating func check(_ q: Int, typed text: String) {
        switch TypedAnswer.read(text) {
        case .failure(let problem):
            let skip = KeyBinding.keyName(for: .skipQuestion, in: KeyBinding.answering) ?? "Esc"
            message = problem.message + " (\(skip) skips the question)"
        case .success(let typed):
            guard let truth = truth(of: q) else {
                // Not a value this run computes here (a lesson's mistake `check` reports).
                message = "this run does not compute the value this question asks for: it is skipped"
                declined.insert(q)
                askNext()
                return
            }
            answers[q] = Answer(typed: typed, correct: abs(typed - truth) <= lesson.questions[q].tolerance,
                                afterSkipping: skipped.contains(q))
            skipped.remove(q)
            askNext()
            if prompt == nil && askingSkipped {
                let left = unansweredQuestions.count
                if left > 0, let key = KeyBinding.keyName(for: .askSkipped) {
                    message = "\(left) question\(left == 1 ? "" : "s") not answered yet: \(key) asks the next"
                } else if left == 0 {
                    message = "every question of the lesson is answered"
                }
            }
        }
    }

    /// Asks this step's next question not answered yet, or closes the prompt.
    mutating func askNext() {
        lessonScroll = 0
        ask(pendingQuestion)
    }

    /// Opens the answer prompt for question `q` (nil: closes it), with the page of runs
    /// that shows the run it is asked in (compare mode at a narrow width) and the focus on
    /// the node, weight or bias it asks about.
    mutating func ask(_ q: Int?) {
        refusedWhileAnswering = false
        prompt = q.map { .answer(question: $0, text: "") }
        guard let q, let k = pane(asking: q) else { return }
        if !shownRuns(width: width).contains(k) { control.firstRunShown = k }
        // The equations (and the network's weights row) show what the question is about:
        // the arrows that would choose it do nothing while it waits.
        let shown = panes[k].shown
        if let target = lesson.questions[q].answer.target(layers: shown.trace.network.L),
           let index = shown.explanation.targets.firstIndex(of: target) {
            focus = index
        }
    }

    /// Scrolls the lesson's box by whole pages (negative: up), within its text.
    mutating func scrollLesson(pages: Int) {
        let metrics = lessonBoxMetrics(width: width, height: height)
        let page = max(1, metrics.rows - 1)
        lessonScroll = min(max(0, lessonScroll + pages * page), max(0, metrics.lines - metrics.rows))
    }

    /// The lines of text in the lesson's box and the rows it shows them in, on a screen of
    /// this size.
    func lessonBoxMetrics(width: Int, height: Int) -> (lines: Int, rows: Int) {
        (lessonPane.lines(width: width - 2).count, lessonPaneHeight(width: width, height: height) - 2)
    }

    /// The key of ``Action/askSkipped``: goes to the first question not answered yet (in the
    /// order the run reaches them) and asks it, even one skipped at this very step.
    mutating func askFirstUnanswered() {
        guard let q = unansweredQuestions.first else {
            message = askedQuestions.isEmpty ? "no question is asked in this run" : "every question of the lesson is answered"
            return
        }
        let target = lesson.questions[q].at.position, before = leader.shown.position
        guard leader.cursor.seek(to: target) else {
            message = "the run does not reach \(StepText.position(target)): " + endMessage(leader)
            return
        }
        focus = 0  // before arriving: the question asked there focuses what it asks about
        arrive(forward: true, from: before)
        askingSkipped = true
    }
}
