import DeltaCore
import DeltaLessons

/// The lesson's words on the screen: which questions are asked where, which narration is
/// shown, and what a run that has no narration of its own is.
extension TraceApp {
    /// The pane a question is asked in: the first pane whose run it is written for (nil when
    /// no shown run has it).
    func pane(asking q: Int) -> Int? {
        let question = lesson.questions[q]
        return panes.indices.first { panes[$0].identity.questions(in: lesson).contains(question) }
    }

    /// The questions asked at the current step, in the lesson's order: those whose pane is
    /// at the question's position.
    var questionsHere: [Int] {
        lesson.questions.indices.filter { q in
            guard let k = pane(asking: q) else { return false }
            return lesson.questions[q].at.position == panes[k].shown.position
        }
    }

    /// The first question of this step not answered yet, nor skipped while the student
    /// stays here (a question skipped earlier is asked again).
    var pendingQuestion: Int? {
        questionsHere.first { answers[$0] == nil && !declined.contains($0) }
    }

    /// The questions of the shown runs that the screen can reach (the leader and the asking
    /// run both have the step, and neither ended before it), in the order the runs reach
    /// them (the lesson's order at one step): those the score counts.
    var askedQuestions: [Int] {
        let placed = lesson.questions.indices.compactMap { q -> (q: Int, index: Int)? in
            guard let k = pane(asking: q) else { return nil }
            let at = lesson.questions[q].at.position
            // Only a step the screen can go to: every move is the leader's, and the asking
            // run follows it to the same position.
            func reaches(_ pane: Pane) -> Bool {
                let layout = pane.run.layout
                return layout.contains(at) && pane.cursor.lastStep.map { layout.index(of: at) <= $0 } ?? true
            }
            guard reaches(leader), reaches(panes[k]) else { return nil }
            return (q, leader.run.layout.index(of: at))
        }
        return placed.sorted { ($0.index, $0.q) < ($1.index, $1.q) }.map(\.q)
    }

    /// The questions not answered: skipped with Esc, or passed by without being asked (a
    /// go-to beyond them), in the order the runs reach them.
    var unansweredQuestions: [Int] {
        askedQuestions.filter { answers[$0] == nil }
    }

    /// The score of the lesson so far: its questions answered right, answered wrong and not
    /// answered, each in the order the runs reach them.
    var score: (right: [Int], wrong: [Int], skipped: [Int]) {
        let asked = askedQuestions
        return (asked.filter { answers[$0]?.correct == true }, asked.filter { answers[$0]?.correct == false },
                asked.filter { answers[$0] == nil })
    }

    /// The true value a question asks for, from the run it is asked in.
    func truth(of q: Int) -> Double? {
        guard let k = pane(asking: q) else { return nil }
        let shown = panes[k].shown
        return lesson.questions[q].answer.value(in: shown.trace, example: shown.position.step.shownExample(minibatchSize: shown.trace.M))
    }

    /// The narration for the current step: for each pane, the latest beat written for its
    /// run at or before its position (each beat once), with whether it belongs to exactly
    /// this step and which pane it came from.
    var narration: [(beat: Beat, fresh: Bool, pane: Int)] {
        var out: [(beat: Beat, fresh: Bool, pane: Int)] = []
        for (k, pane) in panes.enumerated() {
            let layout = pane.run.layout, here = pane.shown.index
            let reached = pane.identity.beats(in: lesson).filter { layout.contains($0.at.position) && layout.index(of: $0.at.position) <= here }
            guard let latest = reached.max(by: { layout.index(of: $0.at.position) < layout.index(of: $1.at.position) }),
                  !out.contains(where: { $0.beat == latest }) else { continue }
            out.append((latest, latest.at.position == pane.shown.position, k))
        }
        return out
    }

    /// What the leading run is when it is not the lesson itself, and that the lesson's words
    /// are not written for it: "Variant cross-entropy of this lesson (cost: cross-entropy).
    /// The lesson's narration and questions are written for the lesson itself." Nil for the
    /// lesson.
    var runDescription: String? {
        let identity = leader.identity
        let changes = leader.settings.changes(from: lesson.settings).map { "\($0.key.name): \($0.value)" }
        let listed = changes.isEmpty ? "" : " (\(changes.joined(separator: ", ")))"
        var text: String
        switch identity {
        case .lesson: return nil
        case .variant(let name): text = "Variant \(name) of this lesson\(listed)."
        case .adHoc:
            text = isCompare ? "Runs of this lesson with settings given on the command line, each named in its pane's title."
                             : "This lesson with settings given on the command line\(listed)."
        }
        let hasBeats = !identity.beats(in: lesson).isEmpty, hasQuestions = !identity.questions(in: lesson).isEmpty
        switch (hasBeats, hasQuestions) {
        case (false, false) where !lesson.beats.isEmpty || !lesson.questions.isEmpty:
            text += " The lesson's narration and questions are written for the lesson itself."
        case (false, true) where !lesson.beats.isEmpty:
            text += " The lesson's narration is written for the lesson itself."
        case (true, false) where !lesson.questions.isEmpty:
            text += " The lesson's questions are written for the lesson itself."
        default: break
        }
        return text
    }
}
