import Foundation
import Testing

/// `deltatrace cv`: its JSON contract, the same bytes with one worker or two, the summary
/// against the folds' own last epochs, the table and the CSV against the JSON, and bad input.
@Suite struct CrossValidationCommandTests {
    /// Twenty noisy points of a threshold in one input, four held out for validation: the
    /// folds are dealt from the sixteen training rows.
    static let twenty = """
        title: Twenty
        summary: A noisy threshold.
        network: {layers: [1, 3, 1], cost: cross-entropy}
        data:
          inputs: [[0], [1], [2], [3], [4], [5], [6], [7], [8], [9], [10], [11], [12], [13], [14], [15], [16], [17], [18], [19]]
          targets: [[0], [0], [1], [0], [0], [0], [1], [0], [1], [0], [1], [1], [0], [1], [1], [1], [1], [0], [1], [1]]
          holdout: 4
          standardize: true
        train: {eta: 1, batch: 4, epochs: 8, shuffle: true}
        variants:
          - {name: gentle, eta: 0.2}
        """

    /// Runs `deltatrace` on the twenty-point lesson, written to a temporary folder.
    static func onTwenty(_ arguments: [String]) throws -> Outcome {
        try withFiles(["twenty.yaml": twenty]) { dir in
            try deltatrace([arguments[0], dir.appendingPathComponent("twenty.yaml").path] + arguments.dropFirst())
        }
    }

    @Test func oneWorkerAndTwoPrintTheSameBytes() throws {
        let one = try Self.onTwenty(["cv", "--folds", "4", "--format", "json", "--jobs", "1"])
        let two = try Self.onTwenty(["cv", "--folds", "4", "--format", "json", "--jobs", "2"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr)\(two.stderr)")
        #expect(one.stdout == two.stdout)
        #expect(one.stdout.count > 1000)
        // Not a terminal: no progress line.
        #expect(one.stderr.isEmpty && two.stderr.isEmpty)
        for format in ["table", "csv"] {
            let a = try Self.onTwenty(["cv", "--folds", "5", "--format", format, "--jobs", "1"])
            let b = try Self.onTwenty(["cv", "--folds", "5", "--format", format, "--jobs", "2"])
            #expect(a.status == 0 && a.stdout == b.stdout, "\(format)")
        }
    }

    @Test func theJSONIsOneObjectPerFoldPerEpochThenTheSummary() throws {
        let out = try Self.onTwenty(["cv", "--folds", "4", "--format", "json"])
        #expect(out.status == 0, "\(out.stderr)")
        let lines = try jsonLines(out.stdout)
        #expect(lines.count == 4 * 9 + 1)
        for (k, line) in lines.dropLast().enumerated() {
            let fold = k / 9 + 1, epoch = k % 9
            #expect(line["fold"] as? Int == fold && line["epoch"] as? Int == epoch)
            let keys = ["fold", "epoch", "cost", "accuracy", "validation_cost", "validation_accuracy"] + (epoch == 0 ? ["validation_rows"] : [])
            #expect(Set(line.keys) == Set(keys), "\(line.keys)")
            for key in ["cost", "accuracy", "validation_cost", "validation_accuracy"] { #expect(line[key] is Double, "\(key)") }
        }
        // The held-out rows: four folds of the sixteen training rows, disjoint, in file order,
        // none of them among the lesson's own four validation rows.
        let held = try lines.filter { $0["epoch"] as? Int == 0 }.map { try #require($0["validation_rows"] as? [Int]) }
        #expect(held.map(\.count) == [4, 4, 4, 4])
        for rows in held { #expect(rows == rows.sorted()) }
        let all = held.flatMap { $0 }
        #expect(Set(all).count == 16 && all.allSatisfy { (0..<20).contains($0) })
        // A fold's validation accuracy is a count of its 4 rows over 4.
        for line in lines.dropLast() { #expect([0, 0.25, 0.5, 0.75, 1].contains(line["validation_accuracy"] as! Double)) }
        // The summary: mean and sample sd (÷ K − 1) over each fold's last epoch.
        let summary = try #require(lines.last)
        #expect(Set(summary.keys) == ["folds", "validation_cost_mean", "validation_cost_sd", "validation_accuracy_mean", "validation_accuracy_sd"])
        #expect(summary["folds"] as? Int == 4)
        let last = lines.filter { $0["epoch"] as? Int == 8 }
        for key in ["validation_cost", "validation_accuracy"] {
            let values = last.map { $0[key] as! Double }
            let mean = values.reduce(0, +) / 4
            let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
            #expect(abs(summary[key + "_mean"] as! Double - mean) <= 1e-15 * max(1, abs(mean)), "\(key)")
            #expect(abs(summary[key + "_sd"] as! Double - sd) <= 1e-14 * max(1, sd), "\(key)")
        }
    }

    @Test func theTableAndTheCSVSayWhatTheJSONSays() throws {
        let raw = try Self.onTwenty(["cv", "--folds", "4", "--format", "json"])
        let json = try jsonLines(raw.stdout)
        let csv = try Self.onTwenty(["cv", "--folds", "4", "--format", "csv"])
        #expect(csv.lines.first == "fold,epoch,cost,accuracy,validation_cost,validation_accuracy")
        #expect(csv.lines.count == 1 + 36 + 2)
        // The same digits: every number as the JSON writes it.
        for (line, object) in zip(csv.lines.dropFirst(), raw.lines.dropLast()) {
            let fields = ["fold", "epoch", "cost", "accuracy", "validation_cost", "validation_accuracy"].map { Self.field($0, of: object) }
            #expect(line == fields.joined(separator: ","))
        }
        let summary = try #require(json.last), summaryText = try #require(raw.lines.last)
        #expect(csv.lines[csv.lines.count - 2].hasPrefix("mean,,") && csv.lines[csv.lines.count - 2].hasSuffix(
            ",\(Self.field("validation_cost_mean", of: summaryText)),\(Self.field("validation_accuracy_mean", of: summaryText))"))
        #expect(csv.lines[csv.lines.count - 1].hasPrefix("sd,,") && csv.lines[csv.lines.count - 1].hasSuffix(
            ",\(Self.field("validation_cost_sd", of: summaryText)),\(Self.field("validation_accuracy_sd", of: summaryText))"))

        let table = try Self.onTwenty(["cv", "--folds", "4", "--every", "1"])
        #expect(table.status == 0, "\(table.stderr)")
        #expect(table.lines[1].hasPrefix("4-fold cross-validation of the lesson's 16 training rows (its 4 validation rows are not used)"))
        let rows = table.lines.filter { $0.split(separator: " ").count == 6 && Int($0.split(separator: " ")[0]) != nil }
        #expect(rows.count == 36)
        for (row, object) in zip(rows, json.dropLast()) {
            let cells = row.split(separator: " ").map { Double($0)! }
            #expect(abs(cells[2] - (object["cost"] as! Double)) <= 5e-9 && abs(cells[4] - (object["validation_cost"] as! Double)) <= 5e-9)
        }
        let meanRow = try #require(table.lines.first { $0.hasPrefix("mean") }).split(separator: " ")
        let sdRow = try #require(table.lines.first { $0.hasPrefix("sd") }).split(separator: " ")
        #expect(abs(Double(meanRow[3])! - (summary["validation_cost_mean"] as! Double)) <= 5e-9)
        #expect(abs(Double(sdRow[4])! - (summary["validation_accuracy_sd"] as! Double)) <= 5e-5)
        #expect(table.stdout.contains("the mean and the sample sd (dividing by K − 1 = 3)"))
    }

    /// A field of a JSON line as written: the text after `"key":` up to the next `,` or `}`.
    static func field(_ key: String, of line: String) -> String {
        guard let start = line.range(of: "\"\(key)\":") else { return "?" }
        return String(line[start.upperBound...].prefix { $0 != "," && $0 != "}" })
    }

    @Test func aVariantIsCrossValidatedOnTheSameFolds() throws {
        let lesson = try jsonLines(try Self.onTwenty(["cv", "--folds", "4", "--format", "json"]).stdout)
        let gentle = try jsonLines(try Self.onTwenty(["cv", "--folds", "4", "--format", "json", "--variant", "gentle"]).stdout)
        let rows = { (lines: [[String: Any]]) in lines.compactMap { $0["validation_rows"] as? [Int] } }
        #expect(rows(gentle) == rows(lesson))
        #expect(gentle.last?["validation_cost_mean"] as? Double != lesson.last?["validation_cost_mean"] as? Double)
        // Epoch 0 is before training, from the same initial parameters.
        #expect(gentle[0]["cost"] as? Double == lesson[0]["cost"] as? Double)
    }

    @Test(arguments: [(["--folds", "1"], "--folds:1:1: error: cross-validation needs at least 2 folds, not 1"),
                      (["--folds", "0"], "--folds:1:1: error: cross-validation needs at least 2 folds, not 0"),
                      (["--folds", "17"], "--folds:1:1: error: cannot make 17 folds of the lesson's 16 training rows"),
                      (["--folds", "4", "--jobs", "0"], "--jobs:1:1: error: --jobs 0 trains no model"),
                      (["--folds", "4", "--variant", "gentel"], "error: the lesson has no variant `gentel`")])
    func badInputExitsWithStatus2(arguments: [String], message: String) throws {
        let out = try Self.onTwenty(["cv"] + arguments)
        #expect(out.status == 2 && out.stdout.isEmpty, "\(out.stderr)")
        #expect(out.stderr.contains(message), "\(out.stderr)")
        #expect(out.stderr.contains("\n  hint: "), "\(out.stderr)")
    }
}
