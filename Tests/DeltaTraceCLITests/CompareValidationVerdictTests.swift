import Foundation
import Testing

/// `compare` on a lesson that holds out validation data judges every contender on it, not
/// on what it trained on, and says so.
@Suite struct CompareValidationVerdictTests {
    /// Iris with 30 rows held out, standardised, two learning rates.
    static var iris: String {
        """
        title: Iris held out
        summary: Two learning rates judged on held-out flowers.
        network: {layers: [4, 4, 3], output: softmax, cost: log-likelihood}
        data: {file: \(packageRoot.appendingPathComponent("datasets/iris.csv").path), class: species, holdout: 30, standardize: true}
        train: {eta: 0.5, batch: 10, epochs: 20, shuffle: true, seed: 3}
        variants:
          - {name: slow, eta: 0.05}
        """
    }

    @Test func theVerdictRanksByTheValidationCostAndSaysSo() throws {
        let (json, table) = try withFiles(["i.yaml": Self.iris]) { dir in
            let path = dir.appendingPathComponent("i.yaml").path
            return (try deltatrace(["compare", path, "--format", "json"]), try deltatrace(["compare", path, "--format", "table"]))
        }
        #expect(json.status == 0 && table.status == 0, "\(json.stderr)\(table.stderr)")
        let lines = try jsonLines(json.stdout)
        let verdict = try #require(lines.last?["verdict"] as? [String: Any])
        #expect(verdict["measure"] as? String == "validation-cost" && verdict["goal"] as? String == "half-starting-cost")
        let contenders = try #require(verdict["contenders"] as? [[String: Any]])
        var epochs: [Int?] = []
        for c in contenders {
            let own = lines.dropLast().filter { $0["variant"] as? String == c["variant"] as? String }
            let start = try #require(own.first?["validation_cost"] as? Double)
            // The starting figure and the goal are the validation cost's, not the training cost's.
            #expect(c["starting_cost"] as? Double == start && c["goal_cost"] as? Double == start / 2)
            #expect(start != own.first?["cost"] as? Double)
            let first = own.firstIndex { ($0["validation_cost"] as! Double) < start / 2 }
            #expect(c["epoch"] as? Int == first, "\(c)")
            epochs.append(first)
        }
        // η = 0.5 halves its validation cost after epoch 3, η = 0.05 only after epoch 20.
        #expect(epochs == [3, 20])
        #expect(verdict["winner"] as? String == "lesson" && verdict["winner_epoch"] as? Int == epochs[0])
        let words = Array(table.lines.drop { !$0.hasPrefix("Judged on") })
        #expect(words.first == "Judged on the 30 validation examples each contender holds out, not on the data it trained on.")
        #expect(words.dropFirst().first == "Verdict: the first epoch at which each validation cost falls to half its starting value:")
        #expect(words.contains { $0.hasPrefix("  lesson") && $0.contains("epoch \(epochs[0]!) (starting validation cost ") })
        #expect(words.contains("  lesson gets there 6.7× sooner than slow"))
    }

    @Test func withoutValidationDataTheVerdictIsOnTheTrainingCost() throws {
        let text = Self.iris.replacingOccurrences(of: ", holdout: 30", with: "")
        let json = try withFiles(["i.yaml": text]) { dir in
            try deltatrace(["compare", dir.appendingPathComponent("i.yaml").path, "--format", "json"])
        }
        let lines = try jsonLines(json.stdout)
        let verdict = try #require(lines.last?["verdict"] as? [String: Any])
        #expect(verdict["measure"] as? String == "cost")
        let contenders = try #require(verdict["contenders"] as? [[String: Any]])
        #expect(contenders[0]["starting_cost"] as? Double == lines[0]["cost"] as? Double)
        #expect(!json.stdout.contains("validation"))
    }
}
