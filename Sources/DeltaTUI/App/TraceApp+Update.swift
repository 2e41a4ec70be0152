import DeltaCore
import DeltaLessons
import DeltaText

/// The Update of Model–Update–View: how events change the trace screen.
extension TraceApp {
    /// Handles one event; returns false to quit.
    public mutating func handle(_ event: Event) -> Bool {
        switch event {
        case .resize(let w, let h):
            width = w
            height = h
            // What the new size shows less of (or all of) is scrolled no further than it goes.
            if !isTooSmall {
                let lesson = lessonBoxMetrics(width: w, height: h)
                lessonScroll = min(lessonScroll, max(0, lesson.lines - lesson.rows))
                equationScroll = min(equationScroll, maxEquationScroll)
                helpScroll = min(helpScroll, helpOverlay.maxScroll(width: w, height: h))
            }
            return true
        case .tick:
            reloadIfEdited()
            if running { advanceRun() }
            if isTraining { trainInBackground() }
            return true
        case .key(let key):
            if key == .interrupt { return false }
            if running {
                // + and - change the speed of the run; any other key pauses it.
                if let action = KeyBinding.action(for: key), action == .faster || action == .slower {
                    return perform(action)
                }
                running = false
                message = "paused"
                return true
            }
            // Leaving with q (not Ctrl-C, nor from a terminal too small to draw in, which
            // says "press q to quit") asks for the lessons.
            let tooSmall = isTooSmall
            guard press(key) else {
                control.leavesToLessons = !tooSmall
                return false
            }
            return true
        }
    }

    /// A key: while a question waits, only the keys of ``KeyBinding/answering`` (the others
    /// do nothing but say so); else typed into the go-to prompt, or closing the help or the
    /// breakpoint menu, or looked up in ``KeyBinding/traceScreen`` and performed. PgUp and
    /// PgDn scroll the lesson's box; any other key brings it back to its top. Returns false
    /// to quit.
    mutating func press(_ key: Key) -> Bool {
        let action = KeyBinding.action(for: key)
        if isTooSmall { return !(action == .quit || key == .escape) }
        if action != .scrollLessonDown && action != .scrollLessonUp { lessonScroll = 0 }
        if action != .scrollEquationsDown && action != .scrollEquationsUp { equationScroll = 0 }
        if case .answer(let q, let text)? = prompt {
            answer(q, typed: text, key)
            return true
        }
        if let prompt {
            // q leaves the go-to prompt for the lessons (or quits, with none to go back
            // to): no position is written with a q.
            if action == .quit { return false }
            typeInto(prompt, key)
            return true
        }
        if showHelp {
            if action == .quit { return false }
            // Where the help scrolls, the keys that scroll the lesson's box or move the focus
            // scroll it; any other key (any key, where it all shows) closes it.
            let page = max(1, helpOverlay.rect(width: width, height: height).height - 3)
            let scrolls = helpOverlay.maxScroll(width: width, height: height) > 0
            let steps: Int? = switch action {
            case .scrollLessonDown? where scrolls: page
            case .scrollLessonUp? where scrolls: -page
            case .focusNext? where scrolls: 1
            case .focusPrevious? where scrolls: -1
            default: nil
            }
            if let steps {
                helpScroll = min(max(0, helpScroll + steps), helpOverlay.maxScroll(width: width, height: height))
            } else {
                showHelp = false
                helpScroll = 0
            }
            return true
        }
        if showBreakpointMenu { return pressInBreakpointMenu(key, action) }
        if control.variantMenu != nil { return pressInVariantMenu(key, action) }
        guard let action else { return true }
        // Scrolling reads the box as it is: its message stays.
        if action != .scrollLessonDown && action != .scrollLessonUp { message = nil }
        return perform(action)
    }

    /// Does what an action says. Returns false to quit.
    mutating func perform(_ action: Action) -> Bool {
        let phase = leader.shown.position.step.phase
        switch action {
        case .stepForward: move { $0.stepForward() }
        case .stepBack: move(forward: false) { $0.stepBack() }
        case .nextOfKind: move(otherwise: "there is no later \(phase.rawValue.replacingOccurrences(of: "-", with: " ")) step in this run") { $0.next(phase) }
        case .previousOfKind: move(forward: false, otherwise: "there is no earlier \(phase.rawValue.replacingOccurrences(of: "-", with: " ")) step in this run") { $0.previous(phase) }
        case .nextUpdate: move(otherwise: "this is the run's last update") { $0.nextUpdate() }
        case .previousUpdate: move(forward: false) { $0.previousUpdate() }
        case .nextEpoch: move(otherwise: "this is the run's last epoch") { $0.nextEpoch() }
        case .previousEpoch: move(forward: false) { $0.previousEpoch() }
        case .goTo: prompt = .goTo("")
        case .run:
            running = true
            // What the run already is when `r` is pressed does not stop it: every node of the
            // current update that is saturated where that slows learning, every pane that
            // already stands where its run stopped.
            slowNodes = []
            for (k, pane) in panes.enumerated() {
                let trace = pane.shown.trace, m = pane.shown.position.step.shownExample(minibatchSize: trace.M)
                for l in 1...trace.network.L {
                    for node in Breakpoint.slowingNodes(in: StepFact.nodeFacts(trace, example: m, layer: l, deltaKnown: true)) {
                        slowNodes.insert([k, node.layer, node.node])
                    }
                }
            }
            failedPanes = Set(panes.indices.filter { panes[$0].cursor.isAtFailure })
        case .chooseBreakpoints: showBreakpointMenu = true
        case .faster: changeSpeed(faster: true)
        case .slower: changeSpeed(faster: false)
        case .chooseVariant: openVariantMenu()
        case .nextRuns: pageRuns(forward: true)
        case .previousRuns: pageRuns(forward: false)
        case .focusNext: focus = min(focus + 1, max(targetCount - 1, 0))
        case .focusPrevious: focus = max(focus - 1, 0)
        case .nextView: view = View.allCases[(View.allCases.firstIndex(of: view)! + 1) % View.allCases.count]
        case .previousView: view = View.allCases[(View.allCases.firstIndex(of: view)! + View.allCases.count - 1) % View.allCases.count]
        case .toggleChart: chartChoice = !showChart
        case .help: showHelp = true
        case .quit: return false
        case .scrollLessonDown: scrollLesson(pages: 1)
        case .scrollLessonUp: scrollLesson(pages: -1)
        case .askSkipped: askFirstUnanswered()
        case .scrollEquationsDown: scrollEquations(by: 1)
        case .scrollEquationsUp: scrollEquations(by: -1)
        // Only while a question waits (``KeyBinding/answering``, see `answer(_:typed:_:)`).
        case .typeAnswer, .eraseAnswer, .checkAnswer, .skipQuestion: break
        // Only in the variant and breakpoint menus (`pressInVariantMenu`, `pressInBreakpointMenu`).
        case .highlightNextChoice, .highlightPreviousChoice, .openHighlightedChoice, .openNumberedChoice,
             .toggleBreakpoint, .removePositionBreakpoint, .addPositionBreakpoint, .confirmPosition, .cancelPosition, .erasePosition:
            break
        }
        return true
    }

    // MARK: Moving

    /// The number of targets of the current step: side by side, the most any pane has, so
    /// that ↑/↓ reach every node of a run with more of them than the leader (a two-node
    /// softmax beside one sigmoid); a pane with fewer keeps showing its last.
    var targetCount: Int { panes.map { $0.shown.explanation.targets.count }.max() ?? 0 }

    /// Moves the leader, lets the other panes follow, refreshes what every pane shows and
    /// arrives at the new step. When the leader cannot move, says why: the end of the run
    /// (and how it ended), its start, or `otherwise`.
    mutating func move(forward: Bool = true, otherwise: String? = nil, _ body: (TraceCursor) -> Bool) {
        let before = leader.shown.position
        guard body(leader.cursor) else {
            if forward {
                message = leader.shown.isAtEnd ? endMessage(leader) : (otherwise ?? endMessage(leader))
            } else {
                message = leader.shown.index == 0 ? "this is the start of the run" : (otherwise ?? "this is the start of the run")
            }
            return
        }
        arrive(forward: forward, from: before)
    }

    /// After the leader moved: the others follow, every pane is refreshed, the focus is kept
    /// within the step's targets (and reset at a new kind of step or update), and the step's
    /// question is asked if it is not answered yet — going forwards or back, so a skipped
    /// question is asked again when the student comes back to it (`forward` is kept for
    /// callers; the direction no longer matters).
    mutating func arrive(forward: Bool, from before: TracePosition) {
        follow()
        refreshPanes()
        keepFocus(from: before)
        declined = []
        askingSkipped = false
        enterStep()
    }

    /// Keeps the focus within the step's targets after the leader moved from `before`, and
    /// resets it to the first target at a new kind of step or a new update: stepping and
    /// running (`r`) focus the same target at each step.
    mutating func keepFocus(from before: TracePosition) {
        let now = leader.shown.position
        if now.step.phase != before.step.phase || now.epoch != before.epoch || now.update != before.update { focus = 0 }
        focus = min(focus, max(targetCount - 1, 0))
    }

    /// Brings every other pane to the leader's position (or as near as its run allows).
    func follow() {
        for pane in panes.dropFirst() {
            if !pane.cursor.seek(to: leader.cursor.position) {
                pane.cursor.move(to: min(leader.cursor.index, pane.run.layout.totalSteps - 1))
            }
        }
    }

    /// Reads every pane's current step again (the only place that trains for a frame).
    mutating func refreshPanes() {
        for k in panes.indices { panes[k].refresh() }
    }

    /// Arriving at a step: ask its question if it has one not yet answered (nor skipped
    /// while here), else close a question left open at the step before; at the run's last
    /// step say how the run ended.
    mutating func enterStep() {
        ask(pendingQuestion)
        if prompt == nil { focusBeat() }
        if message == nil && leader.shown.isAtEnd { message = endMessage(leader) }
    }

    /// Arriving at a beat that ties numbers to the screen (`shows:`): the equations show the
    /// first of them that is a weight, node or bias of this step, so that the one the words
    /// talk about is the one beside them (not one chosen at an earlier step).
    mutating func focusBeat() {
        let shown = leader.shown, L = shown.trace.network.L
        guard let beat = leader.identity.beats(in: lesson).first(where: { $0.at.position == shown.position && !$0.shows.isEmpty }) else { return }
        for claim in beat.shows {
            guard case .value(let value, _) = claim.measure, let target = value.target(layers: L),
                  let index = shown.explanation.targets.firstIndex(of: target) else { continue }
            focus = index
            return
        }
    }

    /// How a pane's run ended, for the student at its last step.
    func endMessage(_ pane: Pane) -> String {
        guard let ending = pane.run.ending else { return "this is as far as the run goes" }
        let said = Narrator.say(ending, epochs: pane.run.layout.epochs, keptEpoch: pane.run.isFinished ? pane.run.keptEpoch : nil)
        switch ending {
        case .nonFinite: return said
        case .completed, .stoppedEarly: return "this is the end of the run: " + said
        }
    }

    // MARK: Typing

    /// A key typed into the open prompt.
    mutating func typeInto(_ current: Prompt, _ key: Key) {
        switch current {
        case .goTo(let text):
            switch key {
            case .enter:
                prompt = nil
                goTo(text)
            case .escape: prompt = nil
            case .backspace: prompt = .goTo(String(text.dropLast()))
            case .character(let c) where c.isLetter || c.isNumber || " -/,=.".contains(c):
                prompt = .goTo(text + String(c))
            default: break
            }
        case .answer(let q, let text):
            answer(q, typed: text, key)
        }
    }

    /// `g`: goes to the position typed, read by the one position parser
    /// (``PositionQuery``): "12" epoch 12; "12 3" epoch 12, update 3; "12 3 2 oe" also
    /// example 2, output error; kinds of step by name or abbreviation, `lN` for layer N.
    mutating func goTo(_ text: String) {
        let layout = leader.run.layout
        let resolved = PositionQuery.parse(text).flatMap { $0.resolve(in: layout, currentEpoch: leader.shown.position.epoch) }
        switch resolved {
        case .failure(let error):
            let problem = StepText.problem(error, layout: layout)
            message = "\(problem.message) (\(problem.hint))"
        case .success(let target):
            let before = leader.shown.position
            guard leader.cursor.seek(to: target) else {
                // A position of the layout that training never reaches.
                message = "the run does not reach \(StepText.position(target)): " + endMessage(leader)
                return
            }
            focus = 0  // before arriving: a question asked there focuses what it asks about
            arrive(forward: true, from: before)
        }
    }

    // MARK: Running

    /// One tick of `r`: as many steps forwards as the speed allows (``RunSpeed``: a number
    /// of steps, or at the fastest as many as fit in a time slice, at least one), stopping
    /// at a breakpoint, a beat, a question or the end.
    mutating func advanceRun() {
        let budget = runBudget, clock = ContinuousClock(), deadline = budget.slice.map { clock.now + $0 }
        var taken = 0
        while taken < budget.steps && (taken == 0 || deadline.map { clock.now < $0 } ?? true) {
            taken += 1
            let before = leader.shown.position
            guard leader.cursor.stepForward() else {
                running = false
                message = endMessage(leader)
                return
            }
            follow()
            refreshPanes()
            keepFocus(from: before)
            declined = []
            if let reason = stopReason() {
                running = false
                message = reason
                enterStep()
                return
            }
        }
    }

    /// Why `r` stopped at a step with new narration (the lesson's box leaves it out when the
    /// narration itself is in view).
    static let narrationStop = "the lesson has something to say here"

    /// Why a run should stop at the current step, if it should; a saturated-node stop
    /// focuses the node, so that its sentence is the one on the screen.
    mutating func stopReason() -> String? {
        let cursor = leader.cursor
        // Any pane: in compare, a contender may stop at a NaN or ∞ long before the leader.
        for (k, pane) in panes.enumerated() where pane.cursor.isAtFailure && failedPanes.insert(k).inserted && breakpoints.contains(.nonFinite) {
            if let event = pane.run.nonFiniteEvent { return "breakpoint\(isCompare ? " (\(pane.name))" : ""): " + Narrator.say(event) }
        }
        if pendingQuestion != nil { return "a question for you" }
        if narration.contains(where: \.fresh) { return TraceApp.narrationStop }
        if let stop = positionBreakpointHere { return "breakpoint: \(stop.label)" }
        if breakpoints.contains(.saturated), let (pane, node) = becameSlow() {
            focus = node.node
            let which = node.output == nil ? "node \(node.node + 1) of layer \(node.layer)" : "output node \(node.node + 1)"
            let run = isCompare ? " (\(pane.name))" : ""
            // f′ is given where the step computes it, as the node's sentence does.
            let value = node.derivativeComputed ? ": \(Narrator.derivativeName(node.activation)) = \(NumberText.format(node.derivative, digits: 3))" : ""
            return "breakpoint\(run): \(which) has become saturated where that slows learning\(value)"
        }
        if breakpoints.contains(.costRising), case .feedforward(1, 1) = cursor.position.step, cursor.position.update == 1,
           cursor.position.epoch >= 2 {
            let e = cursor.position.epoch - 1, summaries = leader.run.epochSummaries
            if e < summaries.count, summaries[e].cost > summaries[e - 1].cost {
                return "breakpoint: the cost rose in epoch \(e), from \(NumberText.format(summaries[e - 1].cost)) to \(NumberText.format(summaries[e].cost))"
            }
        }
        return nil
    }

    /// The first node of the current step, in any pane, that is saturated where that slows
    /// learning (``Breakpoint/slowingNode(in:)``, the predicate of the sentence on the
    /// screen) and was not the last time a step computed it during this run; updates that
    /// memory for every node the step computes.
    mutating func becameSlow() -> (Pane, SaturatedNode)? {
        var first: (Pane, SaturatedNode)?
        for (k, pane) in panes.enumerated() {
            let slow = Breakpoint.slowingNodes(in: pane.shown.explanation.facts)
            for case .node(let l, let j) in pane.shown.explanation.targets {
                let key = [k, l, j]
                if let node = slow.first(where: { $0.layer == l && $0.node == j }) {
                    if slowNodes.insert(key).inserted, first == nil { first = (pane, node) }
                } else {
                    slowNodes.remove(key)
                }
            }
        }
        return first
    }
}
