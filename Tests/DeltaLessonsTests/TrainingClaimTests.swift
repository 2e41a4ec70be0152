import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// A linear neuron whose first input is 0 in both examples, so that only the regulariser moves
/// w_{1,1,1}: L1 takes ηλ/n = 0.2 × 0.1 / 2 = 0.01 off it each epoch (one update of M = 2)
/// — 0.055, 0.045, …, 0.005 after epoch 5, then ∓0.005 — and L2 (λ = 1) multiplies it by
/// 1 − ηλ/n = 0.9, reaching ±0.01 only after epoch 17. w_{1,2,1} (input ±1) settles near 1.
let sparseLesson = """
    title: Sparse
    summary: An unused weight under L1 and L2.
    network: {layers: [2, 1], output: linear, cost: quadratic}
    init: {weights: [[[0.055], [0.3]]], biases: [[0.0]]}
    data:
      inputs: [[0, 1], [0, -1]]
      targets: [[1], [-1]]
    train: {eta: 0.2, batch: 2, epochs: 12, regularization: l1, lambda: 0.1}
    variants:
      - {name: l2, regularization: l2, lambda: 1}
    expect:
      - near-zero-weights: {}
        epoch: 0
        is: 0
      - near-zero-weights: {layer: 1}
        is: 1
      - near-zero-weights: {within: 0.3}
        epoch: 0
        is: 2
      - first-epoch: {near-zero-weights: {layer: 1}, above: 0}
        is: 5
      - variant: l2
        near-zero-weights: {within: 0.02}
        is: 1
      - variant: l2
        first-epoch: {near-zero-weights: {}, above: 0}
        is: 17
    """

/// NonFiniteTests' diverging neuron (x = 10, y = 0, w = 1, b = 0, η = 1: the error is
/// multiplied by −100 at each update), whose cost C = ½z² overflows to ∞ at the output error of
/// update 77 (from 0): epoch 78. A gentle η trains all 100 epochs; an enormous one sends w to
/// −∞ at the first gradient descent, a step without an example.
let divergingLesson = """
    title: Diverging
    summary: A linear neuron with far too large a learning rate.
    network: {layers: [1, 1], output: linear, cost: quadratic}
    init: {weights: [[[1.0]]], biases: [[0.0]]}
    data: {inputs: [[10]], targets: [[0]]}
    train: {eta: 1, epochs: 100}
    variants:
      - {name: gentle, eta: 0.001}
      - {name: enormous, eta: 1e307}
    expect:
      - non-finite-at: epoch
        is: 78
      - non-finite-at: update
        is: 1
      - non-finite-at: example
        is: 1
      - non-finite-at: layer
        is: 1
      - variant: gentle
        non-finite-at: epoch
        is: 78
      - variant: enormous
        non-finite-at: example
        is: 1
      - variant: enormous
        non-finite-at: epoch
        is: 1
    """

/// Six hidden nodes with dropout ½ and four examples of three inputs.
let droppingLesson = """
    title: Dropping
    summary: Dropout on a hidden layer.
    network: {layers: [3, 6, 1], output: sigmoid, cost: cross-entropy}
    data:
      inputs: [[0.1, 0.2, 0.3], [0.9, 0.1, 0.4], [0.5, 0.5, 0.5], [0.3, 0.8, 0.2]]
      targets: [[0], [1], [1], [0]]
    train: {eta: 0.5, batch: 2, epochs: 2, dropout: 0.5, seed: 3}
    expect:
      - dropped-nodes: {layer: 1}
        at: {epoch: 1, update: 1, example: 2, step: feedforward, layer: 1}
        between: [0, 6]
      - dropped-nodes: {layer: 1}
        at: {epoch: 2, update: 2, step: gradient-descent}
        between: [0, 6]
    """

@Suite struct TrainingClaimTests {
    @Test func nearZeroWeightsCountsTheUnusedWeightOnceL1HasDrivenItToZero() throws {
        let lesson = try Lesson.parse(sparseLesson, file: "sparse.yaml")
        let results = try lesson.checkClaims()
        #expect(results.map(\.actual) == [0, 1, 2, 5, 1, nil])
        #expect(results.map(\.passed) == [true, true, true, true, true, false])
        // Under L2 the weight is 0.055 × 0.9^12 ≈ 0.0155 at the end: near zero within 0.02,
        // not within 0.01, which it reaches after epoch 17, beyond the run's 12.
        #expect(results[5].problem == .neverPassed(epochs: 12, ending: .completed))
        #expect(results[0].measured == "weights within ±0.01 of zero before training")
        #expect(results[1].measured == "weights of layer 1 within ±0.01 of zero after epoch 12")
        #expect(results[3].measured == "first epoch at which weights of layer 1 within ±0.01 of zero > 0")
        let run = try lesson.makeRun(variant: "l2")
        run.finish()
        #expect(abs(run.currentParameters.weights[0] - 0.055 * pow(0.9, 12)) < 1e-15)
    }

    @Test func nonFiniteAtNamesTheStepWhereTheRunStopped() throws {
        let lesson = try Lesson.parse(divergingLesson, file: "diverging.yaml")
        let results = try lesson.checkClaims()
        #expect(results.map(\.actual) == [78, 1, 1, 1, nil, nil, 1])
        #expect(results.map(\.passed) == [true, true, true, true, false, false, true])
        #expect(results[0].measured == "the epoch of the first NaN or ∞")
        // The run the claims measure stopped there: the cost overflowed at the output error.
        let run = try lesson.makeRun()
        run.finish()
        let event = try #require(run.nonFiniteEvent)
        #expect(event.position == TracePosition(epoch: 78, update: 1, step: .outputError(example: 1)))
        #expect(event.quantity == .cost && event.value == .infinity)
        // A gentle η never overflows; an enormous one overflows w at gradient descent, which
        // has no example.
        #expect(results[4].problem == .noNonFinite(epochs: 100, ending: .completed))
        #expect(results[5].problem == .noExample(TracePosition(epoch: 1, update: 1, step: .gradientDescent(layer: 1))))
    }

    @Test func droppedNodesCountsTheNodesWhoseActivationDropoutZeroed() throws {
        let lesson = try Lesson.parse(droppingLesson, file: "dropping.yaml")
        let results = try lesson.checkClaims()
        let run = try lesson.makeRun()
        // A kept sigmoid node's a is σ(z)/(1 − p) > 0; a dropped one's is exactly 0.
        func zeroed(update g: Int, example m: Int) -> Double {
            let trace = run.trace(ofUpdate: g)
            return Double((0..<6).filter { trace.a(m, 1, $0) == 0 }.count)
        }
        let counts = [zeroed(update: 0, example: 2), zeroed(update: 3, example: 2)]
        #expect(results.map(\.actual) == counts)
        #expect(results.allSatisfy { $0.passed })
        // Over the two updates' four examples each, p = ½ drops some nodes and keeps some.
        let all = (0..<4).flatMap { g in (1...2).map { zeroed(update: g, example: $0) } }
        #expect(all.reduce(0, +) > 0 && all.reduce(0, +) < 48)
        #expect(results[0].measured == "nodes of layer 1 dropped at epoch 1, update 1, example 2, feedforward l=1")
    }

    /// (the claim, line, column, a phrase of the message, a phrase of the hint), each as the
    /// only claim of `droppingLesson`, whose `expect:` is line 8.
    static let badClaims: [(String, Int, Int, String, String)] = [
        ("  - near-zero-weights: {within: -1}\n    is: 1", 9, 33, "`within` must be a number 0 or more, not -1", "|w| ≤ within"),
        ("  - near-zero-weights: {layer: 3}\n    is: 1", 9, 32, "layer 3 has no weights", "layers 1…2"),
        ("  - near-zero-weights: {lyer: 1}\n    is: 1", 9, 25, "unknown key `lyer` in `near-zero-weights`", "did you mean `layer`?"),
        ("  - near-zero-weights: 0.01\n    is: 1", 9, 24, "`near-zero-weights` must be a mapping", ""),
        ("  - near-zero-weights: {}\n    epoch: 9\n    is: 1", 10, 12, "epoch 9 is outside the run", "0 (before training) to 2"),
        ("  - non-finite-at: epch\n    is: 1", 9, 20, "`epch` is not known", "did you mean `epoch`?"),
        ("  - non-finite-at: epoch\n    epoch: 1\n    is: 1", 10, 5, "`non-finite-at` measures where the run stopped", "non-finite-at: epoch"),
        ("  - first-epoch: {non-finite-at: epoch, below: 3}\n    is: 1", 9, 34, "`non-finite-at` is where the run stopped", "on its own"),
        ("  - dropped-nodes: {layer: 2}\n    at: {epoch: 1}\n    is: 1", 9, 28, "not of layer 2", "the hidden layer is layer 1"),
        ("  - dropped-nodes: {layer: 1}\n    is: 1", 9, 5, "a claim needs `at`", "at: {epoch: 1, example: 1, step: feedforward}"),
        ("  - dropped-nodes: {}\n    at: {epoch: 1}\n    is: 1", 9, 20, "`dropped-nodes` needs `layer`", "dropped-nodes: {layer: 1}"),
        ("  - dropped-nodes: {layer: 1}\n    at: {epoch: 1}\n    epoch: 1\n    is: 1", 11, 5, "counts at the step `at:` names", "inside `at:`"),
        ("  - first-epoch: {dropped-nodes: {layer: 1}, above: 3}\n    is: 1", 9, 34, "`dropped-nodes` counts at one step", "with `at:`"),
    ]

    @Test(arguments: 0..<badClaims.count)
    func badClaimsAreLocated(_ k: Int) throws {
        let (claim, line, column, message, hint) = Self.badClaims[k]
        let head = droppingLesson.components(separatedBy: "expect:")[0]
        try expectLocatedError(head + "expect:\n" + claim, line: line, column: column, message: message, hint: hint.isEmpty ? nil : hint)
    }

    @Test func droppedNodesNeedsARunWithDropout() throws {
        let head = droppingLesson.components(separatedBy: "expect:")[0].replacingOccurrences(of: ", dropout: 0.5", with: "")
        let error = try #require(lessonError(head + "variants:\n  - {name: dropping, dropout: 0.2}\nexpect:\n  - dropped-nodes: {layer: 1}\n    at: {epoch: 1}\n    is: 1"))
        #expect(error.location == SourceLocation(file: "bad.yaml", line: 11, column: 20), "\(error)")
        #expect(error.message == "the run drops no nodes: its dropout is 0")
        // The variant that has dropout may be claimed on.
        let lesson = try Lesson.parse(head + "variants:\n  - {name: dropping, dropout: 0.2}\nexpect:\n  - variant: dropping\n    dropped-nodes: {layer: 1}\n    at: {epoch: 1}\n    between: [0, 6]", file: "v.yaml")
        #expect(try lesson.checkClaims().allSatisfy { $0.passed })
    }
}
