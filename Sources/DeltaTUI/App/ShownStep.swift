import DeltaCore

/// What a frame of the screen shows of one run: the step, the update's trace and the step's
/// explanation. The update step of the program makes one after every move (replaying or
/// training as far as it must); drawing only reads it, so drawing a frame never trains.
public struct ShownStep: Sendable {
    /// The index of the step in the run (see ``TraceLayout``).
    public let index: Int
    /// The step's position.
    public let position: TracePosition
    /// Everything the step's update computed.
    public let trace: UpdateTrace
    /// The step's formulas, numbers and facts.
    public let explanation: StepExplanation
    /// Whether this is the last step the run reaches: its last, the step of a NaN or ∞, or
    /// the end of the epoch where early stopping ended it.
    public let isAtEnd: Bool

    /// The step a cursor is at, read from its run (training as far as needed).
    init(_ cursor: TraceCursor) {
        index = cursor.index
        position = cursor.position
        trace = cursor.trace
        explanation = StepExplanation(trace: trace, position: position)
        isAtEnd = cursor.isAtEnd
    }

    /// Which values of the update are known at this step.
    public var frame: TraceFrame { TraceFrame(trace: trace, step: position.step) }

    /// The target the equations show for a focus index (clamped to the step's targets), or
    /// nil for a step without targets.
    public func target(focus: Int) -> StepExplanation.Target? {
        let targets = explanation.targets
        return targets.isEmpty ? nil : targets[min(max(focus, 0), targets.count - 1)]
    }
}
