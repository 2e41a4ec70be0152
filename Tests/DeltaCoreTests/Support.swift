@testable import DeltaCore

/// The single sigmoid neuron of Nielsen's chapter 3: x = 1, y = 0.
func saturatedNeuron(w: Double, b: Double, cost: Cost = .quadratic, eta: Double = 0.15, epochs: Int = 300) throws -> TrainingRun {
    let network = try Network(sizes: [1, 1], output: .sigmoid, cost: cost)
    return try TrainingRun(
        network: network, training: try Dataset(inputs: [[1]], targets: [[0]]),
        configuration: TrainingConfiguration(eta: eta, batchSize: 1, epochs: epochs),
        initialization: .explicit(weights: [[[w]]], biases: [[b]]))
}

/// Matt Mazur's worked 2-2-2 example ("A Step by Step Backpropagation Example").
func mazurRun(epochs: Int = 1) throws -> TrainingRun {
    let network = try Network(sizes: [2, 2, 2], hidden: .sigmoid, output: .sigmoid, cost: .quadratic)
    return try TrainingRun(
        network: network, training: try Dataset(inputs: [[0.05, 0.10]], targets: [[0.01, 0.99]]),
        configuration: TrainingConfiguration(eta: 0.5, batchSize: 1, epochs: epochs),
        initialization: .explicit(weights: [[[0.15, 0.25], [0.20, 0.30]], [[0.40, 0.50], [0.45, 0.55]]],
                                  biases: [[0.35, 0.35], [0.60, 0.60]]))
}

/// A small deterministic dataset: inputs in [−1, 1], targets chosen to suit the cost.
func syntheticData(count: Int, inputs: Int, outputs: Int, cost: Cost, output: Activation, seed: UInt64 = 7) throws -> Dataset {
    var random = DeltaRandom(seed: seed)
    var x: [[Double]] = [], y: [[Double]] = []
    for m in 0..<count {
        x.append((0..<inputs).map { _ in random.nextUnit() * 2 - 1 })
        switch (cost, output) {
        case (.logLikelihood, _), (_, .softmax):
            y.append((0..<outputs).map { $0 == m % outputs ? 1 : 0 })
        case (.crossEntropy, _):
            y.append((0..<outputs).map { _ in random.nextUnit() < 0.5 ? 0 : 1 })
        default:
            y.append((0..<outputs).map { _ in random.nextUnit() * 1.6 - 0.8 })
        }
    }
    return try Dataset(inputs: x, targets: y)
}

/// |a − b| ≤ tolerance · max(1, |a|, |b|).
func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}
