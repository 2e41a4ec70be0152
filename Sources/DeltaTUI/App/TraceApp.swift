import DeltaCore
import DeltaLessons

/// The trace screen: its state (the Model of Model–Update–View), how events change it
/// (`TraceApp+Update.swift`) and how it is drawn (`TraceApp+View.swift`).
///
/// One ``Pane`` per run: a single pane normally, two or more in compare mode, where every
/// move is made by the first pane's cursor and the others follow it to the same position.
///
/// Training is lazy. The screen opens after the first update of each run; the rest is
/// trained on `.tick` events in slices of at most ``trainingSlice`` (``wantsTicks`` is true
/// while any run is unfinished), with the progress shown. A move trains as far as it needs
/// at once. Every move refreshes what each pane shows (``Pane/shown``), and drawing reads
/// only that, so drawing a frame never trains.
public struct TraceApp: TerminalProgram {
    /// What the main area shows; `tab` cycles through them.
    public enum View: String, CaseIterable, Sendable {
        /// The layers as columns of nodes, and the step's weights.
        case network
        /// The sum over the minibatch for one weight.
        case minibatch
        /// Per-layer tables of z, a, δ (or gradients).
        case tables
    }

    /// Text being typed at the bottom of the screen.
    public enum Prompt: Sendable, Hashable {
        /// `g`: a position to go to.
        case goTo(String)
        /// A lesson question (its index in the lesson) waiting for the student's number.
        case answer(question: Int, text: String)
    }

    /// A graded answer.
    public struct Answer: Sendable, Hashable {
        /// The number the student typed.
        public let typed: Double
        /// Whether it is within the question's tolerance of the true value.
        public let correct: Bool
        /// Whether the question had been skipped before (the screen may have shown its
        /// value since): the score says so.
        public var afterSkipping = false
    }

    /// The lesson.
    public let lesson: Lesson
    /// The runs shown, the leader first.
    public internal(set) var panes: [Pane]
    /// What the main area shows.
    public var view: View = .network
    /// Whether the cost chart is shown: nil until the student chooses with `c`, meaning
    /// "when the terminal is tall enough" (at least 32 rows).
    public var chartChoice: Bool?
    /// Whether the help overlay is open.
    public var showHelp = false
    /// How many lines the help is scrolled down (PgDn / PgUp, ↓ / ↑ while it is open).
    var helpScroll = 0
    /// Whether the breakpoint menu is open.
    public var showBreakpointMenu = false
    /// The conditions that stop a run started with `r`.
    public var breakpoints: Set<Breakpoint> = [.nonFinite]
    /// Whether `r` is running forwards.
    public internal(set) var running = false
    /// The nodes (pane, layer, node) seen saturated where that slows learning, the last time
    /// a step computed them during this `r`: the saturated-node breakpoint stops when a node
    /// joins them, not at every step of a node that stays saturated.
    var slowNodes: Set<[Int]> = []
    /// The panes already at the step where their run stopped at a NaN or ∞ during this `r`:
    /// the NaN breakpoint stops when a pane reaches its failure, once.
    var failedPanes: Set<Int> = []
    /// The index of the highlighted target of the current step (node, weight or bias).
    public var focus = 0
    /// The text being typed, if any.
    public var prompt: Prompt?
    /// The graded answers, by question index.
    public var answers: [Int: Answer] = [:]
    /// Answers and skips given on earlier screens to runs this screen does not show (the
    /// student chose a variant away from the run that asked): kept so that choosing that run
    /// again gives them back (``HeldAnswer``).
    var heldAnswers: [HeldAnswer] = []
    /// Questions the student skipped (Esc) and has not answered since: each is asked again
    /// when the student comes back to its step, and the end of the lesson offers them.
    public var skipped: Set<Int> = []
    /// Questions skipped while the student stays at their step: not asked again until the
    /// leader moves (every arrival at a step empties it).
    var declined: Set<Int> = []
    /// How many lines the lesson's box is scrolled down (PgDn / PgUp); 0 after any other key.
    public var lessonScroll = 0
    /// How many lines the equations are scrolled down (`]` / `[`), when they do not fit
    /// their box; 0 after any other key.
    public var equationScroll = 0
    /// Whether the student came to this step with the key that asks the skipped questions:
    /// answering then says how many are left.
    var askingSkipped = false
    /// Whether a key that does nothing while a question waits was pressed since the
    /// question was asked (or last checked): `g 2 Enter` must not grade "2" unnoticed, so
    /// the next Enter asks again before it checks.
    var refusedWhileAnswering = false
    /// A one-line message for the student (a breakpoint that stopped the run, a bad go-to,
    /// the end of the run).
    public var message: String?
    /// The controls over the run: speed, position breakpoints, menus, the page of runs, the
    /// watch on the lesson file (``ScreenControl``).
    public internal(set) var control = ScreenControl()
    /// The terminal's width.
    public var width = 80
    /// The terminal's height.
    public var height = 24

    /// The smallest terminal the screen is drawn in.
    static let minimumWidth = 64
    /// See ``minimumWidth``.
    static let minimumHeight = 18
    /// The most time one tick spends training in the background.
    static let trainingSlice: Duration = .milliseconds(50)

    /// A screen over runs of a lesson, in lockstep on the same initial parameters unless a
    /// run sets its own (see ``Lesson/makeRuns(comparing:)``). Trains only the first update
    /// of each run.
    public init(lesson: Lesson, runs: [(identity: RunIdentity, settings: Settings)]) throws {
        precondition(!runs.isEmpty, "a screen needs at least one run")
        self.lesson = lesson
        let trainingRuns = try lesson.makeRuns(comparing: runs.map(\.settings))
        panes = zip(runs, trainingRuns).map { Pane(identity: $0.identity, settings: $0.settings, run: $1) }
        control.lessonStamp = LessonFileStamp(path: lesson.file)
        enterStep()
    }

    /// A screen over the lesson or some of its variants (nil: the lesson itself), side by
    /// side when there are several.
    public init(lesson: Lesson, variants: [String?]) throws {
        try self.init(lesson: lesson, runs: variants.map { name in
            (name.map(RunIdentity.variant) ?? .lesson, try lesson.settings(variant: name))
        })
    }

    /// The screen a lesson asks for: the lesson alone, or with its variants side by side
    /// when it says `compare: true`.
    public init(lesson: Lesson) throws {
        try self.init(lesson: lesson, variants: lesson.opensInCompare ? [nil] + lesson.variants.map(\.name) : [nil])
    }

    /// A screen over named settings of the lesson (`compare`: its variants, or changes made
    /// with `--vary`); each contender's identity is found with ``RunIdentity/of(_:settings:in:)``.
    public init(lesson: Lesson, contenders: [(name: String, settings: Settings)]) throws {
        try self.init(lesson: lesson, runs: contenders.map { (RunIdentity.of($0.name, settings: $0.settings, in: lesson), $0.settings) })
    }

    /// The pane whose cursor leads.
    public var leader: Pane { panes[0] }
    /// Whether several runs are shown side by side.
    public var isCompare: Bool { panes.count > 1 }
    /// Whether the cost chart is shown.
    public var showChart: Bool { chartChoice ?? (height >= 32) }
    /// Ticks are wanted while `r` runs and while any run is still training.
    public var wantsTicks: Bool { running || isTraining }
    /// Whether the lesson is a file on disk that ticks watch for saves (see
    /// ``reloadIfEdited()``): a launcher asks for ticks while this is true, too.
    public var watchesLessonFile: Bool { control.lessonStamp != nil }
    /// Whether the screen is too small to draw.
    var isTooSmall: Bool { width < TraceApp.minimumWidth || height < TraceApp.minimumHeight }
}
