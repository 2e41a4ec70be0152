import Foundation
import Testing

/// `deltatrace check` holds a beat's words to the screen beside it (`shows:`).
@Suite struct BeatCheckCommandTests {
    /// Lesson 2's neuron with the slip: "below ½ at epoch 232" where the screen
    /// shows a = 0.5012378211857536 (the output first falls below ½ after epoch 232's update).
    static let slip = """
        title: Saturated
        summary: Nielsen's neuron.
        network: {layers: [1, 1], output: sigmoid, cost: quadratic}
        init: {weights: [[[2.0]]], biases: [[2.0]]}
        data: {inputs: [[1.0]], targets: [[0.0]]}
        train: {eta: 0.15, epochs: 300}
        expect:
          - {first-epoch: {output: [1.0], below: 0.5}, is: 232}
        beats:
          - at: {epoch: 232, step: feedforward}
            say: Only now, at epoch 232, does the output fall below ½, a ≈ 0.49.
            shows:
              - {value: {quantity: a}, is: 0.49}
              - {value: {quantity: delta}, is: 0.12}
              - {value: {quantity: z}, above: 0}
        """

    @Test func aBeatTheScreenContradictsIsALocatedError() throws {
        let outcome = try withFiles(["slip.yaml": Self.slip]) { try deltatrace(["check", $0.appendingPathComponent("slip.yaml").path]) }
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.lines[0].hasPrefix("FAILED") && outcome.lines[0].hasSuffix("slip.yaml  (0 of 1 claim, 2 of 3 numbers beside beats)"))
        #expect(outcome.lines[1].hasSuffix("slip.yaml:13:9: error: the beat at line 10 states a_{1,1} at epoch 232, update 1, example 1, feedforward l=1 = 0.49 ± 0.005, but the screen beside it shows 0.5012378211857536"))
        #expect(outcome.lines[2] == "    hint: at epoch 233, update 1, example 1, feedforward l=1 the screen shows 0.4918403966285701, which fits: a position in epoch N shows what the updates of epoch N − 1 left; a claim's `epoch: N` is after epoch N")
        #expect(outcome.lines[3].hasSuffix("slip.yaml:14:9: error: the beat at line 10 states delta_{1,1} at epoch 232, update 1, example 1, feedforward l=1 = 0.12 ± 0.005, but its step has not computed it yet: the screen beside the beat shows ·"))
        #expect(outcome.lines.count == 5)
    }

    @Test func theMendedBeatPasses() throws {
        let mended = Self.slip
            .replacingOccurrences(of: "{epoch: 232, step: feedforward}", with: "{epoch: 233, step: feedforward}")
            .replacingOccurrences(of: "{value: {quantity: delta}, is: 0.12}", with: "{value: {quantity: a}, below: 0.5}")
            .replacingOccurrences(of: "{value: {quantity: z}, above: 0}", with: "{value: {quantity: z}, below: 0}")
        let outcome = try withFiles(["mended.yaml": mended]) { try deltatrace(["check", $0.appendingPathComponent("mended.yaml").path]) }
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.lines.count == 1 && outcome.lines[0].hasSuffix("mended.yaml  (1 claim, 3 numbers beside beats)"))
    }

    @Test func theBundledLessonsTieTheirBeatsNumbers() throws {
        let outcome = try deltatrace(["check", "lessons/"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.lines == [
            "ok       lessons/01-one-neuron.yaml  (9 claims, 9 numbers beside beats)",
            "ok       lessons/02-saturated-neuron.yaml  (14 claims, 21 numbers beside beats)",
            "ok       lessons/03-mse-vs-cross-entropy.yaml  (9 claims, 11 numbers beside beats)",
            "ok       lessons/04-backprop-2-2-2.yaml  (6 claims, 18 numbers beside beats)",
            "ok       lessons/05-minibatches.yaml  (6 claims, 14 numbers beside beats)",
            "ok       lessons/06-initialising-weights.yaml  (27 claims, 11 numbers beside beats)",
            "ok       lessons/07-softmax-log-likelihood.yaml  (6 claims, 12 numbers beside beats)",
            "ok       lessons/08-sigmoid-vs-softmax.yaml  (22 claims, 24 numbers beside beats)",
            "ok       lessons/09-holdout.yaml  (14 claims, 2 numbers beside beats)",
            "ok       lessons/10-cross-validation.yaml  (14 claims, 3 numbers beside beats)",
            "ok       lessons/11-overfitting-and-l2.yaml  (30 claims, 10 numbers beside beats)",
            "ok       lessons/12-l1-vs-l2.yaml  (17 claims, 7 numbers beside beats)",
            "ok       lessons/13-dropout.yaml  (19 claims, 5 numbers beside beats)",
            "ok       lessons/14-expanding-data.yaml  (15 claims, 7 numbers beside beats)",
            "ok       lessons/15-learning-rate.yaml  (23 claims, 5 numbers beside beats)",
        ])
    }

    @Test func aBadShowsIsRefusedWithItsLocation() throws {
        let typo = Self.slip.replacingOccurrences(of: "{value: {quantity: z}, above: 0}", with: "{value: {quantity: z}, abov: 0}")
        let outcome = try withFiles(["typo.yaml": typo]) { try deltatrace(["check", $0.appendingPathComponent("typo.yaml").path]) }
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("typo.yaml:15:32: error: unknown key `abov` in a number a beat shows"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("hint: did you mean `above`?"), "\(outcome.stderr)")
    }
}
