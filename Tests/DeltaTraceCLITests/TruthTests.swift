import Foundation
import Testing

/// What the command line prints is true and readable: claims about values that cannot be
/// computed fail with the reason; wide numbers never run together.
@Suite struct TruthTests {
    /// Weights and bias of 10³⁰⁸ on a linear output: z = 1.5·10³⁰⁸ + 10³⁰⁸ overflows to ∞.
    static let overflowing = """
        title: Overflowing
        summary: z overflows on the first feedforward.
        network: {layers: [1, 1], output: linear, cost: quadratic}
        init: {weights: [[[1e308]]], biases: [[1e308]]}
        data: {inputs: [[1.5]], targets: [[0.0]]}
        train: {eta: 0.1, epochs: 2}
        expect:
          - {output: [1.5], epoch: 0, is: 0}
          - {first-epoch: {output: [1.5], below: 1}, is: 0}
        """

    @Test func aClaimAboutAValueThatCannotBeComputedFails() throws {
        let outcome = try withFiles(["o.yaml": TruthTests.overflowing]) { try deltatrace(["check", $0.appendingPathComponent("o.yaml").path]) }
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.lines[0].hasPrefix("FAILED") && outcome.lines[0].contains("(2 of 2 claims)"))
        #expect(outcome.lines[1].contains("o.yaml:8:5:") && outcome.lines[1].contains("is none, expected = 0 ± 0.5")
                && outcome.lines[1].hasSuffix("the output cannot be computed: feedforward gives z_{1,1} = inf"))
        #expect(outcome.lines[2].contains("o.yaml:9:5:") && outcome.lines[2].hasSuffix("the output cannot be computed: feedforward gives z_{1,1} = inf"))
    }

    @Test func traceWritesNullForWhatWasNeverComputed() throws {
        let outcome = try withFiles(["o.yaml": TruthTests.overflowing]) { try deltatrace(["trace", $0.appendingPathComponent("o.yaml").path]) }
        #expect(outcome.status == 1)
        let update = try #require(try jsonLines(outcome.stdout).first)
        let example = try #require((update["examples"] as? [[String: Any]])?.first)
        let layer = try #require((example["layers"] as? [[String: Any]])?.first)
        // z overflowed, so nothing after it exists; w_before is what the update started from.
        for key in ["z", "a", "delta"] { #expect(layer[key] is NSNull, "\(key)") }
        for key in ["cost", "dC_da", "f_prime"] { #expect(example[key] is NSNull, "\(key)") }
        #expect(update["cost"] is NSNull)
        let parameters = try #require((update["layers"] as? [[String: Any]])?.first)
        #expect(parameters["w_before"] as? [[Double]] == [[1e308]] && parameters["w_after"] is NSNull && parameters["grad_w"] is NSNull)
        #expect(update["failure"] as? String == "z_{1,1} = inf at epoch 1, update 1, example 1, feedforward l=1")
    }

    /// A linear neuron on targets in the hundreds: costs ~10⁵, validation ~10⁵.
    static let wide = """
        title: Wide numbers
        summary: Costs in the hundreds of thousands.
        network: {layers: [1, 1], output: linear, cost: quadratic}
        init: {weights: [[[0.0]]], biases: [[0.0]]}
        data: {inputs: [[1], [2], [3], [4], [5]], targets: [[500], [600], [700], [800], [900]], holdout: 2}
        train: {eta: 0.001, epochs: 3}
        variants:
          - {name: slower, eta: 0.0001}
        """

    @Test func wideNumbersNeverRunTogether() throws {
        let (run, compare) = try withFiles(["w.yaml": TruthTests.wide]) { dir in
            (try deltatrace(["run", dir.appendingPathComponent("w.yaml").path]),
             try deltatrace(["compare", dir.appendingPathComponent("w.yaml").path, "--format", "table"]))
        }
        #expect(run.status == 0, "\(run.stderr)")
        let header = run.lines[1].split(separator: " ")
        #expect(header == ["epoch", "cost", "val", "cost"])
        for row in run.lines.dropFirst(2) {
            let cells = row.split(separator: " ")
            #expect(cells.count == 3 && cells.allSatisfy { Double($0) != nil }, "\(row)")
            #expect(Double(cells[1])! > 1e5 && row.contains("  "))
        }
        // Row 0 by hand: w = b = 0, so each cost is the mean of ½y² over its rows. The holdout
        // (drawn with the seed) keeps 500, 600, 700 for training and 800, 900 for validation:
        // ½(500² + 600² + 700²)/3 = 183333.33… and ½(800² + 900²)/2 = 362500.
        #expect(run.lines[2] == "    0  183333.33333333  362500.00000000")
        #expect(compare.status == 0, "\(compare.stderr)")
        let table = compare.lines.drop { !$0.hasPrefix("epoch") }.prefix(5)
        // Each contender's cost, then its validation cost (the fixture holds out 2 examples).
        #expect(table.first?.split(separator: " ") == ["epoch", "lesson", "lesson", "val", "cost", "slower", "slower", "val", "cost"])
        for row in table.dropFirst() {
            let cells = row.split(separator: " ")
            #expect(cells.count == 5 && cells.allSatisfy { Double($0) != nil }, "\(row)")
        }
    }
}

/// `compare` says what each contender changes; a change that changes nothing is refused.
@Suite struct CompareWordsTests {
    @Test func contendersAreDescribedByWhatTheyChange() throws {
        let table = try deltatrace(["compare", "2", "--format", "table"])
        #expect(table.lines[1] == "  lesson: quadratic cost, sigmoid output, layers 1-1, η = 0.15, M = 1, 300 epochs")
        #expect(table.lines[2] == "  gentle-start: the lesson with init.weights: [[[0.6]]], init.biases: [[0.9]]")
        #expect(table.lines[4] == "  cross-entropy: the lesson with network.cost: cross-entropy")
    }

    @Test func aSingleVariedValueIsComparedWithTheLesson() throws {
        let one = try deltatrace(["compare", "3", "--vary", "cost=cross-entropy", "--format", "table"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.lines[1].hasPrefix("  lesson: mse cost") && one.lines[2] == "  cost=cross-entropy: the lesson with network.cost: cross-entropy")
        let shape = try deltatrace(["compare", "3", "--vary", "layers=[1,2,1]", "--format", "table"])
        #expect(shape.status == 2 && shape.stderr.hasPrefix("--vary:1:1: error: `layers: [1, 2, 1]` does not fit the lesson's explicit initial weights"))
    }

    @Test func lambdaWithoutARegulariserIsRefused() throws {
        let alone = try deltatrace(["compare", "2", "--vary", "lambda=0.1,0.2", "--format", "table"])
        #expect(alone.status == 2)
        #expect(alone.stderr.contains("--vary:1:1: error: `lambda: 0.1` has no effect: these settings use no regularization"))
        let together = try deltatrace(["compare", "2", "--vary", "regularization=l2", "--vary", "lambda=0.1,2", "--format", "table"])
        #expect(together.status == 0 && together.lines[1] == "  the lesson: quadratic cost, sigmoid output, layers 1-1, η = 0.15, M = 1, 300 epochs")
        #expect(together.lines[2] == "  regularization=l2 lambda=0.1: the lesson with train.regularization: l2, train.lambda: 0.1")
    }
}
