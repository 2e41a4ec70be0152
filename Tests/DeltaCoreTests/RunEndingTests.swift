import Testing
@testable import DeltaCore

/// How runs end, and what replay restores: the parameters and the optimiser's state as one
/// value.
@Suite struct RunEndingTests {
    /// A linear neuron from w = b = 0 trained on x = 1, y = 1 with η = 0.1: each update moves
    /// z to 1 − 0.8 (1 − z), so after epoch e the output is 1 − 0.8ᵉ. Validated on x = 1,
    /// y = 0.5, whose cost ½(a − 0.5)² is smallest after epoch 3 (a = 0.488).
    func overshootingRun(epochs: Int = 10, rule: EarlyStopping?) throws -> TrainingRun {
        let network = try Network(sizes: [1, 1], output: .linear, cost: .quadratic)
        return try TrainingRun(
            network: network, training: try Dataset(inputs: [[1]], targets: [[1]]),
            validation: try Dataset(inputs: [[1]], targets: [[0.5]]),
            configuration: TrainingConfiguration(eta: 0.1, epochs: epochs, earlyStopping: rule),
            initialization: .explicit(weights: [[[0]]], biases: [[0]]))
    }

    @Test func earlyStoppingStopsPatienceEpochsAfterTheBest() throws {
        let run = try overshootingRun(rule: EarlyStopping(patience: 2))
        // By hand: a_e = 1 − 0.8ᵉ, validation cost ½(a_e − 0.5)².
        let outputs = (0...10).map { 1 - pow08($0) }
        let costs = outputs.map { 0.5 * ($0 - 0.5) * ($0 - 0.5) }
        #expect(costs.firstIndex(of: costs.min()!) == 3)
        run.finish()
        let stop = try #require(run.ending?.earlyStop)
        #expect(stop.epoch == 5 && stop.bestEpoch == 3 && stop.keptEpoch == 3)
        #expect(close(stop.bestValue, costs[3], 1e-12) && close(stop.bestValue, 7.2e-5, 1e-9))
        #expect(run.epochSummaries.count == 6 && run.completedUpdates == 5 && run.keptEpoch == 3)
        for e in 0...5 { #expect(close(run.epochSummaries[e].validationCost!, costs[e], 1e-12), "epoch \(e)") }
        #expect(close(try run.output(for: [1], parameters: run.parameters(afterEpoch: run.keptEpoch)).get()[0], 0.488, 1e-12))

        // The cursor reaches the last step of epoch 5 (3 steps an epoch) and no further.
        let cursor = TraceCursor(run: run)
        #expect(!cursor.seek(to: TracePosition(epoch: 6, update: 1, step: .feedforward(example: 1, layer: 1))))
        while cursor.stepForward() {}
        #expect(cursor.index == 14 && cursor.position.epoch == 5 && cursor.isAtEnd && !cursor.isAtFailure)
    }

    @Test func withoutRestoreBestTheLastEpochIsKeptAndARunThatKeepsImprovingCompletes() throws {
        let run = try overshootingRun(rule: EarlyStopping(patience: 2, restoreBest: false))
        #expect(run.keptEpoch == 5 && run.ending?.earlyStop?.keptEpoch == 5)
        // Patience 8 outlasts the run: it completes, and with restore-best keeps epoch 3.
        let patient = try overshootingRun(rule: EarlyStopping(patience: 8))
        patient.finish()
        #expect(patient.ending == .completed && patient.keptEpoch == 3)
        let plain = try overshootingRun(rule: nil)
        #expect(plain.keptEpoch == 10 && plain.ending == .completed)
    }

    @Test func earlyStoppingNeedsValidationDataAndPatience() throws {
        let network = try Network(sizes: [1, 1], output: .linear, cost: .quadratic)
        let data = try Dataset(inputs: [[1]], targets: [[1]])
        #expect(throws: RunError.earlyStoppingNeedsValidation) {
            try TrainingRun(network: network, training: data,
                            configuration: TrainingConfiguration(eta: 0.1, earlyStopping: EarlyStopping(patience: 1)),
                            initialization: .gaussian)
        }
        #expect(TrainingConfiguration(eta: 0.1, earlyStopping: EarlyStopping(patience: 0)).problem == .patience(0))
    }

    @Test func accuracyImprovesUpwards() {
        let rule = EarlyStopping(patience: 1, metric: .validationAccuracy)
        #expect(rule.improves(0.9, on: 0.8) && !rule.improves(0.8, on: 0.8))
        let summaries = [0.5, 0.75, 0.75].enumerated().map {
            EpochSummary(epoch: $0, cost: 1, penalty: 0, accuracy: nil, validationCost: 1, validationAccuracy: $1)
        }
        #expect(rule.best(in: summaries)! == (1, 0.75))
        #expect(rule.stop(after: summaries)?.epoch == 2)
        #expect(rule.stop(after: Array(summaries.prefix(2))) == nil)
    }

    @Test func checkpointsAndTheTraceHoldTheWholeTrainingState() throws {
        // Under a tiny budget checkpoints are sparse, so seeking back replays from them.
        let network = try Network(sizes: [3, 4, 2], hidden: .tanh, output: .sigmoid, cost: .crossEntropy)
        let data = try syntheticData(count: 6, inputs: 3, outputs: 2, cost: .crossEntropy, output: .sigmoid)
        let run = try TrainingRun(network: network, training: data,
                                  configuration: TrainingConfiguration(eta: 0.3, batchSize: 2, epochs: 4, shuffle: true, seed: 5,
                                                                       regularization: .l2(lambda: 0.2)),
                                  initialization: .gaussian, checkpointBudget: 2 * 26 * 8)
        run.finish()
        #expect(run.checkpointInterval > 1)
        #expect(run.initialState.optimizer == OptimizerState())
        for g in 1..<run.layout.totalUpdates {
            #expect(run.trace(ofUpdate: g).before == run.trace(ofUpdate: g - 1).after)
            #expect(run.state(beforeUpdate: g) == run.trace(ofUpdate: g).before)
        }
        #expect(run.state(beforeUpdate: run.layout.totalUpdates) == run.currentState)
    }

    private func pow08(_ e: Int) -> Double { (0..<e).reduce(1.0) { p, _ in p * 0.8 } }
}
