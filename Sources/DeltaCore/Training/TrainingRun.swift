/// A training run that can be walked at any step, forwards or backwards.
///
/// The run trains lazily: ``advance(through:)`` carries the *head* forward update by
/// update, recording each epoch's training (and validation) cost and accuracy, until the
/// run ends (``ending``): every epoch done, a NaN or ∞, or an early stop. Every
/// `checkpointInterval` updates it keeps a checkpoint: the ``TrainingState`` (parameters
/// and optimiser state) at the start of that update. Nothing else is needed to replay,
/// because the random streams are keyed by position (see ``RandomStream``): the shuffle of
/// epoch e and the dropout masks of update g are recreated from the seed.
///
/// ``trace(ofUpdate:)`` returns everything one update computed. It restores the nearest
/// checkpoint at or before the update and replays deterministically from there, so any
/// update of a long run can be inspected while memory grows with the number of
/// checkpoints — bounded by `checkpointBudget` bytes — not with every example.
///
/// A run is a reference type with internal caches; use it from one thread at a time.
public final class TrainingRun {
    /// The network.
    public let network: Network
    /// The training examples; n = `training.count`.
    public let training: Dataset
    /// Examples held out for validation, evaluated after every epoch.
    public let validation: Dataset?
    /// The settings.
    public let configuration: TrainingConfiguration
    /// The parameters before the first update.
    public var initialParameters: Parameters { initialState.parameters }
    /// The parameters and optimiser state before the first update.
    public let initialState: TrainingState
    /// How the run's steps are numbered.
    public let layout: TraceLayout
    /// How accuracy is judged.
    public let accuracyRule: AccuracyRule
    /// A checkpoint is kept at the start of every update whose index is a multiple of this.
    public let checkpointInterval: Int

    /// How many updates the head has finished.
    public private(set) var completedUpdates = 0
    /// How the run ended, once it has: nil while training is under way. A NaN or ∞ happened
    /// in update `completedUpdates` (from 0), which never completed.
    public private(set) var ending: RunEnding?
    /// Training and validation cost and accuracy: element 0 before training, element e
    /// after epoch e.
    public private(set) var epochSummaries: [EpochSummary] = []
    /// The minibatch cost of every update the head has run (with the parameters before it).
    public private(set) var updateCosts: [Double] = []

    private var checkpoints: [TrainingState] = []
    private let head: Engine
    private lazy var replay = Engine(network: network, data: training, configuration: configuration)
    private var cachedOrder: (epoch: Int, order: [Int])?
    private var cachedTrace: UpdateTrace?

    /// A run from an initialisation scheme (drawn with the configuration's seed).
    ///
    /// - Parameter checkpointBudget: the most bytes the checkpoints may take; the interval
    ///   between checkpoints grows to fit it.
    /// - Throws: ``RunError`` for settings, data or parameters that cannot be trained.
    public convenience init(
        network: Network, training: Dataset, validation: Dataset? = nil,
        configuration: TrainingConfiguration, initialization: Initialization,
        checkpointBudget: Int = 64 << 20
    ) throws(RunError) {
        let parameters: Parameters
        do { parameters = try initialization.parameters(for: network, seed: configuration.seed) } catch {
            throw .initialization(error)
        }
        try self.init(network: network, training: training, validation: validation,
                      configuration: configuration, parameters: parameters, checkpointBudget: checkpointBudget)
    }

    /// A run from given initial parameters.
    public init(
        network: Network, training: Dataset, validation: Dataset? = nil,
        configuration: TrainingConfiguration, parameters: Parameters,
        checkpointBudget: Int = 64 << 20
    ) throws(RunError) {
        if let problem = configuration.problem { throw .configuration(problem) }
        for dataset in [training] + (validation.map { [$0] } ?? []) {
            try TrainingRun.check(dataset, fits: network)
        }
        guard parameters.weights.count == network.weightCount, parameters.biases.count == network.biasCount else {
            throw .initialization(.shapeMismatch("expected \(network.weightCount) weights and \(network.biasCount) biases, got \(parameters.weights.count) and \(parameters.biases.count)"))
        }
        guard parameters.isFinite else { throw .initialization(.notFinite) }
        if configuration.earlyStopping != nil && validation == nil { throw .earlyStoppingNeedsValidation }
        self.network = network
        self.training = training
        self.validation = validation
        self.configuration = configuration
        self.initialState = TrainingState(parameters: parameters, optimizer: configuration.optimizer.initialState(for: network))
        layout = TraceLayout(layers: network.L, trainingSetSize: training.count,
                             batchSize: configuration.batchSize, epochs: configuration.epochs)
        accuracyRule = AccuracyRule.inferred(network: network, targets: training)
        let bytesPerCheckpoint = max(1, initialState.count * MemoryLayout<Double>.stride)
        let affordable = max(1, checkpointBudget / bytesPerCheckpoint)
        checkpointInterval = max(1, (layout.totalUpdates + affordable - 1) / affordable)
        head = Engine(network: network, data: training, configuration: configuration)
        head.load(initialState)
        epochSummaries.append(summary(epoch: 0, engine: head))
        if layout.totalUpdates == 0 { ending = .completed }
    }

    // MARK: Training

    /// Whether the run has ended: every update run, a non-finite value, or an early stop.
    public var isFinished: Bool { ending != nil }

    /// The parameters after the last completed update.
    public var currentParameters: Parameters { head.parameters }

    /// The parameters and optimiser state after the last completed update.
    public var currentState: TrainingState { head.state }

    /// The non-finite value that stopped training, if one did.
    public var nonFiniteEvent: NonFiniteEvent? { ending?.nonFiniteEvent }

    /// The epoch whose parameters the run ends with: the last trained, or with early
    /// stopping and `restoreBest`, the one with the best metric. (Trains the run to its end.)
    public var keptEpoch: Int {
        finish()
        if let rule = configuration.earlyStopping, rule.restoreBest, let best = rule.best(in: epochSummaries) {
            return best.epoch
        }
        return epochSummaries.count - 1
    }

    /// Trains until update g (from 0) has been run, or the run is finished.
    public func advance(through g: Int) {
        while completedUpdates <= g && !isFinished { trainOneUpdate() }
    }

    /// Trains until the end, or until a non-finite value stops it.
    public func finish() {
        advance(through: layout.totalUpdates - 1)
    }

    private func trainOneUpdate() {
        let g = completedUpdates
        if g % checkpointInterval == 0 { checkpoints.append(head.state) }
        let (epoch, update) = layout.epochAndUpdate(ofGlobalUpdate: g)
        let outcome = head.train(examples: examples(epoch: epoch, update: update),
                                 globalUpdate: g, epoch: epoch, update: update)
        updateCosts.append(outcome.cost)
        if let failure = outcome.failure {
            ending = .nonFinite(failure)
            return
        }
        completedUpdates += 1
        guard update == layout.updatesPerEpoch else { return }
        epochSummaries.append(summary(epoch: epoch, engine: head))
        if completedUpdates == layout.totalUpdates {
            ending = .completed
        } else if let stop = configuration.earlyStopping?.stop(after: epochSummaries) {
            ending = .stoppedEarly(stop)
        }
    }

    /// The dataset indices of the examples of an update, in the order they are used.
    ///
    /// Without shuffling, every epoch takes the examples in dataset order. With shuffling,
    /// epoch e takes them in the order of a Fisher–Yates shuffle of 0 … n−1 drawn from the
    /// stream (seed, shuffle, e).
    public func examples(epoch: Int, update: Int) -> ArraySlice<Int> {
        if cachedOrder?.epoch != epoch {
            var order = Array(0..<training.count)
            if configuration.shuffle {
                var random = DeltaRandom(seed: configuration.seed, stream: RandomStream.shuffle.rawValue, UInt64(epoch))
                random.shuffle(&order)
            }
            cachedOrder = (epoch, order)
        }
        let start = (update - 1) * layout.batchSize
        return cachedOrder!.order[start..<start + layout.examples(inUpdate: update)]
    }

    private func summary(epoch: Int, engine: Engine) -> EpochSummary {
        let train = engine.evaluate(training, accuracy: accuracyRule)
        let held = validation.map { engine.evaluate($0, accuracy: accuracyRule) }
        let penalty = configuration.regularization.penalty(weights: Array(engine.w), trainingSetSize: training.count)
        return EpochSummary(epoch: epoch, cost: train.cost, penalty: penalty, accuracy: train.accuracy,
                            validationCost: held?.cost, validationAccuracy: held?.accuracy)
    }

    // MARK: Looking back

    /// The last update (from 0) whose trace can be shown: the last one run, or the one
    /// that failed. Nil before any update has been run.
    public var lastTracedUpdate: Int? {
        nonFiniteEvent != nil ? completedUpdates : (completedUpdates > 0 ? completedUpdates - 1 : nil)
    }

    /// Everything update g (from 0) computed, replayed from the nearest checkpoint.
    ///
    /// Trains the head as far as needed first. - Precondition: g is an update of the run
    /// that is reached before any failure.
    public func trace(ofUpdate g: Int) -> UpdateTrace {
        advance(through: g)
        precondition(g >= 0 && g <= lastTracedUpdate ?? -1, "update \(g) is outside the trained run")
        if let cachedTrace, cachedTrace.globalUpdate == g { return cachedTrace }
        let before = replay(to: g)
        let (epoch, update) = layout.epochAndUpdate(ofGlobalUpdate: g)
        let examples = examples(epoch: epoch, update: update)
        let outcome = replay.train(examples: examples, globalUpdate: g, epoch: epoch, update: update)
        let trace = replay.record(examples: examples, globalUpdate: g, epoch: epoch, update: update,
                                  before: before, failure: outcome.failure)
        cachedTrace = trace
        return trace
    }

    /// The parameters and optimiser state at the start of update g (from 0), replayed from
    /// a checkpoint; for g equal to the number of completed updates, the current state.
    public func state(beforeUpdate g: Int) -> TrainingState {
        advance(through: g - 1)
        precondition(g >= 0 && g <= completedUpdates, "update \(g) is outside the trained run")
        if g == completedUpdates { return head.state }
        return replay(to: g)
    }

    /// The parameters at the start of update g (from 0).
    public func parameters(beforeUpdate g: Int) -> Parameters {
        state(beforeUpdate: g).parameters
    }

    /// The parameters after epoch e (e = 0: the initial parameters).
    public func parameters(afterEpoch e: Int) -> Parameters {
        parameters(beforeUpdate: e * layout.updatesPerEpoch)
    }

    /// Loads the replay engine with the state at the start of update g and returns it.
    @discardableResult
    private func replay(to g: Int) -> TrainingState {
        let c = g / checkpointInterval
        replay.load(checkpoints[c])
        for k in (c * checkpointInterval)..<g {
            let (epoch, update) = layout.epochAndUpdate(ofGlobalUpdate: k)
            _ = replay.train(examples: examples(epoch: epoch, update: update), globalUpdate: k, epoch: epoch, update: update)
        }
        return replay.state
    }

    /// How many checkpoints are held: memory is this times the numbers of a ``TrainingState``.
    public var checkpointCount: Int { checkpoints.count }

    // MARK: Evaluation

    /// The network's output a_L for an input, with the given parameters and no dropout, or
    /// where feedforward met a NaN or ∞.
    public func output(for x: [Double], parameters: Parameters) -> Result<[Double], OutputFailure> {
        precondition(x.count == network.n(0), "the input needs \(network.n(0)) values")
        precondition(parameters.weights.count == network.weightCount && parameters.biases.count == network.biasCount,
                     "the parameters do not fit the network")
        replay.load(parameters)
        return replay.output(for: x)
    }

    /// The mean cost (without regularisation) and accuracy over a dataset, with the given
    /// parameters and no dropout.
    public func evaluate(_ dataset: Dataset, parameters: Parameters) -> (cost: Double, accuracy: Double?) {
        precondition(dataset.inputWidth == network.n(0) && dataset.targetWidth == network.n(network.L),
                     "the dataset does not fit the network")
        replay.load(parameters)
        return replay.evaluate(dataset, accuracy: accuracyRule)
    }

    private static func check(_ dataset: Dataset, fits network: Network) throws(RunError) {
        guard dataset.inputWidth == network.n(0) else {
            throw .inputWidth(expected: network.n(0), got: dataset.inputWidth)
        }
        guard dataset.targetWidth == network.n(network.L) else {
            throw .targetWidth(expected: network.n(network.L), got: dataset.targetWidth)
        }
        for m in 0..<dataset.count {
            if let problem = network.cost.problem(withTarget: dataset.y(m)) { throw .target(example: m, problem) }
        }
    }
}

/// Why a run cannot be made.
public enum RunError: Error, Hashable, Sendable {
    /// The training settings are invalid.
    case configuration(ConfigurationError)
    /// The initial parameters are invalid.
    case initialization(InitializationError)
    /// The examples' inputs are not n_0 wide.
    case inputWidth(expected: Int, got: Int)
    /// The examples' targets are not n_L wide.
    case targetWidth(expected: Int, got: Int)
    /// The target of example m (from 0) does not suit the cost.
    case target(example: Int, TargetProblem)
    /// Early stopping watches validation data, and there is none.
    case earlyStoppingNeedsValidation
}
