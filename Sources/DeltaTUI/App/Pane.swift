import DeltaCore
import DeltaLessons

/// One run on the screen: which run it is, its training run, the cursor that walks it, and
/// what the current frame shows of it. A single pane normally; in compare mode one per
/// run, the first leading and the others following it.
public struct Pane {
    /// Which run this is, as the lesson knows it (for its beats and questions).
    public let identity: RunIdentity
    /// The run's settings.
    public let settings: Settings
    /// The training run (trained lazily, see ``TraceApp``).
    public let run: TrainingRun
    /// The cursor walking the run.
    public let cursor: TraceCursor
    /// What the current frame shows; made by ``refresh()`` after every move.
    public private(set) var shown: ShownStep

    /// A pane at the first step of a run (training its first update).
    init(identity: RunIdentity, settings: Settings, run: TrainingRun) {
        self.identity = identity
        self.settings = settings
        self.run = run
        cursor = TraceCursor(run: run)
        shown = ShownStep(cursor)
    }

    /// The name the screen shows for the run.
    public var name: String { identity.name }

    /// Whether another pane shows the same run: the same run of the lesson, with the same
    /// settings, training and validation data and initial parameters, so that every value
    /// it computes is the same (a grade given in one holds in the other).
    func isSameRun(as other: Pane) -> Bool {
        identity == other.identity && settings == other.settings && run.training == other.run.training
            && run.validation == other.run.validation && run.initialParameters == other.run.initialParameters
    }

    /// Reads the cursor's step again, after the cursor moved.
    mutating func refresh() {
        shown = ShownStep(cursor)
    }
}
