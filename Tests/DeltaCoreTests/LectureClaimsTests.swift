import Testing
@testable import DeltaCore

/// The lecture's claims (with the slides' slips corrected), checked on the engine.
@Suite struct LectureClaimsTests {
    @Test(arguments: [Initialization.gaussian, .unitGaussian, .slideSqrtN])
    func initialisationHasTheDocumentedSpread(_ scheme: Initialization) throws {
        let network = try Network(sizes: [400, 300], output: .sigmoid, cost: .quadratic)
        let p = try scheme.parameters(for: network, seed: 17)
        let expected = try #require(scheme.weightStandardDeviation(fanIn: 400))
        let mean = p.weights.reduce(0, +) / Double(p.weights.count)
        let sd = (p.weights.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(p.weights.count)).squareRoot()
        #expect(abs(mean) < 0.01 * expected)
        #expect(abs(sd / expected - 1) < 0.01)
        let biasMean = p.biases.reduce(0, +) / 300
        #expect(abs(biasMean) < 0.2)
        #expect(p == (try scheme.parameters(for: network, seed: 17)))
        #expect(p != (try scheme.parameters(for: network, seed: 18)))
    }

    @Test func theSlidesLiteralInitialisationSaturatesAlmostEveryNode() throws {
        var saturated: [Double] = []
        for scheme in [Initialization.gaussian, .slideSqrtN] {
            let network = try Network(sizes: [100, 50, 2], output: .sigmoid, cost: .quadratic)
            let data = try syntheticData(count: 1, inputs: 100, outputs: 2, cost: .quadratic, output: .sigmoid)
            let run = try TrainingRun(network: network, training: data,
                                      configuration: TrainingConfiguration(eta: 0.1), initialization: scheme)
            let explanation = TraceCursor(run: run).explanation
            let count = explanation.facts.filter { if case .saturated = $0 { true } else { false } }.count
            saturated.append(Double(count) / 50)
        }
        #expect(saturated[0] < 0.1)
        #expect(saturated[1] > 0.9)
    }

    /// σ(2z) = e^z / (e^z + e^−z): one sigmoid unit with cross-entropy is a two-node softmax
    /// with tied inputs (z, −z) and log-likelihood.
    @Test func sigmoidWithCrossEntropyIsATiedTwoNodeSoftmax() throws {
        let sigmoid = try Network(sizes: [2, 1], output: .sigmoid, cost: .crossEntropy)
        let softmax = try Network(sizes: [2, 2], output: .softmax, cost: .logLikelihood)
        let w = [0.7, -1.3], b = 0.4
        let one = try Parameters(network: sigmoid, weights: [[[2 * w[0]], [2 * w[1]]]], biases: [[2 * b]])
        let two = try Parameters(network: softmax, weights: [[[w[0], -w[0]], [w[1], -w[1]]]], biases: [[b, -b]])
        for (x, y) in [([0.5, 0.25], 1.0), ([-1, 2], 0.0), ([3, 1], 1.0)] {
            let a = GradientCheck.run(network: sigmoid, parameters: one, examples: try Dataset(inputs: [x], targets: [[y]]))
            let c = GradientCheck.run(network: softmax, parameters: two, examples: try Dataset(inputs: [x], targets: [[y, 1 - y]]))
            #expect(close(a.cost, c.cost, 1e-14))
        }
    }

    @Test func aSaturatedCrossEntropyNeuronHasAFiniteCost() throws {
        // z = 800: σ(z) is exactly 1.0 in double precision, so ln(1 − a) would be ln 0.
        let run = try saturatedNeuron(w: 400, b: 400, cost: .crossEntropy, eta: 0.001, epochs: 2)
        let trace = run.trace(ofUpdate: 0)
        #expect(trace.a(1, 1, 0) == 1.0)
        #expect(close(trace.cost, 800, 1e-15))  // −ln(1 − σ(800)) = softplus(800) = 800
        #expect(trace.delta(1, 1, 0) == 1)  // a − y
        // The factors are honest: 1/(1 − a) = 1 + e^800 overflows, σ′(800) underflows.
        #expect(trace.costGradient(1, 0) == .infinity && trace.outputDerivative(1, 0) == 0)
        run.finish()
        #expect(run.nonFiniteEvent == nil)
    }

    @Test func theFactorsOfASaturatedOutputErrorKeepTheirPrecision() throws {
        // z = 20: 1 − σ(20) ≈ 2e−9 has only 7 correct digits if taken as 1 − a.
        let trace = try saturatedNeuron(w: 10, b: 10, cost: .crossEntropy).trace(ofUpdate: 0)
        let e20 = 485165195.4097903  // e^20
        #expect(close(trace.costGradient(1, 0), 1 + e20, 1e-15))
        #expect(close(trace.outputDerivative(1, 0), e20 / ((1 + e20) * (1 + e20)), 1e-14))
        #expect(close(trace.costGradient(1, 0) * trace.outputDerivative(1, 0), trace.delta(1, 1, 0), 1e-14))
    }

    @Test func mseIsTheQuadraticCostTimesTwoOverNL() throws {
        let data = try syntheticData(count: 3, inputs: 2, outputs: 3, cost: .mse, output: .linear)
        let mse = try Network(sizes: [2, 3], output: .linear, cost: .mse)
        let quadratic = try Network(sizes: [2, 3], output: .linear, cost: .quadratic)
        let p = try Initialization.gaussian.parameters(for: mse, seed: 2)
        let a = GradientCheck.run(network: mse, parameters: p, examples: data)
        let b = GradientCheck.run(network: quadratic, parameters: p, examples: data)
        #expect(close(a.cost, b.cost * 2 / 3, 1e-14))
    }
}
