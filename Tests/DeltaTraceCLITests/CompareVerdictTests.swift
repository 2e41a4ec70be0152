import Foundation
import Testing

/// `compare`'s verdict ranks contenders by one yardstick: by cost only when they share a cost
/// function, otherwise by the training accuracy they share (for lessons 2 and 3, one example
/// with target 0, the epoch after which the output first falls below ½, as the lessons claim),
/// otherwise by nothing. The table's words, the JSON verdict and the CSV's columns agree.
@Suite struct CompareVerdictTests {
    /// A neuron aiming at 0.3: a regression, so no accuracy.
    static let regression = """
        title: Regression
        summary: One neuron aiming at 0.3.
        network: {layers: [1, 1], output: sigmoid, cost: quadratic}
        init: {weights: [[[2.0]]], biases: [[2.0]]}
        data: {inputs: [[1.0]], targets: [[0.3]]}
        train: {eta: 0.5, batch: 1, epochs: 40}
        """

    /// The fields of a CSV line that has no quoted fields.
    static func fields(_ line: String) -> [String] { line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }

    /// The epoch after whose update the output a first falls below ½: one less than the first
    /// epoch of `trace` whose feedforward (with the parameters the previous epochs left) has
    /// a < ½.
    static func firstEpochBelowHalf(lesson: String, variant: String) throws -> Int? {
        let trace = try deltatrace(["trace", lesson] + (variant == "lesson" ? [] : ["--variant", variant]))
        for update in try jsonLines(trace.stdout) {
            let example = (update["examples"] as! [[String: Any]])[0]
            let output = (example["layers"] as! [[String: Any]]).last!["a"] as! [Double]
            if output[0] < 0.5 { return (update["epoch"] as! Int) - 1 }
        }
        return nil
    }

    /// The table, the JSON verdict and the CSV of one compare, and each contender's epoch in
    /// each: the table's `NAME epoch N` line, the JSON's `epoch`, and the first CSV row whose
    /// `NAME accuracy` is 1.
    static func agreeingEpochs(_ arguments: [String], names: [String]) throws -> (table: Outcome, verdict: [String: Any], epochs: [Int]) {
        let table = try deltatrace(arguments + ["--format", "table"])
        let json = try deltatrace(arguments + ["--format", "json"])
        let csv = try deltatrace(arguments + ["--format", "csv"])
        #expect(table.status == 0 && json.status == 0 && csv.status == 0, "\(table.stderr)\(json.stderr)\(csv.stderr)")
        let verdict = try #require(try jsonLines(json.stdout).last?["verdict"] as? [String: Any])
        let contenders = try #require(verdict["contenders"] as? [[String: Any]])
        #expect(contenders.map { $0["variant"] as? String } == names)
        let header = CompareVerdictTests.fields(try #require(csv.lines.first))
        let rows = csv.lines.dropFirst().map(CompareVerdictTests.fields)
        var epochs: [Int] = []
        for (name, c) in zip(names, contenders) {
            let epoch = try #require(c["epoch"] as? Int, "\(name)")
            let column = try #require(header.firstIndex(of: "\(name) accuracy"))
            #expect(rows.first { $0[column] == "1.0" }?[0] == String(epoch), "\(name)")
            #expect(table.lines.contains { $0.hasPrefix("  \(name.padding(toLength: 20, withPad: " ", startingAt: 0)) epoch \(epoch) (") }, "\(name)")
            epochs.append(epoch)
        }
        return (table, verdict, epochs)
    }

    @Test func lessonThreeNamesCrossEntropyTheWinnerWithTheLessonsEpochs() throws {
        let (table, verdict, epochs) = try CompareVerdictTests.agreeingEpochs(["compare", "3"], names: ["lesson", "cross-entropy"])
        // The lesson says, and `check` proves: below ½ after epoch 117 under MSE, 17 under cross-entropy.
        #expect(epochs == [117, 17])
        #expect(try CompareVerdictTests.firstEpochBelowHalf(lesson: "3", variant: "lesson") == 117)
        #expect(try CompareVerdictTests.firstEpochBelowHalf(lesson: "3", variant: "cross-entropy") == 17)
        #expect(verdict["measure"] as? String == "accuracy" && verdict["costs_differ"] as? Bool == true)
        #expect(verdict["winner"] as? String == "cross-entropy" && verdict["winner_epoch"] as? Int == 17)
        let contenders = try #require(verdict["contenders"] as? [[String: Any]])
        #expect(contenders[0]["winner_sooner_by"] as? Double == 117.0 / 17)
        #expect(contenders.map { $0["cost_function"] as? String } == ["mse", "cross-entropy"])
        // The words: why cost is not the yardstick, each one's cost, and 117/17 ≈ 6.9×, not 13.4×.
        let verdictLines = Array(table.lines.drop { !$0.hasPrefix("Verdict:") })
        #expect(verdictLines == [
            "Verdict: the contenders' costs differ, so their cost values are not comparable;",
            "  ranked instead by training accuracy (an output counts as right when a ≥ ½ exactly when y = 1):",
            "  the first epoch at which each reaches 1.0000, the best any of them reaches:",
            "  lesson               epoch 117 (mse cost, starting at 0.9644; accuracy 0.0000 at epoch 0)",
            "  cross-entropy        epoch 17 (cross-entropy cost, starting at 4.0181; accuracy 0.0000 at epoch 0)",
            "  cross-entropy gets there 6.9× sooner than lesson",
        ])
    }

    @Test func lessonTwoRanksItsFourContendersByWhenTheOutputFallsBelowHalf() throws {
        let names = ["lesson", "gentle-start", "lecture-mse", "cross-entropy"]
        let (table, verdict, epochs) = try CompareVerdictTests.agreeingEpochs(["compare", "2"], names: names)
        #expect(epochs == [232, 36, 117, 17])
        for (name, epoch) in zip(names, epochs) {
            // `run`'s own accuracy column, and the output itself in `trace`.
            let run = try deltatrace(["run", "2", "--format", "csv"] + (name == "lesson" ? [] : ["--variant", name]))
            #expect(run.lines.first == "epoch,cost,accuracy")
            #expect(run.lines.dropFirst().first { CompareVerdictTests.fields($0)[2] == "1.0" }.map { CompareVerdictTests.fields($0)[0] } == String(epoch), "\(name)")
            #expect(try CompareVerdictTests.firstEpochBelowHalf(lesson: "2", variant: name) == epoch, "\(name)")
        }
        #expect(verdict["winner"] as? String == "cross-entropy" && verdict["winner_epoch"] as? Int == 17)
        #expect(table.stdout.contains("  cross-entropy gets there 13.6× sooner than lesson\n"))
        #expect(table.stdout.contains("  cross-entropy gets there 2.1× sooner than gentle-start\n"))
        #expect(table.stdout.contains("  cross-entropy gets there 6.9× sooner than lecture-mse\n"))
        #expect(table.stdout.contains("  lecture-mse          epoch 117 (mse cost, starting at 0.9644; accuracy 0.0000 at epoch 0)\n"))
        // The cost-halving ratios of before (26.5×, 13.4×) are gone.
        #expect(!table.stdout.contains("falls to half its starting value") && !table.stdout.contains("26.5×"))
    }

    @Test func contendersThatShareACostAreStillRankedByCost() throws {
        let table = try deltatrace(["compare", "2", "--vary", "eta=0.15,0.5", "--format", "table"])
        let json = try deltatrace(["compare", "2", "--vary", "eta=0.15,0.5", "--format", "json"])
        #expect(table.status == 0 && json.status == 0, "\(table.stderr)\(json.stderr)")
        #expect(Array(table.lines.drop { !$0.hasPrefix("Verdict:") }) == [
            "Verdict: the first epoch at which each cost falls to half its starting value:",
            "  eta=0.15             epoch 212 (starting cost 0.4822)",
            "  eta=0.5              epoch 65 (starting cost 0.4822)",
            "  eta=0.5 gets there 3.3× sooner than eta=0.15",
        ])
        let verdict = try #require(try jsonLines(json.stdout).last?["verdict"] as? [String: Any])
        #expect(verdict["measure"] as? String == "cost" && verdict["rule"] as? String == "first-epoch-below")
        #expect(verdict["goal"] as? String == "half-starting-cost" && verdict["costs_differ"] as? Bool == false)
        #expect(verdict["winner"] as? String == "eta=0.5" && verdict["winner_epoch"] as? Int == 65)
        let contenders = try #require(verdict["contenders"] as? [[String: Any]])
        #expect(contenders.map { $0["epoch"] as? Int } == [212, 65])
        let soonerBy: [Double?] = [212.0 / 65, nil]
        #expect(contenders.map { $0["winner_sooner_by"] as? Double } == soonerBy)
        // The epochs are each one's own cost falling below half its own start; η = 0.15 is the lesson.
        let costs = try costsByVariant(json)
        let lesson = try jsonLines(try deltatrace(["run", "2", "--format", "json"]).stdout).map { $0["cost"] as! Double }
        #expect(costs["eta=0.15"] == lesson)
        for c in contenders {
            let own = try #require(costs[c["variant"] as! String])
            #expect(c["starting_cost"] as? Double == own[0] && c["goal_cost"] as? Double == own[0] / 2)
            #expect(c["epoch"] as? Int == own.firstIndex { $0 < own[0] / 2 })
            #expect(c["cost_function"] as? String == "quadratic" && c["starting_accuracy"] == nil)
        }
    }

    @Test func differentCostsWithoutAnAccuracyAreNotRanked() throws {
        let (table, json, below) = try withFiles(["r.yaml": CompareVerdictTests.regression]) { dir in
            let path = dir.appendingPathComponent("r.yaml").path
            return (try deltatrace(["compare", path, "--vary", "cost=quadratic,mse", "--format", "table"]),
                    try deltatrace(["compare", path, "--vary", "cost=quadratic,mse", "--format", "json"]),
                    try deltatrace(["compare", path, "--vary", "cost=quadratic,mse", "--format", "table", "--below", "0.01"]))
        }
        #expect(table.status == 0 && json.status == 0, "\(table.stderr)\(json.stderr)")
        // ½(0.3 − σ(4))² and (0.3 − σ(4))²: the same output, two costs.
        let a = 1 / (1 + exp(-4.0)), quadratic = 0.5 * (0.3 - a) * (0.3 - a)
        #expect(Array(table.lines.drop { !$0.hasPrefix("Verdict:") }) == [
            "Verdict: none. The contenders cannot be ranked by cost because their costs differ,",
            "  and they share no other measure (none of them is a classification with an accuracy):",
            "  cost=quadratic       quadratic cost, starting at \(String(format: "%.4f", quadratic))",
            "  cost=mse             mse cost, starting at \(String(format: "%.4f", 2 * quadratic))",
        ])
        let verdict = try #require(try jsonLines(json.stdout).last?["verdict"] as? [String: Any])
        #expect(verdict["measure"] as? String == "none" && verdict["rule"] is NSNull && verdict["goal"] is NSNull)
        #expect(verdict["costs_differ"] as? Bool == true && verdict["winner"] is NSNull && verdict["winner_epoch"] is NSNull)
        let contenders = try #require(verdict["contenders"] as? [[String: Any]])
        #expect(contenders.map { $0["cost_function"] as? String } == ["quadratic", "mse"])
        #expect(abs(try #require(contenders[0]["starting_cost"] as? Double) - quadratic) < 1e-15)
        #expect(contenders.allSatisfy { $0["epoch"] is NSNull && $0["winner_sooner_by"] is NSNull && $0["goal_cost"] == nil })
        #expect(contenders.allSatisfy { $0["epochs_trained"] as? Int == 40 })

        #expect(below.status == 2 && below.stdout.isEmpty)
        #expect(below.stderr.hasPrefix("--below:1:1: error: --below 0.01 is a cost, but the contenders' costs differ (cost=quadratic: quadratic, cost=mse: mse)"), "\(below.stderr)")
    }
}
