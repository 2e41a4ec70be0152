import Testing
@testable import DeltaCore

@Suite struct NonFiniteTests {
    /// A linear neuron with η far too large: w ← w − η·x²·w multiplies w by −99 each update.
    func divergingRun() throws -> TrainingRun {
        let network = try Network(sizes: [1, 1], output: .linear, cost: .quadratic)
        return try TrainingRun(
            network: network, training: try Dataset(inputs: [[10]], targets: [[0]]),
            configuration: TrainingConfiguration(eta: 1, batchSize: 1, epochs: 1000),
            initialization: .explicit(weights: [[[1]]], biases: [[0]]))
    }

    @Test func trainingStopsAtTheFirstNonFiniteValue() throws {
        // The same arithmetic by hand, to find where the first ∞ appears.
        var w = 1.0, b = 0.0, expectedUpdate = -1
        for g in 0..<1000 {
            let z = 10 * w + b
            #expect(z.isFinite)
            if !(z * z / 2).isFinite { expectedUpdate = g; break }
            let delta = z
            w -= 10 * delta
            b -= delta
        }
        #expect(expectedUpdate == 77)

        let run = try divergingRun()
        run.finish()
        #expect(run.isFinished)
        let failure = try #require(run.nonFiniteEvent)
        #expect(run.completedUpdates == expectedUpdate)
        #expect(failure.position == TracePosition(epoch: expectedUpdate + 1, update: 1, step: .outputError(example: 1)))
        #expect(failure.quantity == .cost && failure.layer == 1 && failure.value == .infinity)
        #expect(run.epochSummaries.count == expectedUpdate + 1)
        #expect(failure.node == 0)

        // The cursor walks up to the failing step and no further; its trace is partial.
        let cursor = TraceCursor(run: run)
        #expect(!cursor.seek(to: TracePosition(epoch: expectedUpdate + 2, update: 1, step: .feedforward(example: 1, layer: 1))))
        cursor.nextEpoch()
        while cursor.stepForward() {}
        #expect(cursor.position == failure.position && cursor.isAtFailure)
        let trace = cursor.trace
        #expect(trace.failure == failure)
        #expect(trace.after == trace.before)
        #expect(trace.z(1, 1, 0).isFinite && trace.delta(1, 1, 0) == 0)
    }

    @Test func aNaNInsideADeepNetworkIsLocated() throws {
        // ReLU layers with huge weights overflow z in the second layer on the first example.
        let network = try Network(sizes: [2, 2, 2, 1], hidden: .relu, output: .linear, cost: .mse)
        let big = 1e200
        let run = try TrainingRun(
            network: network, training: try Dataset(inputs: [[1, 1], [2, 2]], targets: [[0], [1]]),
            configuration: TrainingConfiguration(eta: 0.1, batchSize: 2, epochs: 3),
            initialization: .explicit(weights: [[[big, big], [big, big]], [[big, big], [big, big]], [[1], [1]]],
                                      biases: [[0, 0], [0, 0], [0]]))
        run.finish()
        let failure = try #require(run.nonFiniteEvent)
        #expect(failure.position == TracePosition(epoch: 1, update: 1, step: .feedforward(example: 1, layer: 2)))
        #expect(failure.quantity == .z && failure.layer == 2 && failure.node == 0 && failure.value == .infinity)
        #expect(run.completedUpdates == 0 && run.lastTracedUpdate == 0)
    }
}

@Suite struct GradientDescentFailureTests {
    /// Two huge inputs and a huge η: every forward value is finite, but the update of layer 2
    /// overflows, so training must stop at gradient descent l = 2 with nothing changed.
    @Test func aFailureDuringGradientDescentLeavesTheParametersAsTheyWere() throws {
        let network = try Network(sizes: [1, 1, 1], hidden: .linear, output: .linear, cost: .quadratic)
        let run = try TrainingRun(
            network: network, training: try Dataset(inputs: [[1e300], [1e300]], targets: [[0], [0]]),
            configuration: TrainingConfiguration(eta: 1e10, batchSize: 2, epochs: 2),
            initialization: .explicit(weights: [[[1]], [[1e-300]]], biases: [[0], [0]]))
        run.finish()
        let failure = try #require(run.nonFiniteEvent)
        #expect(failure.position == TracePosition(epoch: 1, update: 1, step: .gradientDescent(layer: 2)))
        #expect(failure.quantity == .weight && failure.layer == 2 && failure.node == 0 && failure.from == 0)
        #expect(failure.value == -.infinity)
        #expect(run.currentParameters == run.initialParameters)
        #expect(run.parameters(beforeUpdate: 0) == run.initialParameters)
        let trace = run.trace(ofUpdate: 0)
        #expect(trace.after == trace.before)
        // Every layer's gradient is the average over both examples.
        let termsLayer1 = (1...2).map { trace.gradientTerm($0, 1, 0, 0) }
        #expect(close(trace.weightGradient(1, 0, 0), (termsLayer1[0] + termsLayer1[1]) / 2, 1e-15))
    }

    @Test func aFailingUpdateTracesTheSameWhateverWasLookedAtBefore() throws {
        func make() throws -> TrainingRun {
            let network = try Network(sizes: [2, 3, 1], hidden: .relu, output: .linear, cost: .mse)
            return try TrainingRun(
                network: network, training: try Dataset(inputs: [[1, 1], [2, 2], [3, 1]], targets: [[0], [1], [1]]),
                configuration: TrainingConfiguration(eta: 40, batchSize: 3, epochs: 200, seed: 3, dropout: 0.5),
                initialization: .unitGaussian)
        }
        let a = try make(), b = try make()
        a.finish()
        b.finish()
        let g = try #require(a.lastTracedUpdate)
        #expect(a.nonFiniteEvent != nil && g > 1)
        _ = b.trace(ofUpdate: g - 1)
        #expect(a.trace(ofUpdate: g) == b.trace(ofUpdate: g))
    }
}
