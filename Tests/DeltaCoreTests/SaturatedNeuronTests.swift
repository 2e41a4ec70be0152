import Testing
@testable import DeltaCore

/// Nielsen, "Neural Networks and Deep Learning", chapter 3: one sigmoid neuron, x = 1,
/// y = 0, quadratic cost, η = 0.15, 300 epochs.
@Suite struct SaturatedNeuronTests {
    func outputs(_ run: TrainingRun) throws -> (start: Double, end: Double) {
        run.finish()
        return (try run.output(for: [1], parameters: run.initialParameters).get()[0],
                try run.output(for: [1], parameters: run.currentParameters).get()[0])
    }

    @Test func gentleStartGoesFrom082To009() throws {
        let (start, end) = try outputs(try saturatedNeuron(w: 0.6, b: 0.9))
        #expect((start * 100).rounded() / 100 == 0.82)
        #expect((end * 100).rounded() / 100 == 0.09)
        // The same recurrence computed independently (Python, double precision).
        #expect(close(start, 0.8175744761936437))
        #expect(close(end, 0.09395569486364724, 1e-11))
    }

    @Test func saturatedStartGoesFrom098To020() throws {
        let (start, end) = try outputs(try saturatedNeuron(w: 2, b: 2))
        #expect((start * 100).rounded() / 100 == 0.98)
        #expect((end * 100).rounded() / 100 == 0.20)
        #expect(close(start, 0.9820137900379085))
        #expect(close(end, 0.2028484242677765, 1e-11))
    }

    @Test func lectureMSEAndCrossEntropyFromTheSaturatedStart() throws {
        // The lecture's MSE has twice the gradient of ½(y − a)² for one output; cross-entropy
        // drops σ′(z) altogether.
        #expect(close(try outputs(try saturatedNeuron(w: 2, b: 2, cost: .mse)).end, 0.07753746449534711, 1e-11))
        #expect(close(try outputs(try saturatedNeuron(w: 2, b: 2, cost: .crossEntropy)).end, 0.012008741510817504, 1e-11))
    }

    /// The first epoch after which the output is below ½ (Python: 232, 117 and 17).
    @Test(arguments: [(Cost.quadratic, 232), (.mse, 117), (.crossEntropy, 17)])
    func epochsToGetBelowOneHalf(cost: Cost, expected: Int) throws {
        let run = try saturatedNeuron(w: 2, b: 2, cost: cost)
        let outputs = try (1...300).map { try run.output(for: [1], parameters: run.parameters(afterEpoch: $0)).get()[0] }
        let first = outputs.firstIndex { $0 < 0.5 }.map { $0 + 1 }
        #expect(first == expected)
    }

    @Test func outputErrorShowsTheTinySigmoidDerivative() throws {
        let run = try saturatedNeuron(w: 2, b: 2)
        let cursor = TraceCursor(run: run)
        #expect(cursor.next(.outputError))
        #expect(cursor.position == TracePosition(epoch: 1, update: 1, step: .outputError(example: 1)))
        let trace = cursor.trace
        let a = 0.9820137900379085, sigmaPrime = a * (1 - a)
        #expect(close(trace.a(1, 1, 0), a))
        #expect(close(trace.outputDerivative(1, 0), sigmaPrime, 1e-13))
        #expect(close(trace.costGradient(1, 0), a))
        #expect(close(trace.delta(1, 1, 0), a * sigmaPrime, 1e-13))
        let explanation = cursor.explanation
        // Saturated, wrong (a = 0.98 for y = 0) and not cancelled by the quadratic cost: it slows learning.
        let saturated = try #require(SaturatedNode(
            layer: 1, node: 0, activation: .sigmoid, z: 4, a: trace.a(1, 1, 0), derivative: trace.outputDerivative(1, 0),
            output: .init(cost: .quadratic, target: 0, simplification: nil, delta: trace.delta(1, 1, 0))))
        #expect(explanation.facts == [.saturated(saturated)])
        #expect(saturated.isWrong && saturated.slowsLearning)
        let derivation = explanation.derivations(for: .node(layer: 1, j: 0))[0]
        // δ_{1,1} = ∂C/∂a_{1,1} · σ′(z_{1,1}) = (a_{1,1} − y_1) · a_{1,1}(1 − a_{1,1})
        let a11 = Expr.sym(.a, .literal(1), .literal(1)), z11 = Expr.sym(.z, .literal(1), .literal(1))
        #expect(derivation.equation.lhs == .sym(.delta, .literal(1), .literal(1)))
        #expect(derivation.equation.forms == [
            .multiply([.partial(.sym(.C), a11), .apply(.sigmoidPrime, z11)]),
            .multiply([.subtract(a11, .sym(.y, .literal(1))), .multiply([a11, .subtract(.number(1), a11)])]),
        ])
        #expect(derivation.substituted[1].expr == .multiply([.subtract(.number(trace.a(1, 1, 0)), .number(0)),
                                                        .multiply([.number(trace.a(1, 1, 0)), .subtract(.number(1), .number(trace.a(1, 1, 0)))])]))
        #expect(derivation.substituted[0].expr == .multiply([.number(trace.costGradient(1, 0)), .apply(.sigmoidPrime, .number(4))]))
        #expect(close(derivation.result, 0.017341, 1e-4))
    }

    @Test func crossEntropyCancelsTheDerivative() throws {
        let run = try saturatedNeuron(w: 2, b: 2, cost: .crossEntropy)
        let cursor = TraceCursor(run: run)
        cursor.next(.outputError)
        let explanation = cursor.explanation
        #expect(explanation.facts.contains(.derivativeCancels(cost: .crossEntropy, activation: .sigmoid, simplification: .activationMinusTarget)))
        let derivation = explanation.derivations(for: .node(layer: 1, j: 0))[0]
        #expect(derivation.equation.forms.last == .subtract(.sym(.a, .literal(1), .literal(1)), .sym(.y, .literal(1))))
        #expect(derivation.result == cursor.trace.a(1, 1, 0))  // δ = a − y with y = 0
        #expect(close(cursor.trace.costGradient(1, 0) * cursor.trace.outputDerivative(1, 0), derivation.result, 1e-13))
    }
}
