import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// The `saturated: {layer: l}` claim counts the saturated nodes of a hidden layer with the
/// screen's own predicate (``SaturatedNode``: f′(z) below a tenth of its largest value; for σ,
/// σ′ < 0.025, that is |z| > 3.637).
@Suite struct SaturationClaimTests {
    /// A 2-3-1 network with zero biases whose hidden z's are the weights' rows:
    /// for x = (1, 0), z₁ = (5, 0.5, −4); for x = (0, 1), z₁ = (0.1, −6, 3.6).
    static func lesson(hidden: String = "sigmoid", expect: String) -> String {
        """
        title: Counting saturated nodes
        summary: Hidden z's chosen by hand.
        network: {layers: [2, 3, 1], hidden: \(hidden), output: sigmoid, cost: cross-entropy}
        init:
          weights: [[[5, 0.5, -4], [0.1, -6, 3.6]], [[1], [1], [1]]]
          biases: [[0, 0, 0], [0]]
        data:
          inputs: [[1, 0], [0, 1]]
          targets: [[1], [0]]
        train: {eta: 0.5, batch: 2, epochs: 2}
        expect:
        \(expect)
        """
    }

    /// The measured numbers of a lesson's claims, in order.
    func measured(_ expect: String, hidden: String = "sigmoid") throws -> [Double?] {
        let lesson = try Lesson.parse(Self.lesson(hidden: hidden, expect: expect), file: "t.yaml")
        return try lesson.checkClaims().map(\.actual)
    }

    @Test func theCountAtAStepIsTheNodesWhoseSigmoidSlopeIsBelowATenthOfItsPeak() throws {
        // x = (1, 0): σ′(5) = 0.0066 and σ′(−4) = 0.0177 are below 0.025, σ′(0.5) = 0.235 is not: 2.
        // x = (0, 1): σ′(−6) = 0.0025 is; σ′(3.6) = e^−3.6/(1 + e^−3.6)² = 0.0259 is not, nor σ′(0.1): 1.
        let counts = try measured("""
              - {saturated: {layer: 1}, at: {epoch: 1, example: 1, step: feedforward, layer: 1}, is: 2, tolerance: 0}
              - {saturated: {layer: 1}, at: {epoch: 1, example: 2, step: output-error}, is: 1, tolerance: 0}
            """)
        #expect(counts == [2, 1])
    }

    @Test func thePerEpochMeasureIsTheMeanCountOverTheTrainingExamples() throws {
        // Before training: (2 + 1)/2 = 1.5.
        let lesson = try Lesson.parse(Self.lesson(expect: """
              - {saturated: {layer: 1}, epoch: 0, is: 1.5, tolerance: 0}
              - {first-epoch: {saturated: {layer: 1}, below: 2}, is: 0, tolerance: 0}
              - {saturated: {layer: 1}, is: 1.5, tolerance: 0}
            """), file: "t.yaml")
        let results = try lesson.checkClaims()
        #expect(results[0].actual == 1.5 && results[0].passed)
        #expect(results[1].actual == 0 && results[1].passed)
        // After training, the mean is that of the run's last parameters, fed forward anew.
        let run = try lesson.makeRun()
        run.finish()
        let last = run.parameters(afterEpoch: 2)
        var count = 0
        for m in 0..<2 {
            let x = Array(run.training.x(m))
            for j in 0..<3 {
                let z = x[0] * last.weights[j] + x[1] * last.weights[3 + j] + last.biases[j]
                if Activation.sigmoid.derivative(z) < 0.025 { count += 1 }
            }
        }
        #expect(results[2].actual == Double(count) / 2)
        #expect(results[2].measured == "mean saturated nodes of layer 1 per training example after epoch 2")
    }

    @Test func aTanhNodeIsSaturatedWhereTanhSlopeIsBelowATenth() throws {
        // tanh′(z) = 1 − tanh²(z) < 0.1 where |z| > 1.818: for x = (1, 0), 5 and −4 are; 0.5 is not.
        // For x = (0, 1), −6 and 3.6 are; 0.1 is not.
        #expect(try measured("""
              - {saturated: {layer: 1}, at: {epoch: 1, example: 1, step: feedforward, layer: 1}, is: 2, tolerance: 0}
              - {saturated: {layer: 1}, at: {epoch: 1, example: 2, step: feedforward, layer: 1}, is: 2, tolerance: 0}
            """, hidden: "tanh") == [2, 2])
    }

    @Test func theCountIsTheOneTheScreensFactsGive() throws {
        let lesson = try Lesson.parse(Self.lesson(expect: "  - {cost: 0, below: 100}"), file: "t.yaml")
        let trace = try lesson.makeRun().trace(ofUpdate: 0)
        let facts = StepFact.facts(of: trace, at: .feedforward(example: 1, layer: 1))
        #expect(SaturatedNode.hiddenCount(in: facts, layer: 1) == 2)
        #expect(SaturatedNode.hiddenLayers(in: facts) == [1])
        #expect(Lesson.saturatedNodes(layer: 1, in: trace, example: 1) == 2)
        #expect(Lesson.saturatedNodes(layer: 1, in: trace, example: 2) == 1)
    }

    /// (claim, line, column, a phrase of the message, a phrase of the hint)
    static let badClaims: [(String, Int, Int, String, String)] = [
        ("  - {saturated: {layer: 2}, epoch: 0, is: 1}", 12, 25, "layer 2 is not a hidden layer", "the hidden layer is 1"),
        ("  - {saturated: {layer: 1, node: 2}, epoch: 0, is: 1}", 12, 28, "unknown key `node`", "layer"),
        ("  - {saturated: {}, epoch: 0, is: 1}", 12, 17, "needs `layer`", "saturated: {layer: 1}"),
        ("  - {saturated: {layer: 1}, epoch: 0, at: {epoch: 1}, is: 1}", 12, 29, "`at:` already says when", "leave out `epoch:`"),
        ("  - {saturated: {layer: 1}, at: {epoch: 1, step: gradient-descent}, is: 1}", 12, 33, "whole minibatch", "one example"),
    ]

    @Test(arguments: badClaims)
    func aBadSaturationClaimIsLocated(_ claim: String, line: Int, column: Int, message: String, hint: String) throws {
        let error = try #require(lessonError(Self.lesson(expect: claim)))
        #expect(error.location.line == line && error.location.column == column, "\(error)")
        #expect(error.message.contains(message), "\(error.message)")
        #expect(error.hint?.contains(hint) == true, "\(error.hint ?? "")")
    }

    @Test func aLayerNotYetComputedAtTheStepIsLocated() throws {
        let text = Self.lesson(expect: "  - {saturated: {layer: 1}, at: {epoch: 1, step: feedforward, layer: 1}, is: 1}")
            .replacingOccurrences(of: "[2, 3, 1]", with: "[2, 3, 3, 1]")
            .replacingOccurrences(of: "weights: [[[5, 0.5, -4], [0.1, -6, 3.6]], [[1], [1], [1]]]", with: "scheme: gaussian")
            .replacingOccurrences(of: "  biases: [[0, 0, 0], [0]]\n", with: "")
            .replacingOccurrences(of: "{layer: 1}, at", with: "{layer: 2}, at")
        let error = try #require(lessonError(text))
        #expect(error.message.contains("layer 2's z is not computed yet at feedforward l=1"), "\(error.message)")
    }

    @Test func aNetworkWithoutHiddenNodesOrWithNodesThatCannotSaturateIsRefused() throws {
        let noHidden = minimalLesson + "\nexpect:\n  - {saturated: {layer: 1}, epoch: 0, is: 0}\n"
        #expect(try #require(lessonError(noHidden)).message.contains("the network has no hidden layer"))
        let relu = try #require(lessonError(Self.lesson(hidden: "relu", expect: "  - {saturated: {layer: 1}, epoch: 0, is: 0}")))
        #expect(relu.message.contains("relu nodes do not saturate"), "\(relu.message)")
    }
}
