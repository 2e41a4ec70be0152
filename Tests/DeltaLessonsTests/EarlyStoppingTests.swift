import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// One sigmoid neuron and two examples with the same input and opposite targets, one held out:
/// every update moves a towards the training target and so away from the held-out one, so
/// the validation cost rises from epoch 0 on and the best epoch is 0.
let opposedLesson = """
    title: Opposed
    summary: The held-out example wants the other answer.
    network: {layers: [1, 1], output: sigmoid, cost: quadratic}
    init: {weights: [[[0.5]]], biases: [[0.0]]}
    data:
      inputs: [[1.0], [1.0]]
      targets: [[0.0], [1.0]]
      holdout: 1
    train:
      eta: 0.5
      epochs: 50
      early-stopping: {patience: 3}
    variants:
      - {name: to-the-end, early-stopping: false}
      - {name: keep-last, train.early-stopping: {patience: 3, restore-best: false}}
      - {name: by-accuracy, early-stopping: {patience: 5, metric: validation-accuracy}}
    """

@Suite struct EarlyStoppingTests {
    @Test func aRunWhoseValidationCostOnlyRisesStopsAfterPatienceEpochs() throws {
        let lesson = try Lesson.parse(opposedLesson, file: "o.yaml")
        #expect(lesson.settings.training.earlyStopping == EarlyStopping(patience: 3, metric: .validationCost, restoreBest: true))
        let run = try lesson.makeRun()
        run.finish()
        let stop = try #require(run.ending?.earlyStop)
        #expect(stop.epoch == 3 && stop.bestEpoch == 0 && stop.keptEpoch == 0)
        #expect(run.epochSummaries.count == 4 && run.keptEpoch == 0)
        // The best value is the held-out example's cost before training: ½(y − σ(w·x + b))².
        let y = try #require(lesson.validation).targets[0]
        let a = 1 / (1 + exp(-0.5))
        #expect(abs(stop.bestValue - 0.5 * (y - a) * (y - a)) < 1e-15)
        let costs = run.epochSummaries.compactMap(\.validationCost)
        #expect(costs.count == 4 && zip(costs, costs.dropFirst()).allSatisfy { $0 < $1 })
        #expect(lesson.settings.headline.hasSuffix("50 epochs, early stopping after 3 epochs without a better validation cost"))
    }

    @Test func variantsTurnItOffKeepTheLastEpochOrWatchTheAccuracy() throws {
        let lesson = try Lesson.parse(opposedLesson, file: "o.yaml")
        let full = try lesson.makeRun(variant: "to-the-end")
        full.finish()
        #expect(full.ending == .completed && full.epochSummaries.count == 51)
        let last = try lesson.makeRun(variant: "keep-last")
        last.finish()
        #expect(last.ending?.earlyStop?.epoch == 3 && last.keptEpoch == 3)
        // The accuracy of the one held-out example never improves on epoch 0's: it stops at P = 5.
        let accuracy = try lesson.makeRun(variant: "by-accuracy")
        accuracy.finish()
        #expect(accuracy.ending?.earlyStop?.epoch == 5 && accuracy.ending?.earlyStop?.rule.metric == .validationAccuracy)
    }

    /// (replacement of the early-stopping line, line, column, a phrase of the message, a phrase of the hint)
    static let badRules: [(String, Int, Int, String, String)] = [
        ("  early-stopping: {patience: 0}", 12, 30, "`patience` must be at least 1, not 0", "epochs without improvement"),
        ("  early-stopping: {patience: -2}", 12, 30, "`patience` must be at least 1, not -2", "epochs without improvement"),
        ("  early-stopping: {patience: 2.5}", 12, 30, "`patience` must be a whole number", "without quotes"),
        ("  early-stopping: {patiense: 3}", 12, 20, "unknown key `patiense` in `early-stopping`", "did you mean `patience`?"),
        ("  early-stopping: {metric: validation-cost}", 12, 19, "`early-stopping` needs `patience`", "e.g. {patience: 10}"),
        ("  early-stopping: {patience: 3, metric: validation-cots}", 12, 41, "the metric `validation-cots` is not known", "did you mean `validation-cost`?"),
        ("  early-stopping: {patience: 3, restore-best: maybe}", 12, 47, "`restore-best` must be true or false", ""),
        ("  early-stopping: 5", 12, 19, "`early-stopping` must be a mapping such as {patience: 10}, or false", "restore-best: true"),
        ("  early-stoping: {patience: 3}", 12, 3, "unknown key `early-stoping` in `train`", "did you mean `early-stopping`?"),
    ]

    @Test(arguments: 0..<badRules.count)
    func badRulesAreLocated(_ k: Int) throws {
        let (line, row, column, message, hint) = Self.badRules[k]
        let text = opposedLesson.replacingOccurrences(of: "  early-stopping: {patience: 3}\n", with: line + "\n")
        let error = try #require(lessonError(text))
        #expect(error.location == SourceLocation(file: "bad.yaml", line: row, column: column), "\(error)")
        #expect(error.message.contains(message), "\(error)")
        #expect(hint.isEmpty || error.hint?.contains(hint) == true, "\(error)")
    }

    @Test func earlyStoppingNeedsHeldOutDataAndAccuracyNeedsClasses() throws {
        let noHoldout = try #require(lessonError(opposedLesson.replacingOccurrences(of: "  holdout: 1\n", with: "")))
        #expect(noHoldout.location == SourceLocation(file: "bad.yaml", line: 11, column: 19), "\(noHoldout)")
        #expect(noHoldout.message == "early stopping watches the validation data, and the lesson holds out none")
        #expect(noHoldout.hint?.contains("`holdout: N` under `data:`") == true)
        // A variant that switches it on is checked the same way, at the variant's value.
        let inVariant = try #require(lessonError(minimalLesson + "\nvariants:\n  - {name: v, early-stopping: {patience: 2}}"))
        #expect(inVariant.location == SourceLocation(file: "bad.yaml", line: 14, column: 31), "\(inVariant)")
        #expect(inVariant.message.contains("holds out none"))
        // Targets that are not classes have no accuracy to watch.
        let regression = opposedLesson.replacingOccurrences(of: "targets: [[0.0], [1.0]]", with: "targets: [[0.25], [0.75]]")
            .replacingOccurrences(of: "  early-stopping: {patience: 3}\n", with: "  early-stopping: {patience: 3, metric: validation-accuracy}\n")
            .replacingOccurrences(of: "      - {name: by-accuracy, early-stopping: {patience: 5, metric: validation-accuracy}}", with: "")
        let accuracy = try #require(lessonError(regression))
        #expect(accuracy.location == SourceLocation(file: "bad.yaml", line: 12, column: 19), "\(accuracy)")
        #expect(accuracy.message == "the validation accuracy is not measured: the targets are not classes")
    }
}
