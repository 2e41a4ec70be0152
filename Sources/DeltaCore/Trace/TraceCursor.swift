/// Walks a run's trace in the lecture's order — for each example feedforward l = 1 … L,
/// the output error, backpropagate l = L … 2; then gradient descent l = L … 1; then the
/// next minibatch — one step at a time, forwards and backwards, or straight to any
/// position.
///
/// The cursor holds only its position; the numbers come from ``TrainingRun/trace(ofUpdate:)``,
/// which replays from the nearest checkpoint, so stepping back works anywhere in a long
/// run. Moving past the last trained update trains the run further. Every move returns
/// whether the cursor moved; it stops where the run ended: its last step, the step where a
/// NaN or ∞ appeared, or the end of the epoch where early stopping ended it.
public final class TraceCursor {
    /// The run being walked.
    public let run: TrainingRun
    /// The index of the current step in the whole run (see ``TraceLayout``).
    public private(set) var index: Int

    /// A cursor at the first step of the run (or at `position`).
    ///
    /// - Precondition: the run has at least one epoch, and the position exists.
    public init(run: TrainingRun, at position: TracePosition? = nil) {
        precondition(run.layout.totalSteps > 0, "a run without steps cannot be walked")
        self.run = run
        index = 0
        if let position { precondition(seek(to: position), "\(position) is not a step of this run") }
    }

    /// The layout of the run's steps.
    public var layout: TraceLayout { run.layout }
    /// The current position.
    public var position: TracePosition { layout.position(at: index) }
    /// The current update's index in the run, from 0.
    public var globalUpdate: Int { layout.globalUpdate(epoch: position.epoch, update: position.update) }
    /// Everything the current update computed.
    public var trace: UpdateTrace { run.trace(ofUpdate: globalUpdate) }
    /// What is known at the current step.
    public var frame: TraceFrame { TraceFrame(trace: trace, step: position.step) }
    /// The formulas and numbers of the current step.
    public var explanation: StepExplanation { StepExplanation(trace: trace, position: position) }
    /// Whether the current step is where training met a NaN or ∞.
    public var isAtFailure: Bool { run.nonFiniteEvent?.position == position }
    /// Whether the cursor is at the last step it can reach: the run's last, the step of a
    /// NaN or ∞, or the last step of the epoch where early stopping ended the run.
    public var isAtEnd: Bool { reachable(index + 1) == index }

    /// The last step the cursor can reach, looking no further than `limit`: training the
    /// run as far as needed, it is `limit`, the run's last step, the failing step, or the
    /// last step of the epoch where the run stopped early.
    func reachable(_ limit: Int) -> Int {
        let limit = min(limit, layout.totalSteps - 1)
        let position = layout.position(at: limit)
        run.advance(through: layout.globalUpdate(epoch: position.epoch, update: position.update))
        switch run.ending {
        case .nonFinite(let failure)?: return min(limit, layout.index(of: failure.position))
        case .stoppedEarly(let stop)?: return min(limit, stop.epoch * layout.stepsPerEpoch - 1)
        case .completed?, nil: return limit
        }
    }

    /// The index of the run's last step once training has ended (nil while it still
    /// trains): the layout's last step, the failing step, or the last step of the epoch
    /// where the run stopped early. Reading it never trains.
    public var lastStep: Int? {
        guard run.isFinished else { return nil }
        return reachable(layout.totalSteps - 1)
    }

    /// Moves to the step at `target` (clamped to the steps that exist and were reached).
    @discardableResult
    public func move(to target: Int) -> Bool {
        let clamped = reachable(max(0, target))
        defer { index = clamped }
        return clamped != index
    }

    /// One step forward.
    @discardableResult public func stepForward() -> Bool { move(to: index + 1) }
    /// One step back.
    @discardableResult public func stepBack() -> Bool { index > 0 && move(to: index - 1) }
    /// `count` steps forward (or back, if negative).
    @discardableResult public func step(by count: Int) -> Bool { move(to: index + count) }

    /// To the next step of the given kind, possibly in a later update (or as far as the
    /// run goes, if it stopped at a NaN or ∞ before it).
    @discardableResult
    public func next(_ phase: Phase) -> Bool {
        guard occurs(phase) else { return false }
        var k = index + 1
        while k < layout.totalSteps, layout.position(at: k).step.phase != phase { k += 1 }
        return k < layout.totalSteps && move(to: k)
    }

    /// To the previous step of the given kind, possibly in an earlier update.
    @discardableResult
    public func previous(_ phase: Phase) -> Bool {
        guard occurs(phase) else { return false }
        var k = index - 1
        while k >= 0, layout.position(at: k).step.phase != phase { k -= 1 }
        return k >= 0 && move(to: k)
    }

    /// To the first step of the next update.
    @discardableResult
    public func nextUpdate() -> Bool {
        let g = globalUpdate + 1
        guard g < layout.totalUpdates else { return false }
        return move(to: firstStep(ofGlobalUpdate: g))
    }

    /// To the first step of this update if the cursor is past it, else of the previous one.
    @discardableResult
    public func previousUpdate() -> Bool {
        let first = firstStep(ofGlobalUpdate: globalUpdate)
        if index > first { return move(to: first) }
        return globalUpdate > 0 && move(to: firstStep(ofGlobalUpdate: globalUpdate - 1))
    }

    /// To the first step of the next epoch.
    @discardableResult
    public func nextEpoch() -> Bool {
        let e = position.epoch + 1
        guard e <= layout.epochs else { return false }
        return move(to: (e - 1) * layout.stepsPerEpoch)
    }

    /// To the first step of this epoch if the cursor is past it, else of the previous one.
    @discardableResult
    public func previousEpoch() -> Bool {
        let first = (position.epoch - 1) * layout.stepsPerEpoch
        if index > first { return move(to: first) }
        return position.epoch > 1 && move(to: first - layout.stepsPerEpoch)
    }

    /// To a position. Returns false, without moving, if the position is not a step of the
    /// run or lies beyond a NaN or ∞ that stopped training.
    @discardableResult
    public func seek(to position: TracePosition) -> Bool {
        guard layout.contains(position) else { return false }
        let target = layout.index(of: position)
        guard reachable(target) == target else { return false }
        index = target
        return true
    }

    /// Whether steps of this kind exist: a single-layer network never backpropagates.
    private func occurs(_ phase: Phase) -> Bool { phase != .backpropagate || layout.layers >= 2 }

    /// The first step of the run's update g.
    private func firstStep(ofGlobalUpdate g: Int) -> Int {
        let (e, u) = layout.epochAndUpdate(ofGlobalUpdate: g)
        return layout.index(of: TracePosition(epoch: e, update: u, step: .feedforward(example: 1, layer: 1)))
    }
}

/// An update's trace seen from one of its steps: which values have been computed by then.
public struct TraceFrame: Sendable {
    /// The update's trace.
    public let trace: UpdateTrace
    /// The current step.
    public let step: Step

    /// A frame; see each property.
    public init(trace: UpdateTrace, step: Step) {
        self.trace = trace
        self.step = step
    }

    /// The node values a step can have computed.
    public enum NodeValue: Sendable, Hashable {
        /// z and a of a node.
        case activation
        /// δ of a node.
        case error
    }

    /// Whether `value` of layer l for example m (from 1) has been computed at this step
    /// (the step itself counts as done).
    public func isComputed(_ value: NodeValue, example m: Int, layer l: Int) -> Bool {
        let L = trace.network.L
        // Where training stopped at this very step, what the failing value kept from being
        // computed is not: the layer's a (and so its z's row) after a z, δ_L after a cost.
        if let failure = trace.failure, failure.position.step == step, m == step.example {
            switch (value, failure.quantity, step) {
            case (.activation, .z, .feedforward(_, let failed)) where l == failed: return false
            case (.error, .cost, .outputError): return false
            default: break
            }
        }
        guard let current = step.example else { return true }  // gradient descent: all examples done
        if m != current { return m < current }
        switch (value, step) {
        case (.activation, .feedforward(_, let done)): return l <= done
        case (.activation, _): return true
        case (.error, .feedforward): return false
        case (.error, .outputError): return l == L
        case (.error, .backpropagate(_, let done)): return l >= done - 1 && l >= 1
        case (.error, .gradientDescent): return true
        }
    }

    /// Whether example m's cost C(m) has been computed at this step: with its output error,
    /// so for the current example not yet at feedforward.
    public func isCostComputed(example m: Int) -> Bool {
        guard let current = step.example else { return true }
        return m < current || m == current && step.phase != .feedforward
    }

    /// Whether the averaged gradients ∂C/∂w and ∂C/∂b have been computed: at gradient descent.
    public var isGradientComputed: Bool { step.phase == .gradientDescent }

    /// Whether layer l's weights and biases have been updated at this step (never in an
    /// update whose gradient descent stopped at a NaN or ∞: no new value was written).
    public func isUpdated(layer l: Int) -> Bool {
        if trace.failure?.position.step.phase == .gradientDescent { return false }
        if case .gradientDescent(let done) = step { return l >= done }
        return false
    }
}
