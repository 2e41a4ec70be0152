import Foundation
import Testing

/// A 2-3-1 network with drawn initial weights, trained on XOR with shuffles, and a variant
/// that changes only the training seed.
let seededLessonText = """
    title: Seeds
    summary: Which seed draws what.
    network: {layers: [2, 3, 1], output: sigmoid, cost: quadratic}
    data: {generator: xor}
    train: {eta: 2, epochs: 5, shuffle: true, seed: 3}
    variants:
      - {name: other-shuffles, train.seed: 7}
    """

/// The per-epoch costs of `compare --format json`, by variant (every line but the last, the verdict).
func costsByVariant(_ outcome: Outcome) throws -> [String: [Double]] {
    var costs: [String: [Double]] = [:]
    for row in try jsonLines(outcome.stdout).dropLast() { costs[row["variant"] as! String, default: []].append(row["cost"] as! Double) }
    return costs
}

@Suite(.serialized) struct LessonKeyCommandTests {
    /// The fixture names its data `../../../datasets/iris.csv`, relative to its own folder;
    /// every way of naming it, from any working directory, reads the same 150 flowers.
    @Test func aRelativeDataPathIsFoundFromAnyWorkingDirectory() throws {
        let tests = packageRoot.appendingPathComponent("Tests")
        let runs = [
            try deltatrace(["run", "Tests/Fixtures/lessons/iris-small.yaml", "--format", "json"]),
            try deltatrace(["run", "Fixtures/lessons/iris-small.yaml", "--format", "json"], in: tests),
            try deltatrace(["run", "iris-small.yaml", "--format", "json"], in: tests.appendingPathComponent("Fixtures/lessons")),
        ]
        for outcome in runs {
            #expect(outcome.status == 0, "\(outcome.stderr)")
            let rows = try jsonLines(outcome.stdout)
            #expect(rows.count == 4)
            // Every weight and bias 0: each class gets a = 1/3, so C = ln 3; the ties go to
            // setosa, 50 of the 150 flowers.
            let cost = try #require(rows.first?["cost"] as? Double)
            #expect(abs(cost - log(3)) < 1e-12)
            #expect(rows.first?["accuracy"] as? Double == 50.0 / 150.0)
            #expect(outcome.stdout == runs[0].stdout)
        }
        let fromRoot = try deltatrace(["check", "Tests/Fixtures/lessons"])
        #expect(fromRoot.status == 0, "\(fromRoot.stdout)\(fromRoot.stderr)")
        #expect(fromRoot.lines.contains("ok       Tests/Fixtures/lessons/iris-small.yaml  (2 claims)"))
        #expect(fromRoot.lines.count == 4 && fromRoot.lines.allSatisfy { $0.hasPrefix("ok ") })  // and the network view's three
        let fromTests = try deltatrace(["check", "Fixtures/lessons/"], in: tests)
        #expect(fromTests.status == 0, "\(fromTests.stdout)\(fromTests.stderr)")
        #expect(fromTests.lines.contains("ok       Fixtures/lessons/iris-small.yaml  (2 claims)"))
        #expect(fromTests.lines.count == 4 && fromTests.lines.allSatisfy { $0.hasPrefix("ok ") })
    }

    /// One rule for initial parameters: `run --variant` and `compare` start a variant that
    /// changes only `train.seed` from the lesson's own initial weights.
    @Test func runAndCompareGiveAVariantTheSameStart() throws {
        try withFiles(["s.yaml": seededLessonText]) { dir in
            let path = dir.appendingPathComponent("s.yaml").path
            let alone = try deltatrace(["run", path, "--variant", "other-shuffles", "--format", "json"])
            #expect(alone.status == 0, "\(alone.stderr)")
            let compared = try deltatrace(["compare", path, "--format", "json"])
            #expect(compared.status == 0, "\(compared.stderr)")
            let costs = try costsByVariant(compared)
            let row0 = try #require(try jsonLines(alone.stdout).first)
            #expect(row0["epoch"] as? Int == 0)
            #expect(row0["cost"] as? Double == costs["other-shuffles"]?.first)
            #expect(costs["other-shuffles"]?.first == costs["lesson"]?.first)
            // The seeds differ in the shuffles: by epoch 5 the costs part.
            #expect(costs["other-shuffles"]?.count == 6 && costs["other-shuffles"]?.last != costs["lesson"]?.last)

            let seeds = try deltatrace(["compare", path, "--vary", "train.seed=3,7", "--format", "json"])
            #expect(seeds.status == 0, "\(seeds.stderr)")
            let varied = try costsByVariant(seeds)
            #expect(varied["train.seed=3"] == costs["lesson"] && varied["train.seed=7"] == costs["other-shuffles"])
        }
    }

    @Test func varyTakesListValuesAndQualifiedNames() throws {
        try withFiles(["s.yaml": seededLessonText]) { dir in
            let path = dir.appendingPathComponent("s.yaml").path
            let layers = try deltatrace(["compare", path, "--vary", "layers=[2,3,1],[2,5,1]", "--format", "json"])
            #expect(layers.status == 0, "\(layers.stderr)")
            let costs = try costsByVariant(layers)
            #expect(Set(costs.keys) == ["layers=[2,3,1]", "layers=[2,5,1]"] && costs.values.allSatisfy { $0.count == 6 })
            let lesson = try jsonLines(try deltatrace(["run", path, "--format", "json"]).stdout).map { $0["cost"] as! Double }
            #expect(costs["layers=[2,3,1]"] == lesson && costs["layers=[2,5,1]"]?.first != lesson.first)
        }
        // Lesson 2 starts from w = 2, b = 2; changing the weights alone keeps b = 2, so the
        // epoch-0 cost for w = 0.6 is ½σ(0.6 + 2)², with target 0.
        let weights = try deltatrace(["compare", "2", "--vary", "init.weights=[[[2.0]]],[[[0.6]]]", "--format", "json"])
        #expect(weights.status == 0, "\(weights.stderr)")
        let costs = try costsByVariant(weights)
        let a = 1 / (1 + exp(-2.6))
        let lesson2 = try jsonLines(try deltatrace(["run", "2", "--format", "json"]).stdout).map { $0["cost"] as! Double }
        #expect(costs["init.weights=[[[2.0]]]"] == lesson2 && lesson2.count == 301)
        #expect(abs(try #require(costs["init.weights=[[[0.6]]]"]?.first) - 0.5 * a * a) < 1e-15)

        let bare = try deltatrace(["compare", "2", "--vary", "seed=1,2"])
        #expect(bare.status == 2)
        #expect(bare.stderr.contains("--vary:1:1: error: `seed` is ambiguous in the changes from --vary"), "\(bare.stderr)")
        #expect(bare.stderr.contains("hint: write `train.seed` (shuffles, dropout) or `init.seed` (initial weights)"))
        let twice = try deltatrace(["compare", "2", "--vary", "cost=mse", "--vary", "network.cost=quadratic"])
        #expect(twice.status == 2 && twice.stderr.contains("--vary:2:1: error: `network.cost` and `cost` in the changes from --vary are the same key"))
    }

    @Test func runSaysWhereEarlyStoppingEndedTheRun() throws {
        let lesson = """
            title: Opposed
            summary: The held-out example wants the other answer.
            network: {layers: [1, 1], output: sigmoid, cost: quadratic}
            init: {weights: [[[0.5]]], biases: [[0.0]]}
            data: {inputs: [[1.0], [1.0]], targets: [[0.0], [1.0]], holdout: 1}
            train: {eta: 0.5, epochs: 50, early-stopping: {patience: 3}}
            """
        let outcome = try withFiles(["o.yaml": lesson]) { try deltatrace(["run", $0.appendingPathComponent("o.yaml").path]) }
        #expect(outcome.status == 0, "\(outcome.stderr)")
        // The header, the column names, epochs 0…3, and the stop.
        #expect(outcome.lines.count == 7)
        #expect(outcome.lines[0].hasSuffix("50 epochs, early stopping after 3 epochs without a better validation cost"))
        #expect(outcome.lines[6].hasPrefix("stopped early after epoch 3: the validation cost has not improved for 3 epochs on its best"))
        #expect(outcome.lines[6].hasSuffix("before training; the initial parameters are kept"))
    }
}
