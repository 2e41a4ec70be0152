import Foundation
import Testing

/// Matt Mazur's worked 2-2-2 example as a lesson.
let mazurLesson = """
    title: A worked 2-2-2 example
    summary: Matt Mazur's step-by-step backpropagation example.
    network: {layers: [2, 2, 2], hidden: sigmoid, output: sigmoid, cost: quadratic}
    init:
      weights: [[[0.15, 0.25], [0.20, 0.30]], [[0.40, 0.50], [0.45, 0.55]]]
      biases: [[0.35, 0.35], [0.60, 0.60]]
    data: {inputs: [[0.05, 0.10]], targets: [[0.01, 0.99]]}
    train: {eta: 0.5, epochs: 2}
    """

@Suite(.serialized) struct CommandTests {
    @Test func traceReproducesTheWorkedExampleTo8Digits() throws {
        let outcome = try withFiles(["mazur.yaml": mazurLesson]) { try deltatrace(["trace", $0.appendingPathComponent("mazur.yaml").path, "--updates", "1"]) }
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let updates = try jsonLines(outcome.stdout)
        #expect(updates.count == 1)
        let update = updates[0]
        #expect(update["epoch"] as? Int == 1 && update["update"] as? Int == 1)
        #expect(abs((update["cost"] as! Double) - 0.298371109) < 5e-10)
        let layers = update["layers"] as! [[String: Any]]
        let w1 = layers[0]["w_after"] as! [[Double]], w2 = layers[1]["w_after"] as! [[Double]]
        // Mazur's w1…w8 after one update: w_after[i][j] = w_{l,i+1,j+1}.
        let expected: [(Double, Double)] = [
            (w1[0][0], 0.14978072), (w1[1][0], 0.19956143), (w1[0][1], 0.24975114), (w1[1][1], 0.29950229),
            (w2[0][0], 0.35891648), (w2[1][0], 0.40866619), (w2[0][1], 0.51130127), (w2[1][1], 0.56137012),
        ]
        for (actual, printed) in expected { #expect(abs(actual - printed) < 5e-9, "\(actual) vs \(printed)") }
        // Full double precision: the text reads back as the exact double.
        #expect(outcome.stdout.contains("0.35891647971788465"))
        let example = (update["examples"] as! [[String: Any]])[0]
        #expect(example["x"] as? [Double] == [0.05, 0.10] && example["y"] as? [Double] == [0.01, 0.99])
        let hidden = (example["layers"] as! [[String: Any]])[0]
        #expect(hidden["l"] as? Int == 1 && abs((hidden["a"] as! [Double])[0] - 0.5932699921071872) < 1e-15)
        #expect(outcome.stdout.contains(#""a":[0.5932699921071872,0.596884378259767]"#))
    }

    @Test func compareShowsCrossEntropyLeavingTheSaturatedStartFarSooner() throws {
        let json = try deltatrace(["compare", "lessons/02-saturated-neuron.yaml", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        var costs: [String: [Double]] = [:]
        // Every line but the last (the verdict) is one variant's epoch.
        for row in try jsonLines(json.stdout).dropLast() { costs[row["variant"] as! String, default: []].append(row["cost"] as! Double) }
        #expect(Set(costs.keys) == ["lesson", "gentle-start", "lecture-mse", "cross-entropy"])
        #expect(costs.values.allSatisfy { $0.count == 301 })
        func halved(_ c: [Double]) -> Int? { c.firstIndex { $0 < c[0] / 2 } }
        let quadratic = try #require(halved(costs["lesson"]!)), mse = try #require(halved(costs["lecture-mse"]!))
        let ce = try #require(halved(costs["cross-entropy"]!))
        #expect(ce == 8 && quadratic == 212 && mse == 107)

        // The costs differ, so the verdict ranks by when the output falls below ½ (accuracy 1),
        // not by when each cost halves.
        let table = try deltatrace(["compare", "2", "--vary", "cost=quadratic,mse,cross-entropy"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("cost=cross-entropy   epoch 17 "))
        #expect(table.stdout.contains("cost=quadratic       epoch 232 "))
        #expect(table.stdout.contains("cost=cross-entropy gets there 13.6× sooner than cost=quadratic"))
        #expect(table.stdout.contains("cost=cross-entropy gets there 6.9× sooner than cost=mse"))
    }

    @Test func runPrintsOneRowPerEpochInEachFormat() throws {
        let csv = try deltatrace(["run", "saturated-neuron", "--format", "csv", "--epochs", "3"])
        #expect(csv.status == 0)
        #expect(csv.lines == ["epoch,cost,accuracy", "0,0.48217554191230866,0.0", "1,0.48208506449181576,0.0",
                              "2,0.48199369096665307,0.0", "3,0.48190140823805705,0.0"])
        let json = try deltatrace(["run", "2", "--format", "json", "--epochs", "300", "--variant", "cross-entropy"])
        let rows = try jsonLines(json.stdout)
        #expect(rows.count == 301 && rows.last?["epoch"] as? Int == 300 && rows.last?["accuracy"] as? Double == 1)
        let table = try deltatrace(["run", "02", "--eta", "3", "--cost", "cross-entropy", "--epochs", "2"])
        #expect(table.lines[0] == "The saturated neuron — cross-entropy cost, sigmoid output, layers 1-1, η = 3, M = 1, 2 epochs")
        #expect(table.lines[1].contains("epoch") && table.lines[1].contains("cost") && table.lines.count == 5)
        // Different seeds give different initial weights for a lesson that draws them.
        let lessons = try deltatrace(["lessons"])
        #expect(lessons.status == 0 && lessons.stdout.contains("saturated-neuron") && lessons.stdout.contains("The saturated neuron"))
    }

    @Test func checkPassesOnTheBundledLessonsAndFailsOnAFalseClaim() throws {
        let good = try deltatrace(["check", "lessons/"])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.lines.allSatisfy { $0.hasPrefix("ok ") })
        let falseClaim = mazurLesson + "\nexpect:\n  - {output: [0.05, 0.10], node: 1, epoch: 0, is: 0.75}\n  - {output: [0.05, 0.10], node: 1, epoch: 0, is: 0.70}\n"
        let bad = try withFiles(["claims.yaml": falseClaim]) { try deltatrace(["check", $0.path]) }
        #expect(bad.status == 1)
        #expect(bad.lines[0].hasPrefix("FAILED") && bad.lines[0].contains("(1 of 2 claims)"))
        #expect(bad.lines[1].contains("claims.yaml:11:5:") && bad.lines[1].contains("is 0.7513650695523157, expected = 0.7 ± 0.005"))
    }

    @Test func runStopsAtANonFiniteValueAndSaysWhere() throws {
        let lesson = """
            title: Diverging
            summary: η far too large.
            network: {layers: [1, 1], output: linear, cost: quadratic}
            init: {weights: [[[1.0]]], biases: [[0.0]]}
            data: {inputs: [[10.0]], targets: [[0.0]]}
            train: {eta: 1, epochs: 1000}
            """
        let outcome = try withFiles(["d.yaml": lesson]) { try deltatrace(["run", $0.appendingPathComponent("d.yaml").path, "--format", "csv"]) }
        #expect(outcome.status == 1)
        #expect(outcome.lines.count == 1 + 78)
        #expect(outcome.stderr.contains("training stopped at the first non-finite value: C = inf at epoch 78, update 1, example 1, output error (output node 1 furthest from its target)"))
    }
}
