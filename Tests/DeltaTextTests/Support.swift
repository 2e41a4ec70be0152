import DeltaCore

/// A 1-1-n network with x = 1 whose hidden z_{1,1} is exactly `hidden` and whose first
/// output has z_{2,1} exactly `output` (the weights into the output layer are 2⁻⁶⁰, too
/// small to move z_{2,1} off b_{2,1}); one update on one example with target `y`.
func saturatedRun(hidden f: Activation, output: Activation, cost: Cost, hidden zh: Double, output zo: Double, target y: [Double]) throws -> TrainingRun {
    let n = y.count
    let network = try Network(sizes: [1, 1, n], hidden: f, output: output, cost: cost)
    return try TrainingRun(
        network: network, training: try Dataset(inputs: [[1]], targets: [y]),
        configuration: TrainingConfiguration(eta: 0.1, batchSize: 1, epochs: 1),
        initialization: .explicit(weights: [[[zh]], [Array(repeating: 0x1p-60, count: n)]],
                                  biases: [[0], [zo] + Array(repeating: 0, count: n - 1)]))
}

/// The targets to try: 0 and 1 for one output (1 only for log-likelihood, whose targets
/// sum to 1), e₁ and e₂ for softmax.
func saturatedTargets(output: Activation, cost: Cost) -> [[Double]] {
    if output == .softmax { return [[1, 0, 0], [0, 1, 0]] }
    return cost == .logLikelihood ? [[1]] : [[0], [1]]
}

/// Every sub-expression of e, e first.
func parts(of e: Expr) -> [Expr] {
    switch e {
    case .number, .symbol, .indicator, .partial: return [e]
    case .sum(let s): return [e] + parts(of: s.body)
    case .add(let xs), .multiply(let xs): return [e] + xs.flatMap(parts(of:))
    case .subtract(let x, let y), .divide(let x, let y): return [e] + parts(of: x) + parts(of: y)
    case .negate(let x), .apply(_, let x), .power(let x, _): return [e] + parts(of: x)
    }
}
