import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// Targets one-hot over two classes train a network with one output node as y = the second
/// class's column, so that one sigmoid and a two-node softmax learn from the same rows.
@Suite struct TwoClassTargetsTests {
    static func lesson(targets: String, variants: String = "") -> String {
        """
        title: Two classes
        summary: One output, or two.
        network: {layers: [2, 1], output: sigmoid, cost: cross-entropy}
        init: {weights: [[[0.3], [-0.2]]], biases: [[0.1]]}
        data:
          inputs: [[2.0, 1.1], [1.0, 2.1], [2.3, 0.8]]
          targets: \(targets)
          holdout: 1
        train: {eta: 0.5, epochs: 3}
        \(variants)
        """
    }

    @Test func oneOutputReadsTheSecondClassAndTwoOutputsTheOneHotRows() throws {
        let lesson = try Lesson.parse(Self.lesson(targets: "[[1, 0], [0, 1], [1, 0]]", variants: """
            variants:
              - {name: softmax, layers: [2, 2], output: softmax, cost: log-likelihood, weights: [[[-0.15, 0.15], [0.1, -0.1]]], biases: [[-0.05, 0.05]], eta: 0.25}
            """), file: "t.yaml")
        let sigmoid = try lesson.makeRun(), softmax = try lesson.makeRun(variant: "softmax")
        #expect(sigmoid.training.targetWidth == 1 && softmax.training.targetWidth == 2)
        // The same rows in the same order, split alike: y is the one-hot row's second entry.
        #expect(sigmoid.training.inputs == softmax.training.inputs)
        for m in 0..<sigmoid.training.count {
            #expect(sigmoid.training.y(m).first == softmax.training.y(m).last)
        }
        #expect(sigmoid.validation?.targets == softmax.validation.map { d in (0..<d.count).map { d.y($0).last! } })
        #expect(sigmoid.accuracyRule == .threshold && softmax.accuracyRule == .argmax)
        // σ(z) with z = 0.3·2.0 − 0.2·1.1 + 0.1 = 0.48 is the softmax's a₂ = σ(z₂ − z₁) = σ(0.24 + 0.24).
        sigmoid.finish()
        softmax.finish()
        for (s, t) in zip(sigmoid.epochSummaries, softmax.epochSummaries) {
            #expect(abs(s.cost - t.cost) < 1e-15 && s.accuracy == t.accuracy)
        }
    }

    @Test func targetsThatAreNotTwoOneHotClassesStillMustFitTheOutputs() throws {
        let three = try #require(lessonError(Self.lesson(targets: "[[1, 0, 0], [0, 1, 0], [0, 0, 1]]")))
        #expect(three.message.contains("the network has 1 output but each target has 3 values"), "\(three.message)")
        let soft = try #require(lessonError(Self.lesson(targets: "[[0.3, 0.7], [0, 1], [1, 0]]")))
        #expect(soft.message.contains("the network has 1 output but each target has 2 values"), "\(soft.message)")
    }

    /// Lesson 8: one sigmoid (w, b, η), the softmax tied at w₂ = −w₁ = w/2 (η/2), and the untied
    /// softmax whose differences w₂ − w₁ start at w (η/2) agree at every epoch; the tie holds by
    /// itself, and the untied weights' sums w₁ + w₂ never move.
    @Test func lesson8sThreeRunsAgreeAtEveryEpoch() throws {
        let lesson = try Lesson.load(path: lessonsReadme.deletingLastPathComponent().appendingPathComponent("08-sigmoid-vs-softmax.yaml").path)
        let runs = try [nil, "tied", "untied"].map { try lesson.makeRun(variant: $0) }
        for run in runs { run.finish() }
        let (sigmoid, tied, untied) = (runs[0], runs[1], runs[2])
        #expect(sigmoid.epochSummaries.count == 51)
        for e in 0...50 {
            let costs = runs.map { $0.epochSummaries[e].cost }
            #expect(abs(costs[1] - costs[0]) < 1e-14 && abs(costs[2] - costs[0]) < 1e-14, "epoch \(e): \(costs)")
            let w = sigmoid.parameters(afterEpoch: e), t = tied.parameters(afterEpoch: e), u = untied.parameters(afterEpoch: e)
            // Layer 1 of a 2-2 network: w_{1,i,j} at 2i + j; of the 2-1 network at i.
            for i in 0..<2 {
                #expect(abs(t.weights[2 * i] + t.weights[2 * i + 1]) < 1e-15)
                #expect(abs((t.weights[2 * i + 1] - t.weights[2 * i]) - w.weights[i]) < 1e-14)
                #expect(abs((u.weights[2 * i + 1] - u.weights[2 * i]) - w.weights[i]) < 1e-14)
                #expect(abs((u.weights[2 * i] + u.weights[2 * i + 1]) - [0.7, 0.6][i]) < 1e-14)
            }
            #expect(abs((u.biases[1] - u.biases[0]) - w.biases[0]) < 1e-14 && abs(u.biases[0] + u.biases[1] - 0.7) < 1e-14)
        }
    }
}
