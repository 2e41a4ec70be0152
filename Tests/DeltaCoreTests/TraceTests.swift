import Testing
@testable import DeltaCore

/// Determinism, the cursor, replay from checkpoints, and the layout of steps.
@Suite struct TraceTests {
    /// A 4-6-3 softmax network on 10 examples in minibatches of 3 (the last holds 1), with
    /// shuffling, dropout and L2: every source of randomness and an uneven last minibatch.
    func busyRun(seed: UInt64 = 42, epochs: Int = 3, checkpointBudget: Int = 64 << 20) throws -> TrainingRun {
        let network = try Network(sizes: [4, 6, 3], hidden: .sigmoid, output: .softmax, cost: .logLikelihood)
        let data = try syntheticData(count: 10, inputs: 4, outputs: 3, cost: .logLikelihood, output: .softmax)
        return try TrainingRun(
            network: network, training: data,
            configuration: TrainingConfiguration(eta: 0.5, batchSize: 3, epochs: epochs, shuffle: true, seed: seed,
                                                 regularization: .l2(lambda: 0.1), dropout: 0.3),
            initialization: .gaussian, checkpointBudget: checkpointBudget)
    }

    @Test func sameSeedGivesBitIdenticalTraces() throws {
        let first = try busyRun(), second = try busyRun()
        first.finish()
        second.finish()
        #expect(first.epochSummaries == second.epochSummaries)
        #expect(first.updateCosts == second.updateCosts)
        for g in 0..<first.layout.totalUpdates {
            #expect(first.trace(ofUpdate: g) == second.trace(ofUpdate: g))
        }
        #expect(first.currentParameters == second.currentParameters)
        let other = try busyRun(seed: 43)
        other.finish()
        #expect(other.initialParameters != first.initialParameters)
        #expect(other.currentParameters != first.currentParameters)
    }

    /// FNV-1a over the bits of every number of every update of the busy run: the same on
    /// every machine and Swift version, or determinism is broken.
    @Test func theBusyRunHasAFixedFingerprint() throws {
        let run = try busyRun()
        run.finish()
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ values: [Double]) {
            for v in values {
                var bits = v.bitPattern
                for _ in 0..<8 {
                    hash = (hash ^ (bits & 0xff)) &* 0x0000_0100_0000_01b3
                    bits >>= 8
                }
            }
        }
        for g in 0..<run.layout.totalUpdates {
            let t = run.trace(ofUpdate: g)
            mix(t.z + t.a + t.delta + t.mask + t.costGradient + t.outputDerivative + t.costs)
            mix(t.weightGradient + t.biasGradient + t.after.parameters.weights + t.after.parameters.biases)
            mix(t.exampleIndices.map(Double.init))
        }
        for s in run.epochSummaries { mix([s.cost, s.penalty, s.accuracy ?? -1]) }
        #expect(hash == 4_810_583_992_193_082_629)
    }

    @Test func shufflingAndDropoutAreReallyUsed() throws {
        let run = try busyRun()
        let orders = (1...3).map { Array(run.examples(epoch: $0, update: 1)) }
        #expect(Set(orders).count > 1)
        #expect(run.layout.updatesPerEpoch == 4)
        #expect(run.examples(epoch: 1, update: 4).count == 1)
        let trace = run.trace(ofUpdate: 0)
        let dropped = (1...3).flatMap { m in (0..<6).filter { trace.isDropped(m, 1, $0) } }
        #expect(!dropped.isEmpty && dropped.count < 18)
        for m in 1...3 {
            for j in 0..<6 where trace.isDropped(m, 1, j) {
                #expect(trace.a(m, 1, j) == 0)
                #expect(trace.delta(m, 1, j) == 0)
            }
            for j in 0..<6 where !trace.isDropped(m, 1, j) {
                // Inverted dropout: kept activations are scaled by 1/(1 − p).
                #expect(close(trace.a(m, 1, j), Activation.sigmoid(trace.z(m, 1, j)) / 0.7, 1e-15))
            }
        }
    }

    @Test func layoutRoundTripsEveryStep() throws {
        let layout = TraceLayout(layers: 3, trainingSetSize: 10, batchSize: 4, epochs: 2)
        #expect(layout.updatesPerEpoch == 3)
        #expect(layout.stepsPerEpoch == 2 * 3 * 10 + 3 * 3)
        var previous: TracePosition?
        for k in 0..<layout.totalSteps {
            let p = layout.position(at: k)
            #expect(layout.contains(p))
            #expect(layout.index(of: p) == k)
            if let previous, previous.update == p.update {
                #expect(previous.epoch == p.epoch)
            }
            previous = p
        }
        // The lecture's order within one example of a 3-layer network, then descent L … 1.
        let steps = (0..<layout.steps(inUpdate: 3)).map { layout.step(atIndex: $0, inUpdate: 3) }
        #expect(steps == [
            .feedforward(example: 1, layer: 1), .feedforward(example: 1, layer: 2), .feedforward(example: 1, layer: 3),
            .outputError(example: 1), .backpropagate(example: 1, layer: 3), .backpropagate(example: 1, layer: 2),
            .feedforward(example: 2, layer: 1), .feedforward(example: 2, layer: 2), .feedforward(example: 2, layer: 3),
            .outputError(example: 2), .backpropagate(example: 2, layer: 3), .backpropagate(example: 2, layer: 2),
            .gradientDescent(layer: 3), .gradientDescent(layer: 2), .gradientDescent(layer: 1),
        ])
    }

    /// What a student sees at a step: the position, and the numbers of its explanation.
    func screen(_ cursor: TraceCursor) -> (TracePosition, [[Double]]) {
        let explanation = cursor.explanation
        return (cursor.position, explanation.targets.map { target in
            explanation.derivations(for: target).flatMap { d in [d.result] + d.substituted.compactMap { $0.value } }
        })
    }

    @Test func forwardThenBackReturnsToTheSameState() throws {
        // Checkpoints every few updates, so stepping back also replays updates in between.
        let run = try busyRun(epochs: 10, checkpointBudget: 6 * 8 * 8 * 6)
        #expect(run.checkpointInterval > 1)
        let cursor = TraceCursor(run: run)
        for _ in 0..<17 { cursor.stepForward() }
        let start = screen(cursor)
        var seen = [start]
        for _ in 0..<150 {
            #expect(cursor.stepForward())
            seen.append(screen(cursor))
        }
        for k in stride(from: 149, through: 0, by: -1) {
            #expect(cursor.stepBack())
            let now = screen(cursor)
            #expect(now.0 == seen[k].0)
            #expect(now.1 == seen[k].1)
        }
        #expect(cursor.position == start.0)
    }

    @Test func seekingFarBackInA30EpochRunMatchesWalkingThere() throws {
        // A small budget forces checkpoints far apart, so seeking back must replay.
        let budget = 6 * 8 * 8 * 10  // room for about 10 checkpoints of 48 parameters
        let walked = try busyRun(epochs: 30, checkpointBudget: budget)
        #expect(walked.checkpointInterval > 1)
        let target = TracePosition(epoch: 4, update: 2, step: .backpropagate(example: 2, layer: 2))
        let walker = TraceCursor(run: walked)
        while walker.position != target { #expect(walker.stepForward()) }
        let expected = (screen(walker), walker.trace)

        let sought = try busyRun(epochs: 30, checkpointBudget: budget)
        let cursor = TraceCursor(run: sought)
        #expect(cursor.seek(to: TracePosition(epoch: 30, update: 4, step: .gradientDescent(layer: 1))))
        #expect(sought.isFinished && sought.checkpointCount <= 12)
        #expect(cursor.seek(to: target))
        #expect(screen(cursor).0 == expected.0.0)
        #expect(screen(cursor).1 == expected.0.1)
        #expect(cursor.trace == expected.1)
        // And with a checkpoint at every update.
        let dense = try busyRun(epochs: 30)
        #expect(dense.checkpointInterval == 1)
        #expect(TraceCursor(run: dense, at: target).trace == expected.1)
    }

    @Test func jumpsByPhaseUpdateAndEpoch() throws {
        let run = try busyRun()
        let cursor = TraceCursor(run: run)
        #expect(cursor.next(.gradientDescent))
        #expect(cursor.position == TracePosition(epoch: 1, update: 1, step: .gradientDescent(layer: 2)))
        #expect(cursor.next(.outputError))
        #expect(cursor.position == TracePosition(epoch: 1, update: 2, step: .outputError(example: 1)))
        #expect(cursor.previous(.backpropagate))
        #expect(cursor.position == TracePosition(epoch: 1, update: 1, step: .backpropagate(example: 3, layer: 2)))
        #expect(cursor.nextUpdate())
        #expect(cursor.position == TracePosition(epoch: 1, update: 2, step: .feedforward(example: 1, layer: 1)))
        #expect(cursor.nextEpoch())
        #expect(cursor.position == TracePosition(epoch: 2, update: 1, step: .feedforward(example: 1, layer: 1)))
        #expect(cursor.previousUpdate())
        #expect(cursor.position == TracePosition(epoch: 1, update: 4, step: .feedforward(example: 1, layer: 1)))
        cursor.stepForward()
        #expect(cursor.previousEpoch())
        #expect(cursor.position == TracePosition(epoch: 1, update: 1, step: .feedforward(example: 1, layer: 1)))
        #expect(!cursor.previousEpoch() && !cursor.stepBack())
        #expect(cursor.seek(to: TracePosition(epoch: 3, update: 4, step: .gradientDescent(layer: 1))))
        #expect(!cursor.stepForward() && !cursor.nextUpdate() && !cursor.nextEpoch())
        #expect(!cursor.seek(to: TracePosition(epoch: 3, update: 4, step: .outputError(example: 2))))  // only 1 example
    }

    @Test func parametersChainFromUpdateToUpdate() throws {
        let run = try busyRun()
        run.finish()
        for g in 1..<run.layout.totalUpdates {
            #expect(run.trace(ofUpdate: g).before == run.trace(ofUpdate: g - 1).after)
        }
        #expect(run.trace(ofUpdate: 0).before == run.initialState)
        #expect(run.trace(ofUpdate: run.layout.totalUpdates - 1).after == run.currentState)
        #expect(run.epochSummaries.count == 4)
        #expect(run.epochSummaries.last!.cost < run.epochSummaries.first!.cost)
    }

    @Test func frameSaysWhatIsComputed() throws {
        let run = try busyRun()
        let frame = TraceFrame(trace: run.trace(ofUpdate: 0), step: .backpropagate(example: 2, layer: 2))
        #expect(frame.isComputed(.activation, example: 2, layer: 2))
        #expect(frame.isComputed(.error, example: 2, layer: 1))
        #expect(frame.isComputed(.error, example: 1, layer: 1))
        #expect(!frame.isComputed(.activation, example: 3, layer: 1))
        let early = TraceFrame(trace: run.trace(ofUpdate: 0), step: .feedforward(example: 1, layer: 1))
        #expect(early.isComputed(.activation, example: 1, layer: 1) && !early.isComputed(.activation, example: 1, layer: 2))
        #expect(!early.isComputed(.error, example: 1, layer: 2))
        #expect(!early.isUpdated(layer: 2))
        #expect(TraceFrame(trace: run.trace(ofUpdate: 0), step: .gradientDescent(layer: 2)).isUpdated(layer: 2))
    }
}

@Suite struct EpochSummaryTests {
    @Test func summariesEvaluateTrainingAndValidationAfterEachEpoch() throws {
        let network = try Network(sizes: [4, 5, 3], hidden: .tanh, output: .softmax, cost: .logLikelihood)
        let all = try syntheticData(count: 14, inputs: 4, outputs: 3, cost: .logLikelihood, output: .softmax)
        let training = all.subset(Array(0..<10)), validation = all.subset(Array(10..<14))
        let run = try TrainingRun(network: network, training: training, validation: validation,
                                  configuration: TrainingConfiguration(eta: 0.3, batchSize: 4, epochs: 5,
                                                                       regularization: .l2(lambda: 2)),
                                  initialization: .gaussian)
        run.finish()
        #expect(run.accuracyRule == .argmax)
        #expect(run.epochSummaries.map(\.epoch) == Array(0...5))
        for summary in run.epochSummaries {
            let p = run.parameters(afterEpoch: summary.epoch)
            let train = run.evaluate(training, parameters: p), held = run.evaluate(validation, parameters: p)
            #expect(summary.cost == train.cost && summary.accuracy == train.accuracy)
            #expect(summary.validationCost == held.cost && summary.validationAccuracy == held.accuracy)
            #expect(close(summary.penalty, 2.0 / 20 * p.weights.reduce(0) { $0 + $1 * $1 }, 1e-14))
            // Accuracy counts argmax hits by hand.
            var hits = 0
            for m in 0..<training.count {
                let a = try run.output(for: Array(training.x(m)), parameters: p).get()
                if a.firstIndex(of: a.max()!) == training.y(m).firstIndex(of: 1)! - training.y(m).startIndex { hits += 1 }
            }
            #expect(summary.accuracy == Double(hits) / 10)
        }
        // The minibatch cost of the first update is the epoch-0 cost of its four examples.
        let first = run.trace(ofUpdate: 0)
        #expect(close(first.cost, run.evaluate(training.subset(Array(0..<4)), parameters: run.initialParameters).cost, 1e-15))
    }

    @Test func accuracyRuleFollowsTheTargets() throws {
        let sigmoid = try Network(sizes: [1, 1], output: .sigmoid, cost: .quadratic)
        #expect(AccuracyRule.inferred(network: sigmoid, targets: try Dataset(inputs: [[1], [2]], targets: [[0], [1]])) == .threshold)
        #expect(AccuracyRule.inferred(network: sigmoid, targets: try Dataset(inputs: [[1]], targets: [[0.3]])) == .none)
        let linear = try Network(sizes: [1, 2], output: .linear, cost: .mse)
        #expect(AccuracyRule.inferred(network: linear, targets: try Dataset(inputs: [[1]], targets: [[0.5, 0.5]])) == .none)
    }
}
