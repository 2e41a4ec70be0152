import DeltaText
import DeltaCore
import DeltaLessons

/// The state of the trace screen, and how keys change it (the Model and Update of
/// Model–Update–View; ``render(into:)`` is the View).
///
/// One pane per variant: a single pane normally, two or more in compare mode, where every
/// move is made by the first pane's cursor and the others follow it to the same position.
public struct TraceApp: TerminalProgram {
    /// One variant of the lesson, with its run and cursor.
    public struct Pane {
        public let name: String
        public let run: TrainingRun
        public let cursor: TraceCursor
    }

    /// What the main area shows; `tab` cycles through them.
    public enum View: String, CaseIterable, Sendable {
        case network, minibatch, tables
    }

    /// Conditions that stop a run started with `r`.
    public enum Breakpoint: String, CaseIterable, Sendable, Hashable {
        case nonFinite = "a NaN or ∞"
        case saturated = "a saturated node that slows learning (f′(z) under a tenth of its largest value)"
        case costRising = "the cost rising from one epoch to the next"
    }

    /// Text being typed at the bottom of the screen.
    public enum Prompt: Sendable, Hashable {
        /// `g`: a position to go to.
        case goTo(String)
        /// A lesson question waiting for the student's number.
        case answer(question: Int, text: String)
    }

    /// A graded answer.
    public struct Answer: Sendable, Hashable {
        public let typed: Double
        public let correct: Bool
    }

    public let lesson: Lesson
    public let panes: [Pane]
    public var view: View = .network
    /// Whether the cost chart is shown: nil until the student chooses with `c`, meaning
    /// "when the terminal is tall enough" (at least 32 rows).
    public var chartChoice: Bool?
    public var showChart: Bool { chartChoice ?? (height >= 32) }
    public var showHelp = false
    public var showBreakpointMenu = false
    public var breakpoints: Set<Breakpoint> = [.nonFinite]
    public private(set) var running = false
    var runTicks = 0
    /// The index of the highlighted target of the current step (node, weight or bias).
    public var focus = 0
    public var prompt: Prompt?
    public var answers: [Int: Answer] = [:]
    /// Questions the student chose to skip (Esc): not asked again.
    public var skipped: Set<Int> = []
    /// A one-line message for the student (a breakpoint that stopped the run, a bad go-to).
    public var message: String?
    public var width = 80
    public var height = 24

    /// A screen over a lesson, or (compare mode) over several of its variants in lockstep.
    ///
    /// - Parameter variants: the variants to show, nil meaning the lesson itself.
    public init(lesson: Lesson, variants: [String?]) throws {
        let contenders = try variants.map { name in (name ?? (variants.count > 1 ? "lesson" : ""), try lesson.settings(variant: name)) }
        try self.init(lesson: lesson, contenders: contenders)
    }

    /// The screen a lesson asks for: the lesson alone, or with its variants side by side
    /// when it says `compare: true`.
    public init(lesson: Lesson) throws {
        try self.init(lesson: lesson, variants: lesson.opensInCompare ? [nil] + lesson.variants.map(\.name) : [nil])
    }

    /// A screen over named settings of a lesson (its variants, or ad-hoc changes), in
    /// lockstep on the same initial parameters unless a contender sets its own.
    public init(lesson: Lesson, contenders: [(name: String, settings: Settings)]) throws {
        self.lesson = lesson
        let runs = try lesson.makeRuns(comparing: contenders.map(\.settings))
        var panes: [Pane] = []
        for ((name, _), run) in zip(contenders, runs) {
            run.finish()
            panes.append(Pane(name: name, run: run, cursor: TraceCursor(run: run)))
        }
        self.panes = panes
        enterStep()
    }

    /// The pane whose cursor leads.
    public var leader: Pane { panes[0] }
    /// Whether several variants are shown side by side.
    public var isCompare: Bool { panes.count > 1 }
    public var wantsTicks: Bool { running }

    // MARK: Update

    public mutating func handle(_ event: Event) -> Bool {
        switch event {
        case .resize(let w, let h):
            width = w
            height = h
            return true
        case .tick:
            if running { advanceRun() }
            return true
        case .key(let key):
            if key == .interrupt { return false }
            if running {
                running = false
                message = "paused"
                return true
            }
            return press(key)
        }
    }

    mutating func press(_ key: Key) -> Bool {
        if width < TraceApp.minimumWidth || height < TraceApp.minimumHeight {
            return !(key == .character("q") || key == .escape)
        }
        if let prompt {
            // q quits from anywhere: no answer or position is written with a q.
            if key == .character("q") { return false }
            if case .answer = prompt, [.left, .right, .backTab, .tab].contains(key) {
                // Moving on without answering skips this step's questions.
                skipped.formUnion(questionsHere)
                self.prompt = nil
            } else {
                typeInto(prompt, key)
                return true
            }
        }
        if showHelp {
            if key == .character("q") { return false }
            showHelp = false
            return true
        }
        if showBreakpointMenu {
            switch key {
            case .character(let c) where ("1"..."3").contains(c):
                let b = Breakpoint.allCases[Int(String(c))! - 1]
                if breakpoints.contains(b) { breakpoints.remove(b) } else { breakpoints.insert(b) }
            case .character("q"): return false
            default: showBreakpointMenu = false
            }
            return true
        }
        message = nil
        switch key {
        case .character(" "), .right, .character("l"): move { $0.stepForward() }
        case .left, .character("h"), .backspace: move(forward: false) { $0.stepBack() }
        case .character("n"): let phase = currentPhase; move { $0.next(phase) }
        case .character("N"): let phase = currentPhase; move(forward: false) { $0.previous(phase) }
        case .character("u"): move { $0.nextUpdate() }
        case .character("U"): move(forward: false) { $0.previousUpdate() }
        case .character("e"): move { $0.nextEpoch() }
        case .character("E"): move(forward: false) { $0.previousEpoch() }
        case .character("g"): prompt = .goTo("")
        case .character("r"):
            running = true
            runTicks = 0
            message = nil
        case .character("b"): showBreakpointMenu = true
        case .tab: view = View.allCases[(View.allCases.firstIndex(of: view)! + 1) % View.allCases.count]
        case .backTab: view = View.allCases[(View.allCases.firstIndex(of: view)! + View.allCases.count - 1) % View.allCases.count]
        case .character("c"): chartChoice = !showChart
        case .down, .character("j"): focus = min(focus + 1, max(targets.count - 1, 0))
        case .up, .character("k"): focus = max(focus - 1, 0)
        case .character("?"): showHelp = true
        case .character("q"): return false
        default: break
        }
        return true
    }

    /// The kind of the current step.
    var currentPhase: Phase { leader.cursor.position.step.phase }

    /// Moves the leader, lets the other panes follow, and arrives at the new step.
    mutating func move(forward: Bool = true, _ body: (TraceCursor) -> Bool) {
        let before = leader.cursor.position
        guard body(leader.cursor) else {
            message = forward ? (leader.cursor.isAtFailure ? "training stopped here at a non-finite value" : "this is the end of the run")
                              : "this is the start of the run"
            return
        }
        follow()
        if leader.cursor.position.step.phase != before.step.phase || leader.cursor.position.epoch != before.epoch
            || leader.cursor.position.update != before.update { focus = 0 }
        focus = min(focus, max(targets.count - 1, 0))
        if forward { enterStep() }
    }

    /// Brings every other pane to the leader's position (or as near as its run allows).
    func follow() {
        for pane in panes.dropFirst() {
            if !pane.cursor.seek(to: leader.cursor.position) {
                pane.cursor.move(to: min(leader.cursor.index, pane.run.layout.totalSteps - 1))
            }
        }
    }

    /// Arriving at a step going forwards: ask its question if it has one not yet answered.
    mutating func enterStep() {
        if let q = pendingQuestion { prompt = .answer(question: q, text: "") }
        if leader.cursor.isAtFailure, let failure = leader.run.nonFiniteEvent {
            message = "training stopped: \(Narrator.say(failure))"
        }
    }

    /// The questions asked at the current step, in the lesson's order.
    var questionsHere: [Int] {
        // Questions are written for the lesson's own network; a variant of another shape has none.
        guard leader.run.network.sizes == lesson.settings.layers else { return [] }
        return lesson.questions.indices.filter { lesson.questions[$0].at.position == leader.cursor.position }
    }

    /// The first question of this step not yet answered or skipped.
    var pendingQuestion: Int? {
        questionsHere.first { answers[$0] == nil && !skipped.contains($0) }
    }

    mutating func typeInto(_ current: Prompt, _ key: Key) {
        switch current {
        case .goTo(let text):
            switch key {
            case .enter:
                prompt = nil
                goTo(text)
            case .escape: prompt = nil
            case .backspace: prompt = .goTo(String(text.dropLast()))
            case .character(let c) where c.isLetter || c.isNumber || c == " " || c == "-" || c == "." || c == "/":
                prompt = .goTo(text + String(c))
            default: break
            }
        case .answer(let q, let text):
            switch key {
            case .enter:
                guard let typed = Double(text.replacingOccurrences(of: "−", with: "-")) else {
                    message = "type a number, e.g. 0.25 or -1.5e-3 (Esc skips the question)"
                    return
                }
                let question = lesson.questions[q]
                let truth = question.answer.value(in: leader.cursor.trace, example: leader.cursor.position.step.example ?? 1)
                answers[q] = Answer(typed: typed, correct: abs(typed - truth) <= question.tolerance)
                prompt = pendingQuestion.map { .answer(question: $0, text: "") }
            case .escape:
                skipped.insert(q)
                prompt = pendingQuestion.map { .answer(question: $0, text: "") }
            case .backspace: prompt = .answer(question: q, text: String(text.dropLast()))
            case .character(let c) where c.isNumber || "+-−.eE".contains(c):
                prompt = .answer(question: q, text: text + String(c))
            default: break
            }
        }
    }

    /// `g`: "12" epoch 12; "12 3" epoch 12, update 3; "12 3 2 oe" also example 2, output
    /// error; step words ff, oe, bp, gd (or feedforward, output-error, backpropagate,
    /// gradient-descent) and lN for layer N.
    mutating func goTo(_ text: String) {
        let layout = leader.run.layout
        var numbers: [Int] = [], stepWord: String?, layer: Int?
        for token in text.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "." }) {
            if let n = Int(token) { numbers.append(n) } else if token.hasPrefix("l"), let n = Int(token.dropFirst()) { layer = n } else { stepWord = String(token) }
        }
        let epoch = numbers.count > 0 ? numbers[0] : leader.cursor.position.epoch
        let update = numbers.count > 1 ? numbers[1] : 1, m = numbers.count > 2 ? numbers[2] : 1
        let L = layout.layers
        let step: Step
        switch stepWord {
        case nil, "ff", "feedforward": step = .feedforward(example: m, layer: layer ?? 1)
        case "oe", "error", "output-error": step = .outputError(example: m)
        case "bp", "back", "backpropagate": step = .backpropagate(example: m, layer: layer ?? L)
        case "gd", "descent", "gradient-descent": step = .gradientDescent(layer: layer ?? L)
        default:
            message = "unknown step “\(stepWord!)”: use ff, oe, bp or gd"
            return
        }
        let target = TracePosition(epoch: epoch, update: update, step: step)
        guard leader.cursor.seek(to: target) else {
            message = "no step \(target) (epochs 1…\(layout.epochs), updates 1…\(layout.updatesPerEpoch))"
            return
        }
        follow()
        focus = 0
        enterStep()
    }

    // MARK: Running

    mutating func advanceRun() {
        runTicks += 1
        // Start at a walk, then speed up: a long run should not take minutes.
        let steps = min(1 + runTicks / 8, 64)
        for _ in 0..<steps {
            guard leader.cursor.stepForward() else {
                running = false
                message = leader.cursor.isAtFailure ? "stopped: training hit a non-finite value" : "run finished: this is the end"
                return
            }
            follow()
            focus = min(focus, max(targets.count - 1, 0))
            if let reason = stopReason() {
                running = false
                message = reason
                enterStep()
                return
            }
        }
    }

    /// Why a run should stop at the current step, if it should.
    func stopReason() -> String? {
        let cursor = leader.cursor
        if breakpoints.contains(.nonFinite), cursor.isAtFailure { return "breakpoint: a non-finite value" }
        if pendingQuestion != nil { return "a question for you" }
        if lesson.beats.contains(where: { $0.at.position == cursor.position }) { return "the lesson has something to say here" }
        if breakpoints.contains(.saturated) {
            for fact in cursor.explanation.facts {
                if case .saturated(let node) = fact, node.slowsLearning {
                    return "breakpoint: node \(node.node + 1) of layer \(node.layer) is saturated and slows learning: \(Narrator.derivativeName(node.activation)) = \(NumberText.format(node.derivative, digits: 3))"
                }
            }
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

    // MARK: What the current step shows

    /// The targets of the leader's current step.
    var targets: [StepExplanation.Target] { leader.cursor.explanation.targets }

    /// Whether the step's results are hidden because its question is waiting for an answer.
    var hidesResults: Bool {
        if case .answer = prompt { return true }
        return false
    }

    static let minimumWidth = 64
    static let minimumHeight = 18
}
