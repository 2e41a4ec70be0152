import Foundation
import Testing

/// `compare --format csv`, the verdict at the end of `compare --format json`, and the
/// validation columns of `compare`'s table, each held to what `run` prints for the same
/// contender.
@Suite struct CompareFormatTests {
    /// A held-out circle: a lesson with validation data, a variant that stops early, and a
    /// variant with another η.
    static let heldOut = """
        title: Held out
        summary: A circle with a fifth of its points held out.
        network: {layers: [2, 3, 1], cost: cross-entropy}
        data: {generator: {name: circle, count: 60}, holdout: 20}
        train: {eta: 0.5, batch: 10, epochs: 30, seed: 4}
        variants:
          - {name: patient, early-stopping: {patience: 2}}
          - {name: fast, eta: 3}
        """

    /// The fields of a CSV line that has no quoted fields.
    static func fields(_ line: String) -> [String] { line.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }

    @Test func compareCSVHasAColumnPerContenderAndMeasureWithRunsExactNumbers() throws {
        let compared = try deltatrace(["compare", "2", "--format", "csv"])
        #expect(compared.status == 0, "\(compared.stderr)")
        let names = ["lesson", "gentle-start", "lecture-mse", "cross-entropy"]
        #expect(compared.lines.first == "epoch," + names.map { "\($0) cost,\($0) accuracy" }.joined(separator: ","))
        #expect(compared.lines.count == 1 + 301)
        let rows = compared.lines.dropFirst().map(CompareFormatTests.fields)
        #expect(rows.map { $0[0] } == (0...300).map(String.init))
        for (k, name) in names.enumerated() {
            let run = try deltatrace(["run", "2", "--format", "csv"] + (name == "lesson" ? [] : ["--variant", name]))
            #expect(run.status == 0 && run.lines.first == "epoch,cost,accuracy")
            // The same digits: every number exact, as `run` prints it.
            let own = rows.map { [$0[0], $0[1 + 2 * k], $0[2 + 2 * k]].joined(separator: ",") }
            #expect(own == Array(run.lines.dropFirst()), "\(name)")
        }
        // Row 0 of the lesson, as run's test knows it.
        #expect(rows[0][1] == "0.48217554191230866")
    }

    @Test func compareCSVQuotesContenderNamesWithCommas() throws {
        let lesson = """
            title: Two shapes
            summary: XOR with two hidden layer sizes.
            network: {layers: [2, 2, 1], cost: cross-entropy}
            data: {generator: xor}
            train: {eta: 2, epochs: 4, seed: 3}
            """
        let (csv, json) = try withFiles(["x.yaml": lesson]) { dir in
            let path = dir.appendingPathComponent("x.yaml").path
            return (try deltatrace(["compare", path, "--vary", "layers=[2,3,1],[2,5,1]", "--format", "csv"]),
                    try deltatrace(["compare", path, "--vary", "layers=[2,3,1],[2,5,1]", "--format", "json"]))
        }
        #expect(csv.status == 0, "\(csv.stderr)")
        #expect(csv.lines.first == #"epoch,"layers=[2,3,1] cost","layers=[2,3,1] accuracy","layers=[2,5,1] cost","layers=[2,5,1] accuracy""#)
        // The numbers are the JSON's, digit for digit.
        let rows = csv.lines.dropFirst().map(CompareFormatTests.fields)
        #expect(rows.count == 5)
        for row in rows {
            for (k, name) in ["layers=[2,3,1]", "layers=[2,5,1]"].enumerated() {
                let line = #"{"variant":"\#(name)","epoch":\#(row[0]),"cost":\#(row[1 + 2 * k]),"accuracy":\#(row[2 + 2 * k])}"#
                #expect(json.lines.contains(line), "\(line)")
            }
        }
        let costs = try costsByVariant(json)
        #expect(costs["layers=[2,3,1]"] != costs["layers=[2,5,1]"])
    }

    @Test func validationColumnsInTheTableAndTheCSVAreRunsNumbers() throws {
        let (table, csv, runs) = try withFiles(["h.yaml": CompareFormatTests.heldOut]) { dir in
            let path = dir.appendingPathComponent("h.yaml").path
            return (try deltatrace(["compare", path, "--format", "table", "--every", "1"]),
                    try deltatrace(["compare", path, "--format", "csv"]),
                    try ["lesson", "patient", "fast"].map { name in
                        try deltatrace(["run", path, "--format", "csv"] + (name == "lesson" ? [] : ["--variant", name]))
                    })
        }
        #expect(table.status == 0 && csv.status == 0, "\(table.stderr)\(csv.stderr)")
        let header = try #require(table.lines.first { $0.hasPrefix("epoch") })
        #expect(header.split(separator: " ") == ["epoch", "lesson", "lesson", "val", "cost", "lesson", "val", "acc",
                                                 "patient", "patient", "val", "cost", "patient", "val", "acc",
                                                 "fast", "fast", "val", "cost", "fast", "val", "acc"])
        let measures = ["cost", "accuracy", "validation_cost", "validation_accuracy"]
        #expect(csv.lines.first == "epoch," + ["lesson", "patient", "fast"].flatMap { name in measures.map { "\(name) \($0)" } }.joined(separator: ","))
        let csvRows = csv.lines.dropFirst().map(CompareFormatTests.fields)
        let tableRows = table.lines.drop { !$0.hasPrefix("epoch") }.dropFirst().prefix { $0.split(separator: " ").first.flatMap { Int($0) } != nil }
            .map { $0.split(separator: " ").map(String.init) }
        #expect(csvRows.count == 31 && tableRows.count == 31)
        for (k, run) in runs.enumerated() {
            #expect(run.lines.first == "epoch," + measures.joined(separator: ","))
            let own = Array(run.lines.dropFirst())
            // `patient` stops early after epoch 3: its fields are empty after that.
            #expect(own.count == (k == 1 ? 4 : 31))
            for (e, line) in own.enumerated() {
                let ran = CompareFormatTests.fields(line)
                #expect(Array(csvRows[e][(1 + 4 * k)...(4 + 4 * k)]) == Array(ran.dropFirst()), "run \(k), epoch \(e)")
                // The table: cost and validation cost to 6 decimals, validation accuracy to 4.
                let cells = tableRows[e]
                let cost = Double(cells[1 + 3 * k])!, valCost = Double(cells[2 + 3 * k])!, valAcc = Double(cells[3 + 3 * k])!
                #expect(abs(cost - Double(ran[1])!) <= 5e-7 && abs(valCost - Double(ran[3])!) <= 5e-7 && abs(valAcc - Double(ran[4])!) <= 5e-5)
            }
            for e in own.count..<31 {
                #expect(csvRows[e][(1 + 4 * k)...(4 + 4 * k)].allSatisfy { $0.isEmpty })
                #expect(tableRows[e][(1 + 3 * k)...(3 + 3 * k)].allSatisfy { $0 == "-" })
            }
        }
        #expect(csv.stderr.contains("patient: stopped early after epoch 3"))
    }

    @Test func compareJSONEndsWithTheVerdictAsFields() throws {
        let json = try deltatrace(["compare", "2", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let lines = try jsonLines(json.stdout)
        #expect(lines.count == 4 * 301 + 1)
        let verdict = try #require(lines.last?["verdict"] as? [String: Any])
        // Three different costs among four contenders: ranked by the training accuracy they share.
        #expect(verdict["measure"] as? String == "accuracy" && verdict["rule"] as? String == "first-epoch-reaching")
        #expect(verdict["goal"] as? String == "best-accuracy" && verdict["goal_accuracy"] as? Double == 1 && verdict["below"] == nil)
        #expect(verdict["accuracy_rule"] as? String == "threshold" && verdict["costs_differ"] as? Bool == true)
        #expect(verdict["winner"] as? String == "cross-entropy" && verdict["winner_epoch"] as? Int == 17)
        let contenders = try #require(verdict["contenders"] as? [[String: Any]])
        #expect(contenders.map { $0["variant"] as? String } == ["lesson", "gentle-start", "lecture-mse", "cross-entropy"])
        #expect(contenders.map { $0["cost_function"] as? String } == ["quadratic", "quadratic", "mse", "cross-entropy"])
        // Each contender's facts, against its own per-epoch rows in the same output.
        var rows: [String: [[String: Any]]] = [:]
        for row in lines.dropLast() { rows[row["variant"] as! String, default: []].append(row) }
        for c in contenders {
            let own = try #require(rows[c["variant"] as! String])
            #expect(c["starting_cost"] as? Double == own[0]["cost"] as? Double && c["goal_cost"] == nil)
            #expect(c["starting_accuracy"] as? Double == 0 && c["goal_accuracy"] as? Double == 1)
            #expect(c["epoch"] as? Int == own.firstIndex { $0["accuracy"] as? Double == 1 })
            #expect(c["epochs_trained"] as? Int == 300 && c["ending"] as? String == "completed")
        }
        // The lesson's own claims: the output first falls below ½ after epochs 232, 36, 117 and 17.
        #expect(contenders.map { $0["epoch"] as? Int } == [232, 36, 117, 17])
        // How much sooner the winner gets there: the epoch over the winner's (the table's 13.6×, 2.1× and 6.9×).
        let soonerBy: [Double?] = [232.0 / 17, 36.0 / 17, 117.0 / 17, nil]
        #expect(contenders.map { $0["winner_sooner_by"] as? Double } == soonerBy)
        #expect(contenders[3]["winner_sooner_by"] is NSNull)
    }

    @Test func theVerdictNamesItsGoalAndWhyAContenderNeverGetsThere() throws {
        // One cost, two η: --below is a goal for both.
        let below = try deltatrace(["compare", "2", "--vary", "eta=0.15,0.5", "--format", "json", "--below", "0.3"])
        #expect(below.status == 0, "\(below.stderr)")
        let verdict = try #require(try jsonLines(below.stdout).last?["verdict"] as? [String: Any])
        #expect(verdict["measure"] as? String == "cost" && verdict["costs_differ"] as? Bool == false)
        #expect(verdict["goal"] as? String == "below" && verdict["below"] as? Double == 0.3)
        #expect(verdict["winner"] as? String == "eta=0.5" && verdict["winner_epoch"] as? Int == 62)
        let contenders = try #require(verdict["contenders"] as? [[String: Any]])
        #expect(contenders.map { $0["epoch"] as? Int } == [203, 62])
        #expect(contenders.allSatisfy { $0["goal_cost"] as? Double == 0.3 && $0["cost_function"] as? String == "quadratic" })
        let costs = try costsByVariant(below)
        #expect(costs["eta=0.15"]?.firstIndex { $0 < 0.3 } == 203 && costs["eta=0.5"]?.firstIndex { $0 < 0.3 } == 62)

        // Different costs: a cost is no goal for all of them, so --below is refused.
        let refused = try deltatrace(["compare", "2", "--format", "json", "--below", "0.3"])
        #expect(refused.status == 2 && refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("--below:1:1: error: --below 0.3 is a cost, but the contenders' costs differ (lesson: quadratic, gentle-start: quadratic, lecture-mse: mse, cross-entropy: cross-entropy), so their cost values are not comparable\n"), "\(refused.stderr)")
        #expect(refused.stderr.contains("\n  hint: leave out --below"))

        let stopped = try withFiles(["h.yaml": CompareFormatTests.heldOut]) { dir in
            try deltatrace(["compare", dir.appendingPathComponent("h.yaml").path, "--format", "json"])
        }
        let none = try #require(try jsonLines(stopped.stdout).last?["verdict"] as? [String: Any])
        #expect(none["winner"] is NSNull && none["winner_epoch"] is NSNull)
        let facts = try #require(none["contenders"] as? [[String: Any]])
        #expect(facts.map { $0["ending"] as? String } == ["completed", "stopped-early", "completed"])
        #expect(facts.map { $0["epochs_trained"] as? Int } == [30, 3, 30])
        #expect(facts.allSatisfy { $0["epoch"] is NSNull && $0["winner_sooner_by"] is NSNull })
    }
}
