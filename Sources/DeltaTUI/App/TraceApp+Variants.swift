import DeltaCore
import DeltaLessons
import DeltaText

/// Which runs the screen shows: the variant menu (`v`), reopening the screen on the lesson,
/// a variant or all side by side at the same position, and the pages of runs in compare
/// mode (`p`/`P`).
extension TraceApp {
    // MARK: The variant menu

    /// The variant menu's choices: the lesson, each variant with what it changes, and all
    /// of them side by side; the one shown now is marked.
    var variantChoices: [VariantMenu.Choice] {
        let shown = panes.map(\.identity)
        var choices = [VariantMenu.Choice(name: Lesson.baseName, detail: "the lesson as written: \(lesson.title)",
                                          variants: [nil], isShown: shown == [.lesson])]
        for variant in lesson.variants {
            let changes = variant.settings.changes(from: lesson.settings).map { "\($0.key.name): \($0.value)" }
            choices.append(.init(name: variant.name, detail: changes.isEmpty ? "the lesson's settings" : changes.joined(separator: ", "),
                                 variants: [variant.name], isShown: shown == [.variant(variant.name)]))
        }
        let all: [String?] = [nil] + lesson.variants.map(\.name)
        choices.append(.init(name: "compare all side by side", detail: all.map { $0 ?? Lesson.baseName }.joined(separator: " vs "),
                             variants: all, isShown: shown == all.map { $0.map(RunIdentity.variant) ?? .lesson }))
        return choices
    }

    /// `v`: opens the variant menu at the choice shown now (or says there are no variants).
    mutating func openVariantMenu() {
        guard !lesson.variants.isEmpty else {
            message = "this lesson has no variants"
            return
        }
        control.variantMenu = variantChoices.firstIndex(where: \.isShown) ?? 0
    }

    /// A key in the open variant menu, looked up in ``KeyBinding/variantMenu(choices:)``:
    /// ↑/↓ (k/j) move, Enter or → opens the highlighted choice, a choice's digit opens it;
    /// any other key closes the menu. Returns false to quit.
    mutating func pressInVariantMenu(_ key: Key, _ action: Action?) -> Bool {
        let choices = variantChoices, selected = control.variantMenu ?? 0
        var chosen: Int?
        switch KeyBinding.action(for: key, in: KeyBinding.variantMenu(choices: choices.count)) {
        case .highlightNextChoice?: control.variantMenu = min(selected + 1, choices.count - 1)
        case .highlightPreviousChoice?: control.variantMenu = max(selected - 1, 0)
        case .openHighlightedChoice?: chosen = selected
        case .openNumberedChoice?:
            if case .character(let c) = key, let k = c.wholeNumberValue { chosen = k - 1 }
        default:
            if action == .quit { return false }
            control.variantMenu = nil
        }
        if let chosen {
            control.variantMenu = nil
            reopen(on: choices[chosen])
        }
        return true
    }

    /// Reopens the screen on a choice of the variant menu, at the same position where the
    /// chosen runs have it.
    mutating func reopen(on choice: VariantMenu.Choice) {
        guard !choice.isShown else { return }
        do {
            var app = try TraceApp(lesson: lesson, variants: choice.variants)
            let kept = app.takeOver(from: self)
            app.message = "now showing " + (choice.variants.count > 1 ? "all runs side by side" : choice.name) + (kept ? "" : ": \(StepText.position(leader.shown.position)) is not in this run, so it starts at its first step")
            self = app
        } catch {
            message = "cannot open \(choice.name): \(error)"
        }
    }

    /// Takes over what the student had set on a screen being replaced (a variant chosen, a
    /// lesson reloaded): the size, view, chart, focus, breakpoints, speed, page of runs,
    /// answers to questions the new lesson still asks, and the position where the new runs
    /// have it. Returns whether the position was kept.
    @discardableResult
    mutating func takeOver(from old: TraceApp) -> Bool {
        width = old.width
        height = old.height
        view = old.view
        chartChoice = old.chartChoice
        breakpoints = old.breakpoints
        // The file's stamp and a reload's problem stay as they were: a lesson file saved
        // with an error is still shown as such after a variant is chosen (a successful
        // reload clears them itself).
        control = old.control
        control.variantMenu = nil
        control.typingBreakpoint = nil
        let layout = leader.run.layout
        control.positionBreakpoints = old.control.positionBreakpoints.filter { layout.contains($0.position) }
        // Answers by question, for the questions this lesson still asks of the same run: a
        // grade is kept only where the run asked (same settings, data and initial
        // parameters) would give the same true value.
        func carried(_ q: Int) -> Int? {
            guard let k = lesson.questions.firstIndex(of: old.lesson.questions[q]),
                  let before = old.pane(asking: q), let now = pane(asking: k),
                  panes[now].isSameRun(as: old.panes[before]) else { return nil }
            return k
        }
        // What this screen cannot carry is held for a later screen that shows the run again
        // (lesson → variant → lesson keeps the lesson's answers); what it can is taken back.
        var held: [HeldAnswer] = []
        for q in Set(old.answers.keys).union(old.skipped).sorted() {
            if let k = carried(q) {
                if let answer = old.answers[q] { answers[k] = answer }
                if old.skipped.contains(q) { skipped.insert(k) }
            } else if let before = old.pane(asking: q) {
                held.append(HeldAnswer(question: old.lesson.questions[q], run: old.panes[before],
                                       answer: old.answers[q], skipped: old.skipped.contains(q)))
            }
        }
        for item in old.heldAnswers {
            if let k = lesson.questions.firstIndex(of: item.question), let now = pane(asking: k),
               panes[now].isSameRun(as: item.run), answers[k] == nil, !skipped.contains(k) {
                if let answer = item.answer { answers[k] = answer }
                if item.skipped { skipped.insert(k) }
            } else {
                held.append(item)
            }
        }
        heldAnswers = held
        prompt = nil
        message = nil
        let target = old.leader.shown.position, before = leader.shown.position
        let kept = leader.cursor.seek(to: target)
        if kept {
            // Staying at the same step, the questions skipped here stay skipped until the
            // student moves (as on the screen that was replaced).
            focus = old.focus
            arrive(forward: true, from: before)
            declined = Set(old.declined.compactMap(carried))
            if case .answer(let q, _)? = prompt, declined.contains(q) { askNext() }
        } else {
            refreshPanes()
            enterStep()
        }
        if prompt == nil { focus = min(old.focus, max(targetCount - 1, 0)) }
        return kept
    }

    // MARK: Pages of runs

    /// The widest a compare pane is drawn narrower than: room for a run's name and cost in
    /// its title, and for the equations' forms with their numbers.
    static let comparePaneMinimumWidth = 38

    /// The runs compare mode shows side by side in a width: as many as have room, from the
    /// page the student chose with `p`/`P`.
    func shownRuns(width: Int) -> Range<Int> {
        let perPage = max(1, min(panes.count, width / TraceApp.comparePaneMinimumWidth))
        let first = min(control.firstRunShown, panes.count - perPage)
        return first..<(first + perPage)
    }

    /// `p` / `P`: the next or previous runs in compare mode, when not all fit.
    mutating func pageRuns(forward: Bool) {
        guard isCompare else {
            message = "one run is shown" + (KeyBinding.keyName(for: .chooseVariant, in: KeyBinding.traceScreen).map { ": \($0) chooses a variant or all of them side by side" } ?? "")
            return
        }
        let shown = shownRuns(width: width)
        guard shown.count < panes.count else {
            message = "all \(panes.count) runs are shown"
            return
        }
        let first = forward ? shown.upperBound : shown.lowerBound - shown.count
        if first >= panes.count || shown.lowerBound == 0 && !forward {
            control.firstRunShown = forward ? 0 : max(0, panes.count - shown.count)
        } else {
            control.firstRunShown = max(0, min(first, panes.count - shown.count))
        }
    }
}
