import Testing
@testable import DeltaCore

/// At the step where training stopped, what the failing value kept from being computed is
/// not presented as computed: no "= 0" for an a that was never evaluated, no "w → …" for an
/// update that was never applied.
@Suite struct StoppedStepTests {
    @Test func aValueAfterTheFailingZIsNotComputed() throws {
        // A linear neuron with w = b = 10³⁰⁸: z = 1.5·10³⁰⁸ + 10³⁰⁸ = ∞ on the first feedforward.
        let network = try Network(sizes: [1, 1], output: .linear, cost: .quadratic)
        let run = try TrainingRun(network: network, training: try Dataset(inputs: [[1.5]], targets: [[0]]),
                                  configuration: TrainingConfiguration(eta: 0.1, epochs: 2),
                                  initialization: .explicit(weights: [[[1e308]]], biases: [[1e308]]))
        let cursor = TraceCursor(run: run)
        let derivations = cursor.explanation.derivations(for: .node(layer: 1, j: 0))
        let failure = try #require(run.nonFiniteEvent)
        #expect(cursor.isAtFailure && failure.quantity == .z && failure.value == .infinity)
        // z = ∞ is what was computed; a = f(z) never was.
        #expect(derivations[0].result == .infinity && derivations[0].stoppedBefore == nil)
        #expect(derivations[1].stoppedBefore == failure)
        #expect(!cursor.frame.isComputed(.activation, example: 1, layer: 1))
        #expect(!cursor.frame.isComputed(.error, example: 1, layer: 1))
    }

    @Test func anUpdateWhoseDescentFailedWasNeverApplied() throws {
        // As in GradientDescentFailureTests: the update of layer 2 overflows.
        let network = try Network(sizes: [1, 1, 1], hidden: .linear, output: .linear, cost: .quadratic)
        let run = try TrainingRun(
            network: network, training: try Dataset(inputs: [[1e300], [1e300]], targets: [[0], [0]]),
            configuration: TrainingConfiguration(eta: 1e10, batchSize: 2, epochs: 2),
            initialization: .explicit(weights: [[[1]], [[1e-300]]], biases: [[0], [0]]))
        let cursor = TraceCursor(run: run)
        #expect(cursor.next(.gradientDescent))
        let failure = try #require(run.nonFiniteEvent)
        #expect(cursor.position == failure.position && failure.position.step == .gradientDescent(layer: 2))
        for target in cursor.explanation.targets {
            let derivations = cursor.explanation.derivations(for: target)
            // The averaged gradient was computed; the update was not applied.
            #expect(derivations[0].stoppedBefore == nil && derivations[0].result.isFinite)
            #expect(derivations[1].stoppedBefore == failure)
        }
        #expect(!cursor.frame.isUpdated(layer: 2) && !cursor.frame.isUpdated(layer: 1))
        // An update that completed is applied as before.
        let good = try mazurRun()
        let walker = TraceCursor(run: good, at: TracePosition(epoch: 1, update: 1, step: .gradientDescent(layer: 1)))
        #expect(walker.frame.isUpdated(layer: 2) && walker.frame.isUpdated(layer: 1))
        #expect(walker.explanation.derivations(for: .weight(layer: 1, i: 0, j: 0)).allSatisfy { $0.stoppedBefore == nil })
    }
}
