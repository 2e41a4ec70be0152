import Foundation
import Testing

/// `run --test`: the test set evaluated once after training, in each format, and refused for
/// a lesson that keeps no test data.
@Suite struct RunTestCommandTests {
    /// Six copies of one example: whichever row is kept for the test, it is the training
    /// rows' own example, so its cost and accuracy are the training cost and accuracy of the
    /// epoch whose parameters are tested — a number the table prints.
    static let copies = """
        title: Copies
        summary: One example six times, one copy kept for the test.
        network: {layers: [1, 1], cost: cross-entropy}
        init: {weights: [[[0.5]]], biases: [[0.5]]}
        data:
          inputs: [[1], [1], [1], [1], [1], [1]]
          targets: [[0], [0], [0], [0], [0], [0]]
          test: 1
        train: {eta: 0.3, epochs: 5}
        """

    static func onCopies(_ arguments: [String], text: String = copies) throws -> Outcome {
        try withFiles(["c.yaml": text]) { dir in
            try deltatrace(["run", dir.appendingPathComponent("c.yaml").path] + arguments)
        }
    }

    @Test func theTestIsEvaluatedWithTheParametersTheRunEndsWith() throws {
        let json = try Self.onCopies(["--test", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let lines = try jsonLines(json.stdout)
        #expect(lines.count == 6 + 1)
        let test = try #require(lines.last?["test"] as? [String: Any])
        #expect(Set(test.keys) == ["epoch", "examples", "cost", "accuracy"])
        #expect(test["epoch"] as? Int == 5 && test["examples"] as? Int == 1)
        // The same example as the five trained on: the test cost is epoch 5's training cost.
        let last = try #require(lines[5]["cost"] as? Double)
        #expect(test["cost"] as? Double == last)
        #expect(test["accuracy"] as? Double == lines[5]["accuracy"] as? Double)
        // σ(0.5 + 0.5) = 0.731 at first, target 0: by hand, the first cost is −ln(1 − σ(1)).
        let first = -log(1 - 1 / (1 + exp(-1.0)))
        #expect(abs((lines[0]["cost"] as! Double) - first) < 1e-15)
        #expect(last < first)
        #expect(json.stderr.contains("The test set is looked at once"))

        let csv = try Self.onCopies(["--test", "--format", "csv"])
        #expect(csv.lines.first == "epoch,cost,accuracy" && csv.lines.count == 1 + 6 + 1)
        #expect(csv.lines.last == "test,\(csv.lines[6].split(separator: ",")[1]),\(csv.lines[6].split(separator: ",")[2])")
        #expect(csv.stderr.contains("The test set is looked at once"))

        let table = try Self.onCopies(["--test"])
        #expect(table.status == 0 && table.stderr.isEmpty, "\(table.stderr)")
        let rows = table.lines.filter { Int($0.split(separator: " ").first ?? "") != nil }
        let cost = try #require(rows.last?.split(separator: " ")[1])
        #expect(table.lines[table.lines.count - 2] == "test (1 example, the parameters after epoch 5): cost \(cost), accuracy 1.0000")
        #expect(table.lines.last == "The test set is looked at once, at the end: choose nothing by it, or it stops being a fair guess of how the network does on data it has never seen.")
        // Without --test the test set is not looked at.
        let plain = try Self.onCopies([])
        #expect(!plain.stdout.contains("test (") && plain.lines.count == table.lines.count - 2)
    }

    @Test func withRestoreBestTheTestUsesTheBestEpoch() throws {
        // Every row the same example, one held out: the validation cost is the training cost,
        // which falls every epoch, so the best epoch is the last; with η large enough to
        // overshoot, an earlier one — either way the test's epoch is the one the run keeps.
        let text = Self.copies.replacingOccurrences(of: "  test: 1", with: "  test: 1\n  holdout: 1")
            .replacingOccurrences(of: "epochs: 5}", with: "epochs: 5, early-stopping: {patience: 10, restore-best: true}}")
        let json = try jsonLines(try Self.onCopies(["--test", "--format", "json"], text: text).stdout)
        let test = try #require(json.last?["test"] as? [String: Any])
        let costs = json.dropLast().map { $0["validation_cost"] as! Double }
        let best = costs.indices.min { costs[$0] < costs[$1] }!
        #expect(test["epoch"] as? Int == best && test["cost"] as? Double == costs[best])
    }

    @Test func aLessonWithoutATestSplitIsRefused() throws {
        let out = try Self.onCopies(["--test"], text: Self.copies.replacingOccurrences(of: "  test: 1\n", with: ""))
        #expect(out.status == 2 && out.stdout.isEmpty)
        #expect(out.stderr.contains(":6:3: error: the lesson keeps no test data\n  hint: add `test: N` (or a fraction, `test: 0.2`) under `data:`"), "\(out.stderr)")
    }
}
