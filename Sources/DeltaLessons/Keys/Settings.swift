import DeltaCore

/// The network, initialisation and training settings of a lesson or one of its variants,
/// with where each was written so that a problem found later can point at it.
public struct Settings: Sendable, Hashable {
    /// n_0 … n_L.
    public var layers: [Int]
    /// The activation of every hidden layer.
    public var hidden: Activation
    /// The activation of the output layer.
    public var output: Activation
    /// The cost.
    public var cost: Cost
    /// The initial weights and biases.
    public var initialization: Initialization
    /// The seed of the initial parameters: `init.seed`, which defaults to the lesson's
    /// `train.seed` (``Lesson/initialParameters(_:network:)`` says why).
    public var initSeed: UInt64
    /// η, M, epochs, shuffling, seed, regularisation, dropout.
    public var training: TrainingConfiguration
    /// λ, the regularisation strength (kept apart so that `lambda:` and
    /// `regularization:` can come in either order, or in different variants).
    public var lambda: Double = 0
    /// How the rows become examples (`standardize`, …).
    public var data = DataSettings()

    /// Where each setting was written, by its key's path (`network.cost`, `train.eta`, …).
    var locations: [String: SourceLocation] = [:]

    /// The network these settings describe.
    public func network() throws -> Network {
        do {
            return try Network(sizes: layers, hidden: hidden, output: output, cost: cost)
        } catch {
            throw problem(error)
        }
    }

    /// The settings with the values a lesson did not give.
    static let defaults = Settings(
        layers: [], hidden: .sigmoid, output: .sigmoid, cost: .quadratic, initialization: .gaussian, initSeed: 1,
        training: TrainingConfiguration(eta: 0.1, batchSize: 1, epochs: 1, shuffle: false, seed: 1))

    /// Where a key was written, or the fallback for a key the settings took by default.
    func location(_ key: LessonKey, or fallback: SourceLocation) -> SourceLocation { locations[key.path] ?? fallback }

    /// A located error for a network that cannot be built.
    func problem(_ error: NetworkError) -> LessonError {
        let fallback = locations[LessonKey.layers.path] ?? SourceLocation(file: "?", line: 1, column: 1)
        switch error {
        case .tooFewLayers(let count):
            return LessonError(location(.layers, or: fallback), "`layers` lists \(count) layer\(count == 1 ? "" : "s"); a network needs an input layer and at least one more",
                               hint: "write the sizes input first, e.g. layers: [2, 3, 1]")
        case .emptyLayer(let l):
            return LessonError(location(.layers, or: fallback), "layer \(l) has no nodes", hint: "every size in `layers` must be at least 1")
        case .activationCount:
            return LessonError(fallback, "the network's activations do not match its layers")
        case .softmaxNotOutput:
            return LessonError(location(.hidden, or: fallback), "softmax is only for the output layer",
                               hint: "use sigmoid, tanh, relu or linear for `hidden`")
        case .softmaxSingleNode:
            return LessonError(location(.output, or: fallback), "softmax over a single output node is always 1 and cannot learn",
                               hint: "give the output layer one node per class, or use `output: sigmoid` for one node")
        case .costUndefined(.crossEntropy, _):
            return LessonError(location(.cost, or: fallback), "the cross-entropy cost needs sigmoid outputs, each a probability in (0, 1) of its own",
                               hint: "use `output: sigmoid`, or `cost: log-likelihood` with `output: softmax`")
        case .costUndefined(let cost, let output):
            return LessonError(location(.cost, or: fallback), "the \(cost) cost takes the logarithm of the output, which \(output) outputs can make 0 or negative",
                               hint: "pair \(cost) with `output: softmax`, or use `cost: mse` or `cost: quadratic`")
        }
    }
}
