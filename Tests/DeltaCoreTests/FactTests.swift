import Testing
@testable import DeltaCore

/// Facts carry every condition that makes them true: a saturated output slows learning only
/// where the cost keeps f′ in δ and the answer is wrong.
@Suite struct FactTests {
    /// One sigmoid neuron with input 1, w = 0 and bias b (so z = b), target y, under a cost.
    func neuron(z: Double, y: Double, cost: Cost) throws -> TraceCursor {
        let network = try Network(sizes: [1, 1], output: .sigmoid, cost: cost)
        let run = try TrainingRun(network: network, training: try Dataset(inputs: [[1]], targets: [[y]]),
                                  configuration: TrainingConfiguration(eta: 0.1),
                                  initialization: .explicit(weights: [[[0]]], biases: [[z]]))
        return TraceCursor(run: run)
    }

    func saturated(_ facts: [StepFact]) -> SaturatedNode? {
        for fact in facts { if case .saturated(let node) = fact { return node } }
        return nil
    }

    @Test(arguments: [(Cost.quadratic, 0.0, true, true), (.quadratic, 1.0, false, false),
                      (.crossEntropy, 0.0, true, false), (.crossEntropy, 1.0, false, false)])
    func aSaturatedOutputSlowsLearningOnlyWhereFPrimeStaysAndTheAnswerIsWrong(
        _ cost: Cost, _ y: Double, _ wrong: Bool, _ slows: Bool
    ) throws {
        let cursor = try neuron(z: 10, y: y, cost: cost)
        // At feedforward (δ not yet computed) and at the output error, the same judgement.
        let atFeedforward = try #require(saturated(cursor.explanation.facts))
        #expect(atFeedforward.output?.delta == nil)
        #expect(cursor.stepForward())
        let node = try #require(saturated(cursor.explanation.facts))
        let a = Activation.sigmoid(10)
        #expect(node.a == a && node.z == 10 && node.layer == 1 && node.node == 0)
        #expect(close(node.derivative, 4.5395807735951673e-05, 1e-14))
        #expect(node.isWrong == wrong && node.slowsLearning == slows && atFeedforward.slowsLearning == slows)
        #expect(node.output?.cancels == (cost == .crossEntropy))
        // δ as the fact reports it is the stored one: a − y for cross-entropy (−4.54e−5 when right).
        #expect(node.output?.delta == cursor.trace.delta(1, 1, 0))
        if cost == .crossEntropy { #expect(close(node.output!.delta!, a - y, 1e-15)) }
    }

    @Test func aSaturatedHiddenNodeAlwaysSlowsLearningAndAnUnsaturatedNodeIsNoFact() throws {
        let network = try Network(sizes: [1, 2, 1], hidden: .tanh, output: .sigmoid, cost: .crossEntropy)
        let run = try TrainingRun(network: network, training: try Dataset(inputs: [[1]], targets: [[1]]),
                                  configuration: TrainingConfiguration(eta: 0.1),
                                  initialization: .explicit(weights: [[[3, 0.5]], [[1], [1]]], biases: [[0, 0], [0]]))
        let cursor = TraceCursor(run: run)
        let facts = cursor.explanation.facts
        #expect(facts.count == 1)
        let node = try #require(saturated(facts))
        // tanh′(3) = 1 − tanh²3 = 0.00987 < 0.1 · 1; tanh′(0.5) = 0.786 is not saturated.
        #expect(node.activation == .tanh && node.node == 0 && node.output == nil)
        #expect(close(node.derivative, 1 - Activation.tanh.value(3) * Activation.tanh.value(3), 1e-12))
        #expect(node.slowsLearning && !node.isWrong)
        #expect(SaturatedNode.threshold(for: .tanh) == 0.1 && SaturatedNode.threshold(for: .sigmoid) == 0.025)
    }

    @Test func gradientDescentFactsComeFromTheUpdateRule() {
        #expect(Optimizer.sgd.facts(eta: 0.5, regularization: .l2(lambda: 3), trainingSetSize: 3) == [.weightDecay(factor: 0.5)])
        #expect(Optimizer.sgd.facts(eta: 0.5, regularization: .l1(lambda: 0.2), trainingSetSize: 4) == [.weightShrink(amount: 0.025)])
        #expect(Optimizer.sgd.facts(eta: 0.5, regularization: .none, trainingSetSize: 4).isEmpty)
    }
}
