import DeltaCore
import DeltaLessons
import DeltaText

/// Control of the run beyond stepping: the speed of `r`, breakpoints at positions, the
/// variant menu (reopening the screen on the lesson, a variant or all side by side), the
/// pages of runs in compare mode, and reloading the lesson file when it is saved.
extension TraceApp {
    // MARK: Speed

    /// `+` / `-`: one level faster or slower, said in the message line (and in the title
    /// while running).
    mutating func changeSpeed(faster: Bool) {
        let before = control.speed
        if faster { control.speed.faster() } else { control.speed.slower() }
        if control.speed == before {
            message = "\(control.speed.label): already the \(faster ? "fastest" : "slowest")"
        } else {
            message = control.speed.label
        }
    }

    /// The steps one tick of `r` may take at the current speed, and the time it may spend
    /// (nil: no limit but the steps).
    var runBudget: (steps: Int, slice: Duration?) {
        if let steps = control.speed.stepsPerTick { return (steps, nil) }
        return (Int.max, TraceApp.trainingSlice)
    }

    // MARK: Breakpoints at positions

    /// The leading run's breakpoint at the current position, if `r` has reached one.
    var positionBreakpointHere: PositionBreakpoint? {
        control.positionBreakpoints.first { $0.position == leader.shown.position }
    }

    /// Adds a breakpoint at a typed position, or says in the menu why it cannot be one.
    mutating func addPositionBreakpoint(_ text: String) {
        let layout = leader.run.layout
        switch PositionBreakpoint.parse(text, in: layout, currentEpoch: leader.shown.position.epoch) {
        case .failure(let error):
            let problem = StepText.problem(error, layout: layout)
            control.breakpointProblem = "\(problem.message) (\(problem.hint))"
        case .success(let breakpoint):
            control.breakpointProblem = nil
            if !control.positionBreakpoints.contains(where: { $0.position == breakpoint.position }) {
                control.positionBreakpoints.append(breakpoint)
            }
        }
    }

    /// A key in the open breakpoint menu: a digit toggles a condition or removes a position
    /// breakpoint; `a` starts typing a position, Enter adds it, Esc stops typing; any other
    /// key closes the menu. Returns false to quit.
    mutating func pressInBreakpointMenu(_ key: Key, _ action: Action?) -> Bool {
        if let typed = control.typingBreakpoint {
            switch key {
            case .enter:
                control.typingBreakpoint = nil
                if !typed.isEmpty { addPositionBreakpoint(typed) }
            case .escape: control.typingBreakpoint = nil
            case .backspace: control.typingBreakpoint = String(typed.dropLast())
            case .character(let c) where c.isLetter || c.isNumber || " -/,=.".contains(c):
                control.typingBreakpoint = typed + String(c)
            default: break
            }
            return true
        }
        let conditions = Breakpoint.allCases
        if case .character(let c) = key, let k = Int(String(c)), k >= 1 {
            if k <= conditions.count {
                let b = conditions[k - 1]
                if breakpoints.contains(b) { breakpoints.remove(b) } else { breakpoints.insert(b) }
                return true
            }
            if k - conditions.count <= control.positionBreakpoints.count {
                control.positionBreakpoints.remove(at: k - conditions.count - 1)
                return true
            }
        }
        if key == .character("a") {
            if control.positionBreakpoints.count >= ScreenControl.maximumPositionBreakpoints {
                control.breakpointProblem = "at most \(ScreenControl.maximumPositionBreakpoints) positions: remove one first"
            } else {
                control.breakpointProblem = nil
                control.typingBreakpoint = ""
            }
            return true
        }
        if action == .quit { return false }
        showBreakpointMenu = false
        control.breakpointProblem = nil
        return true
    }

    /// The breakpoint menu as drawn.
    var breakpointMenu: BreakpointMenu {
        BreakpointMenu(entries: Breakpoint.allCases.map { ($0, breakpoints.contains($0)) },
                       positions: control.positionBreakpoints.map(\.label),
                       typing: control.typingBreakpoint, problem: control.breakpointProblem,
                       canAdd: control.positionBreakpoints.count < ScreenControl.maximumPositionBreakpoints)
    }

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

    /// A key in the open variant menu: ↑/↓ (k/j) move, a digit or Enter chooses, anything
    /// else closes it. Returns false to quit.
    mutating func pressInVariantMenu(_ key: Key, _ action: Action?) -> Bool {
        let choices = variantChoices, selected = control.variantMenu ?? 0
        var chosen: Int?
        switch key {
        case .down, .character("j"): control.variantMenu = min(selected + 1, choices.count - 1)
        case .up, .character("k"): control.variantMenu = max(selected - 1, 0)
        case .enter, .right: chosen = selected
        case .character(let c) where c.isNumber:
            if let k = Int(String(c)), choices.indices.contains(k - 1) { chosen = k - 1 }
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
        let stamp = control.lessonStamp
        control = old.control
        control.lessonStamp = stamp
        control.variantMenu = nil
        control.reloadProblem = nil
        let layout = leader.run.layout
        control.positionBreakpoints = old.control.positionBreakpoints.filter { layout.contains($0.position) }
        // Answers by question, for the questions this lesson still asks.
        for (q, answer) in old.answers {
            if let k = lesson.questions.firstIndex(of: old.lesson.questions[q]) { answers[k] = answer }
        }
        for q in old.skipped {
            if let k = lesson.questions.firstIndex(of: old.lesson.questions[q]) { skipped.insert(k) }
        }
        prompt = nil
        message = nil
        let target = old.leader.shown.position, before = leader.shown.position
        let kept = leader.cursor.seek(to: target)
        if kept {
            arrive(forward: true, from: before)
        } else {
            refreshPanes()
            enterStep()
        }
        focus = min(old.focus, max(targetCount - 1, 0))
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
            message = "one run is shown: v chooses a variant or all of them side by side"
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

    // MARK: Live reload

    /// On a tick: when the lesson file was saved since it was loaded, loads it again and
    /// reopens the screen on the same runs at the same position (keeping the view, focus,
    /// breakpoints and answers); when the saved file has an error, keeps the last good
    /// lesson and shows the located error until the file is fixed.
    mutating func reloadIfEdited() {
        guard let stamp = control.lessonStamp, let now = LessonFileStamp(path: lesson.file), now != stamp else { return }
        control.lessonStamp = now
        do {
            let edited = try Lesson.load(path: lesson.file)
            var runs: [(identity: RunIdentity, settings: Settings)] = []
            for pane in panes {
                switch pane.identity {
                case .lesson: runs.append((.lesson, edited.settings))
                case .variant(let name):
                    if let settings = try? edited.settings(variant: name) { runs.append((.variant(name), settings)) }
                case .adHoc: runs.append((pane.identity, pane.settings))
                }
            }
            if runs.isEmpty { runs = [(.lesson, edited.settings)] }
            var app = try TraceApp(lesson: edited, runs: runs)
            let kept = app.takeOver(from: self)
            app.running = false
            app.message = "reloaded \(LessonName.of(lesson.file))" + (kept ? "" : ": \(StepText.position(leader.shown.position)) is not in the edited lesson, so it starts at its first step")
            self = app
        } catch {
            control.reloadProblem = "\(error)"
        }
    }
}
