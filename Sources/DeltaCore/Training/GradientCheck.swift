/// Compares the gradients backpropagation computes with centred finite differences of the
/// cost, for every weight and bias.
///
/// The cost checked is the regularised minibatch cost
/// C = (1/M) Σ_m C_0(m) + penalty(w), whose gradient backpropagation gives as
/// Σ_m a_{l−1,i}(m) δ_{l,j}(m) / M + ∂penalty/∂w. With dropout, the masks drawn for the
/// backpropagation are held fixed for the finite differences, so both see the same network.
///
/// The derivative of each parameter θ is estimated with the fourth-order centred stencil
/// [−C(θ+2h) + 8C(θ+h) − 8C(θ−h) + C(θ−2h)] / 12h, whose error falls as h⁴, and compared by
/// the relative error |g − ĝ| / max(|g|, |ĝ|, floor · max(1, |C|)): the floor keeps the
/// comparison of gradients that are both almost 0 (next to the cost) from dividing rounding
/// noise by almost nothing.
///
/// Where a perturbation carries a ReLU's z across 0, or an L1-regularised weight across 0,
/// the cost has a kink inside the stencil and finite differences do not estimate the
/// derivative; such entries are marked ``Entry/crossesKink`` and left out of the maximum.
public enum GradientCheck {
    /// A weight or a bias (node indices from 0).
    public enum Parameter: Sendable, Hashable {
        /// w_{l,i,j}.
        case weight(layer: Int, i: Int, j: Int)
        /// b_{l,j}.
        case bias(layer: Int, j: Int)
    }

    /// One parameter's two gradients.
    public struct Entry: Sendable, Hashable {
        /// Which parameter.
        public let parameter: Parameter
        /// ∂C/∂θ by backpropagation.
        public let backpropagation: Double
        /// ∂C/∂θ by finite differences.
        public let numeric: Double
        /// |backpropagation − numeric| / max(|backpropagation|, |numeric|, floor · max(1, |C|)).
        public let relativeError: Double
        /// Whether the stencil crossed a kink (a ReLU's z or an L1-regularised weight passing
        /// 0), so that the finite difference is no estimate of the derivative.
        public let crossesKink: Bool
    }

    /// The result of a check.
    public struct Report: Sendable {
        /// Every parameter, weights first, in storage order.
        public let entries: [Entry]
        /// The cost at the parameters checked.
        public let cost: Double
        /// The entries whose stencil crossed no kink.
        public var smooth: [Entry] { entries.filter { !$0.crossesKink } }
        /// The smooth entry with the largest relative error.
        public var worst: Entry? { smooth.max { $0.relativeError < $1.relativeError } }
        /// The largest relative error of the smooth entries.
        public var maxRelativeError: Double { worst?.relativeError ?? 0 }
    }

    /// Checks every parameter of a network on a minibatch of examples.
    ///
    /// - Precondition: the examples and parameters fit the network, and 0 ≤ dropout < 1.
    /// - Parameters:
    ///   - trainingSetSize: n in the penalty (λ/2n) Σ w² or (λ/n) Σ |w|; the number of
    ///     examples when nil.
    ///   - dropout: p; the masks are drawn from `seed` as in update 0 of a run.
    ///   - step: h.
    ///   - floor: the smallest denominator of the relative error, relative to max(1, |C|).
    public static func run(
        network: Network, parameters: Parameters, examples: Dataset,
        regularization: Regularization = .none, trainingSetSize: Int? = nil,
        dropout: Double = 0, seed: UInt64 = 1, step h: Double = 1e-3, floor: Double = 1e-5
    ) -> Report {
        precondition(examples.inputWidth == network.n(0) && examples.targetWidth == network.n(network.L),
                     "the examples do not fit the network")
        precondition(parameters.weights.count == network.weightCount && parameters.biases.count == network.biasCount,
                     "the parameters do not fit the network")
        precondition(dropout >= 0 && dropout < 1, "the dropout probability must be in [0, 1)")
        let n = trainingSetSize ?? examples.count
        let configuration = TrainingConfiguration(eta: 1, batchSize: examples.count, epochs: 1, seed: seed,
                                                  regularization: regularization, dropout: dropout)
        let engine = Engine(network: network, data: examples, configuration: configuration)
        let all = Array(0..<examples.count)[...]
        engine.load(parameters)
        _ = engine.train(examples: all, globalUpdate: 0, epoch: 1, update: 1)
        let gradW = Array(engine.gradW), gradB = Array(engine.gradB)
        engine.load(parameters)
        let base = engine.cost(examples: all) + regularization.penalty(weights: parameters.weights, trainingSetSize: n)
        let baseZ = Array(engine.z[0..<examples.count * network.nodeCount])
        let scale = floor * max(1, abs(base))
        var kinked = false

        func cost(_ p: Parameters) -> Double {
            engine.load(p)
            let c = engine.cost(examples: all) + regularization.penalty(weights: p.weights, trainingSetSize: n)
            kinked = kinked || engine.reluSignsDiffer(from: baseZ, examples: examples.count)
            return c
        }
        func numeric(_ change: (inout Parameters, Double) -> Void) -> (value: Double, kinked: Bool) {
            kinked = false
            var values = [Double]()
            for k in [2.0, 1, -1, -2] {
                var p = parameters
                change(&p, k * h)
                values.append(cost(p))
            }
            return ((-values[0] + 8 * values[1] - 8 * values[2] + values[3]) / (12 * h), kinked)
        }
        func entry(_ parameter: Parameter, _ g: Double, _ numeric: (value: Double, kinked: Bool), l1Kink: Bool = false) -> Entry {
            Entry(parameter: parameter, backpropagation: g, numeric: numeric.value,
                  relativeError: abs(g - numeric.value) / max(abs(g), abs(numeric.value), scale),
                  crossesKink: numeric.kinked || l1Kink)
        }
        let l1 = if case .l1 = regularization { true } else { false }
        var entries: [Entry] = []
        for k in 0..<network.weightCount {
            let (l, i, j) = network.weightPosition(k)
            let g = gradW[k] + regularization.penaltyGradient(parameters.weights[k], trainingSetSize: n)
            entries.append(entry(.weight(layer: l, i: i, j: j), g, numeric { $0.weights[k] += $1 },
                                 l1Kink: l1 && abs(parameters.weights[k]) <= 2 * h))
        }
        for k in 0..<network.biasCount {
            let (l, j) = network.biasPosition(k)
            entries.append(entry(.bias(layer: l, j: j), gradB[k], numeric { $0.biases[k] += $1 }))
        }
        return Report(entries: entries, cost: base)
    }
}
