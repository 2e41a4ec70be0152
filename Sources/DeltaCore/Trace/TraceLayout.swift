/// How the steps of a run are numbered: maps a ``TracePosition`` to its index in the run's
/// sequence of steps and back, in constant time.
///
/// An update on M examples of a network with L layers has 2L steps per example (L
/// feedforward, 1 output error, L − 1 backpropagate) and L gradient-descent steps.
public struct TraceLayout: Sendable, Hashable {
    /// L.
    public let layers: Int
    /// The number of training examples, n.
    public let trainingSetSize: Int
    /// M, the minibatch size (the last minibatch of an epoch may be smaller).
    public let batchSize: Int
    /// The number of epochs.
    public let epochs: Int

    /// The layout of a run.
    public init(layers: Int, trainingSetSize: Int, batchSize: Int, epochs: Int) {
        self.layers = layers
        self.trainingSetSize = trainingSetSize
        self.batchSize = min(batchSize, trainingSetSize)
        self.epochs = epochs
    }

    /// Updates per epoch: ⌈n / M⌉.
    public var updatesPerEpoch: Int { (trainingSetSize + batchSize - 1) / batchSize }
    /// Updates in the whole run.
    public var totalUpdates: Int { updatesPerEpoch * epochs }
    /// Steps per epoch: 2L·n + L·(updates per epoch).
    public var stepsPerEpoch: Int { 2 * layers * trainingSetSize + layers * updatesPerEpoch }
    /// Steps in the whole run.
    public var totalSteps: Int { stepsPerEpoch * epochs }

    /// The number of examples in update u (from 1) of an epoch.
    public func examples(inUpdate u: Int) -> Int {
        u < updatesPerEpoch ? batchSize : trainingSetSize - (updatesPerEpoch - 1) * batchSize
    }

    /// The number of steps of update u (from 1) of an epoch.
    public func steps(inUpdate u: Int) -> Int { 2 * layers * examples(inUpdate: u) + layers }

    /// The update's index in the whole run, from 0: (e − 1)·U + (u − 1).
    public func globalUpdate(epoch: Int, update: Int) -> Int { (epoch - 1) * updatesPerEpoch + update - 1 }

    /// The epoch and update (both from 1) of an update's index in the whole run.
    public func epochAndUpdate(ofGlobalUpdate g: Int) -> (epoch: Int, update: Int) {
        (g / updatesPerEpoch + 1, g % updatesPerEpoch + 1)
    }

    /// Whether a position names a step that exists in this run.
    public func contains(_ p: TracePosition) -> Bool {
        guard epochs >= 1, (1...epochs).contains(p.epoch), (1...updatesPerEpoch).contains(p.update) else { return false }
        let M = examples(inUpdate: p.update), L = layers
        switch p.step {
        case .feedforward(let m, let l): return (1...M).contains(m) && (1...L).contains(l)
        case .outputError(let m): return (1...M).contains(m)
        case .backpropagate(let m, let l): return (1...M).contains(m) && L >= 2 && (2...L).contains(l)
        case .gradientDescent(let l): return (1...L).contains(l)
        }
    }

    /// The index of a step within its update, from 0.
    public func indexInUpdate(_ step: Step, update u: Int) -> Int {
        let L = layers
        switch step {
        case .feedforward(let m, let l): return (m - 1) * 2 * L + (l - 1)
        case .outputError(let m): return (m - 1) * 2 * L + L
        case .backpropagate(let m, let l): return (m - 1) * 2 * L + L + (L - l + 1)
        case .gradientDescent(let l): return 2 * L * examples(inUpdate: u) + (L - l)
        }
    }

    /// The step at an index within update u.
    public func step(atIndex k: Int, inUpdate u: Int) -> Step {
        let L = layers, M = examples(inUpdate: u)
        if k >= 2 * L * M { return .gradientDescent(layer: L - (k - 2 * L * M)) }
        let m = k / (2 * L) + 1, r = k % (2 * L)
        if r < L { return .feedforward(example: m, layer: r + 1) }
        if r == L { return .outputError(example: m) }
        return .backpropagate(example: m, layer: L - (r - L - 1))
    }

    /// The index of a position in the whole run, from 0.
    public func index(of p: TracePosition) -> Int {
        (p.epoch - 1) * stepsPerEpoch + (p.update - 1) * (2 * layers * batchSize + layers)
            + indexInUpdate(p.step, update: p.update)
    }

    /// The position at an index of the whole run (0 ..< totalSteps).
    public func position(at index: Int) -> TracePosition {
        let e = index / stepsPerEpoch + 1
        let r = index % stepsPerEpoch
        let fullUpdate = 2 * layers * batchSize + layers
        let u = min(r / fullUpdate + 1, updatesPerEpoch)
        return TracePosition(epoch: e, update: u, step: step(atIndex: r - (u - 1) * fullUpdate, inUpdate: u))
    }
}
