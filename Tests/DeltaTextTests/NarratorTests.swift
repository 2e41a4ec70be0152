import DeltaCore
import Testing
@testable import DeltaText

/// The narrator says only what a fact's conditions make true.
@Suite struct NarratorTests {
    func node(cost: Cost, y: Double, z: Double = 4, delta: Double? = nil) -> SaturatedNode {
        let a = Activation.sigmoid(z)
        return SaturatedNode(layer: 1, node: 0, activation: .sigmoid, z: z, a: a, derivative: Activation.sigmoid.derivative(z),
                             output: .init(cost: cost, target: y, simplification: cost.simplification(with: .sigmoid), delta: delta))!
    }

    @Test func wrongAndThrottledIsWhyLearningIsSlow() {
        let s = Narrator.say(.saturated(node(cost: .quadratic, y: 0, delta: 0.017345021)))
        #expect(s.tone == .warning)
        #expect(s.text == "σ′(z) = 0.0177 is tiny: output node 1 is saturated at a = 0.982, far from its target y = 0. δ = ∂C/∂a · σ′(z) = 0.0173 carries this factor, so every update is small while the answer is wrong. This is why learning is slow.")
    }

    @Test func wrongButCancelledStaysFast() {
        let before = Narrator.say(.saturated(node(cost: .crossEntropy, y: 0)))
        #expect(before.tone == .good && !before.text.contains("slow"))
        #expect(before.text.hasSuffix("but the cross-entropy cost cancels σ′(z): δ will be a − y, as large as the error, so learning stays fast."))
        let after = Narrator.say(.saturated(node(cost: .crossEntropy, y: 0, delta: 0.982014)))
        #expect(after.text.contains("δ = a − y = 0.982 stays as large as the error, so learning stays fast."))
    }

    @Test func saturatedAndRightIsNeitherSlowNorFast() {
        for cost in [Cost.quadratic, .crossEntropy] {
            let s = Narrator.say(.saturated(node(cost: cost, y: 1, z: 10, delta: -4.5e-5)))
            #expect(s.tone == .neutral)
            #expect(!s.text.contains("slow") && !s.text.contains("fast") && !s.text.contains("stays large"))
            #expect(s.text.contains("close to its target y = 1"))
        }
    }

    @Test func eventsAndEndingsInWords() {
        let event = NonFiniteEvent(position: TracePosition(epoch: 78, update: 1, step: .outputError(example: 1)),
                                   quantity: .cost, layer: 1, node: 0, value: .infinity)
        #expect(Narrator.say(event, minus: .ascii) == "C = inf at epoch 78, update 1, example 1, output error (output node 1 furthest from its target)")
        let weight = NonFiniteEvent(position: TracePosition(epoch: 1, update: 1, step: .gradientDescent(layer: 2)),
                                    quantity: .weight, layer: 2, node: 0, from: 0, value: -.infinity)
        #expect(Narrator.say(weight) == "w_{2,1,1} = −∞ at epoch 1, update 1, gradient descent l=2")
        let stop = EarlyStop(rule: EarlyStopping(patience: 2), epoch: 5, bestEpoch: 3, bestValue: 7.2e-5)
        #expect(Narrator.say(.stoppedEarly(stop), epochs: 10) == "stopped early after epoch 5: the validation cost has not improved for 2 epochs on its best, 7.2e−5 after epoch 3; the parameters of epoch 3 are kept")
        #expect(Narrator.say(.completed, epochs: 1) == "trained its 1 epoch")
    }

    @Test func stepNamesAndPositionProblems() {
        let layout = TraceLayout(layers: 2, trainingSetSize: 3, batchSize: 3, epochs: 4)
        #expect(StepText.title(.backpropagate(example: 1, layer: 2), outputLayer: 2) == "Backpropagate, layer 2 → 1")
        #expect(StepText.short(.outputError(example: 2), outputLayer: 2) == "output error l=2")
        let (message, hint) = StepText.problem(.unknownStep("feedfoward"), layout: layout)
        #expect(message == "unknown step `feedfoward`" && hint.hasPrefix("did you mean `feedforward`? "))
        let missing = StepText.problem(.notInRun(TracePosition(epoch: 5, update: 1, step: .feedforward(example: 1, layer: 1))), layout: layout)
        #expect(missing.message == "there is no step epoch 5, update 1, example 1, feedforward l=1 in this run")
        #expect(missing.hint == "epochs run 1…4, updates 1…1, examples 1…3, layers 1…2")
    }
}

/// Sentences for the pairings the engine accepts beyond the lessons' own, and for numbers
/// that round to what they are compared with.
@Suite struct NarratorEdgeTests {
    @Test func logLikelihoodWithSigmoidSaysOnlyWhatYTimesAMinusOneIs() {
        // y = 0, a = 0.989: δ = y(a − 1) = 0 — not "as large as the error" (0.989).
        let a = Activation.sigmoid(4.5)
        let node = SaturatedNode(layer: 1, node: 0, activation: .sigmoid, z: 4.5, a: a, derivative: Activation.sigmoid.derivative(4.5),
                                 output: .init(cost: .logLikelihood, target: 0, simplification: .targetTimesActivationMinusOne, delta: 0))!
        let s = Narrator.say(.saturated(node))
        #expect(!s.text.contains("as large as the error") && !s.text.contains("fast"))
        #expect(s.text.hasSuffix("The log-likelihood cost cancels σ′(z): δ = y(a − 1) = 0, without σ′(z) in it."))
    }

    @Test func aSaturatedSoftmaxOutputUnderQuadraticCostIsNotCalledAProduct() {
        let node = SaturatedNode(layer: 1, node: 0, activation: .softmax, z: 20, a: 1 - 4.1e-9, derivative: 4.1e-9,
                                 output: .init(cost: .quadratic, target: 0, simplification: nil, delta: 6.18e-9))!
        let s = Narrator.say(.saturated(node))
        #expect(!s.text.contains("∂C/∂a · a(1 − a)"))
        #expect(s.text.contains("δ = Σₖ ∂C/∂aₖ · ∂aₖ/∂z = 6.18e−9 is small in every term"))
    }

    @Test func anOutputNextToItsTargetIsWrittenWithTheDigitsThatTellThemApart() {
        let z = 20.5, a = Activation.sigmoid(z)
        let node = SaturatedNode(layer: 1, node: 0, activation: .sigmoid, z: z, a: a, derivative: Activation.sigmoid.derivative(z),
                                 output: .init(cost: .quadratic, target: 1, simplification: nil, delta: nil))!
        let s = Narrator.say(.saturated(node)).text
        #expect(!s.contains("a = 1,") && s.contains("saturated at a = 0.99999999875, close to its target y = 1"))
    }

    @Test func aWeightDecayFactorNextToOneSaysHowFarBelowOneItIs() {
        #expect(Narrator.say(.weightDecay(factor: 1 - 4.2e-10)).text == "L2: every weight is first multiplied by 1 − ηλ/n = 1 − 4.2e−10.")
        #expect(Narrator.say(.weightDecay(factor: 0.5)).text == "L2: every weight is first multiplied by 1 − ηλ/n = 0.5.")
    }
}

/// The narrator's words for the events real runs stop at.
@Suite struct NarratedRunTests {
    @Test func aDivergingNeuronStopsAtAnInfiniteCostAndSaysWhere() throws {
        // A linear neuron with η far too large: w ← w − η·x²·w multiplies w by −99 each update.
        let network = try Network(sizes: [1, 1], output: .linear, cost: .quadratic)
        let run = try TrainingRun(network: network, training: try Dataset(inputs: [[10]], targets: [[0]]),
                                  configuration: TrainingConfiguration(eta: 1, batchSize: 1, epochs: 1000),
                                  initialization: .explicit(weights: [[[1]]], biases: [[0]]))
        run.finish()
        let event = try #require(run.nonFiniteEvent)
        #expect(Narrator.say(event, minus: .ascii) == "C = inf at epoch 78, update 1, example 1, output error (output node 1 furthest from its target)")
        #expect(Narrator.say(run.ending!, epochs: 1000) == "training stopped at the first non-finite value: C = ∞ at epoch 78, update 1, example 1, output error (output node 1 furthest from its target)")
    }

    @Test func anOverflowingUpdateIsNamedWithItsWeight() throws {
        let network = try Network(sizes: [1, 1, 1], hidden: .linear, output: .linear, cost: .quadratic)
        let run = try TrainingRun(
            network: network, training: try Dataset(inputs: [[1e300], [1e300]], targets: [[0], [0]]),
            configuration: TrainingConfiguration(eta: 1e10, batchSize: 2, epochs: 2),
            initialization: .explicit(weights: [[[1]], [[1e-300]]], biases: [[0], [0]]))
        run.finish()
        #expect(Narrator.say(try #require(run.nonFiniteEvent)) == "w_{2,1,1} = −∞ at epoch 1, update 1, gradient descent l=2")
    }
}

@Suite struct RestoreBestWordsTests {
    @Test func aCompletedRunThatKeepsAnEarlierEpochSaysSo() {
        #expect(Narrator.say(.completed, epochs: 8, keptEpoch: 6) == "trained all 8 epochs; early stopping's restore-best keeps the parameters of epoch 6, where the validation measure was best")
        #expect(Narrator.say(.completed, epochs: 8, keptEpoch: 8) == "trained all 8 epochs")
        #expect(Narrator.say(.completed, epochs: 8, keptEpoch: 0).hasSuffix("keeps the initial parameters, where the validation measure was best"))
    }
}
