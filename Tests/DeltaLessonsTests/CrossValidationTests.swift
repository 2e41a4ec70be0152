import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// K-fold cross-validation: the folds, the K models, their mean ± sd, and the claims on the
/// test set and on cross-validated results.
@Suite struct CrossValidationTests {
    /// Twelve rows of a line with noise, two of them held out for validation and two kept
    /// for the test, so that the folds are dealt from the eight training rows alone.
    static let twelve = """
        title: Twelve
        summary: A noisy threshold with validation and test rows.
        network: {layers: [2, 2, 1], cost: cross-entropy}
        init: {seed: 5}
        data:
          inputs: [[0, 1], [1, 3], [2, 2], [3, 7], [4, 4], [5, 9], [6, 5], [7, 12], [8, 8], [9, 15], [10, 9], [11, 20]]
          targets: [[0], [0], [0], [1], [0], [1], [0], [1], [1], [1], [1], [1]]
          holdout: 2
          test: 2
          standardize: true
        train: {eta: 2, batch: 2, epochs: 6, shuffle: true}
        variants:
          - {name: slow, eta: 0.1}
        """

    static func twelveLesson(_ expect: String = "") throws -> Lesson {
        try Lesson.parse(twelve + (expect.isEmpty ? "" : "\nexpect:\n" + expect), file: "twelve.yaml")
    }

    /// The fold rule written out: positions 0 … n−1 of the training rows shuffled by the
    /// stream (seed, holdout, 1), cut into K pieces, the first n mod K one longer.
    static func foldsByTheRule(_ training: [Int], k: Int, seed: UInt64) -> [[Int]] {
        var order = Array(training.indices)
        var random = DeltaRandom(seed: seed, stream: RandomStream.holdout.rawValue, 1)
        random.shuffle(&order)
        var folds: [[Int]] = [], start = 0
        for fold in 0..<k {
            let size = training.count / k + (fold < training.count % k ? 1 : 0)
            folds.append(order[start..<start + size].map { training[$0] }.sorted())
            start += size
        }
        return folds
    }

    @Test(arguments: [(8, 2), (8, 3), (8, 8), (150, 5), (150, 10), (97, 4), (2, 2)])
    func foldsAreDisjointAndCoverTheRows(n: Int, k: Int) throws {
        // Training rows with gaps, as a lesson with a holdout has them.
        let training = (0..<n).map { 3 * $0 + 1 }
        let folds = try Folds(training: training, folds: k, seed: 7)
        #expect(folds.count == k)
        #expect(folds.rows.flatMap { $0 }.sorted() == training)
        #expect(Set(folds.rows.flatMap { $0 }).count == n)
        for fold in folds.rows { #expect(!fold.isEmpty && fold == fold.sorted()) }
        // Sizes ⌊n/K⌋ + 1 for the first n mod K folds, ⌊n/K⌋ for the others.
        #expect(folds.rows.map(\.count) == (0..<k).map { n / k + ($0 < n % k ? 1 : 0) })
        #expect(folds.rows == Self.foldsByTheRule(training, k: k, seed: 7))
        for model in 1...k {
            #expect(folds.trainingRows(ofModel: model) == training.filter { !folds.rows[model - 1].contains($0) })
        }
        // The seed decides them, nothing else.
        #expect(try Folds(training: training, folds: k, seed: 7) == folds)
        if n >= 8 { #expect(try Folds(training: training, folds: k, seed: 8) != folds) }
    }

    @Test func aKThatMakesNoFoldsIsRefused() {
        #expect(throws: FoldsError.tooFew(1)) { try Folds(training: [0, 1, 2], folds: 1, seed: 1) }
        #expect(throws: FoldsError.tooFew(0)) { try Folds(training: [0, 1, 2], folds: 0, seed: 1) }
        #expect(throws: FoldsError.moreThanRows(folds: 4, rows: 3)) { try Folds(training: [0, 1, 2], folds: 4, seed: 1) }
    }

    @Test func theLessonsFoldsAreItsTrainingRowsAlone() throws {
        let lesson = try Self.twelveLesson()
        #expect(lesson.data.trainingRows.count == 8)
        let folds = try lesson.folds(3)
        #expect(folds.rows.flatMap { $0 }.sorted() == lesson.data.trainingRows)
        #expect(Set(folds.rows.flatMap { $0 }).isDisjoint(with: lesson.data.validationRows + lesson.data.testRows))
        #expect(folds.rows == Self.foldsByTheRule(lesson.data.trainingRows, k: 3, seed: 1))
    }

    @Test func theSpreadIsTheMeanAndTheSampleStandardDeviation() {
        // 1, 2, 3, 4: mean 2.5, Σ (x − x̄)² = 5, s = √(5/3) (the population sd would be √(5/4)).
        let spread = FoldSpread([1, 2, 3, 4])
        #expect(spread.mean == 2.5)
        #expect(abs(spread.standardDeviation - 1.2909944487358056) < 1e-15)
        #expect(FoldSpread([0.9, 0.9]).standardDeviation == 0)
    }

    @Test func eachModelIsARunOnItsFoldsWithItsOwnStatistics() throws {
        let lesson = try Self.twelveLesson()
        let cv = try lesson.crossValidate(lesson.settings, folds: 3)
        let network = try lesson.settings.network()
        let parameters = try lesson.initialParameters(lesson.settings, network: network)
        for (k, model) in cv.runs.enumerated() {
            #expect(model.fold == k + 1 && model.validationRows == cv.folds.rows[k])
            // Built by hand: the rows as written, standardised by the model's own training rows.
            let trainRows = cv.folds.trainingRows(ofModel: k + 1)
            let raw = lesson.data.examples.subset(trainRows)
            let scaling = Standardization(of: raw)
            let x = trainRows.map { Array(lesson.data.examples.x($0)) }
            #expect(scaling.means[0] == Double(trainRows.reduce(0, +)) / Double(trainRows.count))
            #expect(scaling.means[1] == x.map { $0[1] }.reduce(0, +) / Double(x.count))
            let run = try TrainingRun(network: network, training: scaling.apply(raw),
                                      validation: scaling.apply(lesson.data.examples.subset(model.validationRows)),
                                      configuration: lesson.settings.training, parameters: parameters)
            run.finish()
            #expect(model.epochs == run.epochSummaries)
            #expect(model.epochs.count == 7 && model.trainingCount == trainRows.count)
        }
    }

    @Test func theNumbersDoNotDependOnTheParallelism() throws {
        let lesson = try Self.twelveLesson()
        let one = try lesson.crossValidate(lesson.settings, folds: 4, jobs: 1)
        for jobs in [2, 3, 8] {
            let many = try lesson.crossValidate(lesson.settings, folds: 4, jobs: jobs)
            #expect(many == one)
            let bits = { (cv: CrossValidation) in cv.runs.flatMap { $0.epochs.flatMap { [$0.cost.bitPattern, $0.validationCost!.bitPattern] } } }
            #expect(bits(many) == bits(one))
        }
    }

    @Test func theSummaryIsOverTheFoldsLastEpochs() throws {
        let lesson = try Self.twelveLesson()
        let cv = try lesson.crossValidate(lesson.settings, folds: 4, jobs: 2)
        let last = cv.runs.map { $0.epochs[6] }
        let costs = last.map { $0.validationCost! }, accuracies = last.map { $0.validationAccuracy! }
        let mean = costs.reduce(0, +) / 4
        #expect(cv.validationCost.mean == mean)
        #expect(cv.validationCost.standardDeviation == (costs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot())
        #expect(cv.validationAccuracy?.mean == accuracies.reduce(0, +) / 4)
        // Two rows held out per model: each accuracy is 0, ½ or 1.
        #expect(accuracies.allSatisfy { [0, 0.5, 1].contains($0) })
        #expect(cv.cost.mean == last.map(\.cost).reduce(0, +) / 4)
    }

    @Test func aCvClaimIsCheckedOnTheCrossValidation() throws {
        let plain = try Self.twelveLesson()
        let cv = try plain.crossValidate(plain.settings, folds: 4)
        let slow = try plain.crossValidate(try plain.settings(variant: "slow"), folds: 4)
        // The variant has its own models on the same folds.
        #expect(slow.folds == cv.folds && slow.validationCost != cv.validationCost)
        let mean = cv.validationCost.mean, sd = cv.validationCost.standardDeviation
        let lesson = try Self.twelveLesson("""
              - cv: {folds: 4, measure: validation-cost-mean}
                is: \(mean)
                tolerance: 1e-12
              - cv: {folds: 4, measure: validation-cost-sd}
                between: [\(sd * 0.999), \(sd * 1.001)]
              - cv: {folds: 4, measure: validation-accuracy-mean}
                is: \(cv.validationAccuracy!.mean)
                tolerance: 1e-12
              - variant: slow
                cv: {folds: 4, measure: validation-cost-mean}
                is: \(slow.validationCost.mean)
                tolerance: 1e-12
              - cv: {folds: 4, measure: validation-cost-mean}
                above: \(mean)
            """)
        let results = try lesson.checkClaims()
        #expect(results.map(\.passed) == [true, true, true, true, false])
        #expect(results.map(\.actual) == [mean, sd, cv.validationAccuracy!.mean, slow.validationCost.mean, mean])
        #expect(results[0].measured == "validation-cost-mean over 4 folds")
    }

    @Test func testClaimsEvaluateTheTestSetOnceWithTheLastParameters() throws {
        let lesson = try Self.twelveLesson("""
              - test-cost:
                below: 100
              - test-accuracy:
                between: [0, 1]
              - variant: slow
                test-cost:
                below: 100
            """)
        let results = try lesson.checkClaims()
        // The test rows by hand: standardised with the training rows' statistics, evaluated
        // with the parameters after the last epoch.
        for (k, variant) in [nil, nil, "slow"].enumerated() {
            let settings = try lesson.settings(variant: variant)
            let run = try lesson.makeRun(settings)
            run.finish()
            let scaling = Standardization(of: lesson.data.examples.subset(lesson.data.trainingRows))
            let test = scaling.apply(lesson.data.examples.subset(lesson.data.testRows))
            #expect(test == lesson.test && test.count == 2)
            let direct = run.evaluate(test, parameters: run.parameters(afterEpoch: 6))
            #expect(results[k].actual == (k == 1 ? direct.accuracy : direct.cost), "\(k)")
            #expect(results[k].passed)
        }
        #expect(results[0].measured == "test-cost with the parameters the run ends with")
        let evaluation = try #require(try lesson.evaluateTest(of: try lesson.makeRun(), settings: lesson.settings))
        #expect(evaluation.epoch == 6 && evaluation.count == 2 && evaluation.cost == results[0].actual)
    }

    @Test func theTestUsesTheEpochTheRunKeeps() throws {
        // Six copies of x = 1; the validation row wants y = 1, the others y = 0: every update
        // moves a away from the validation target, so its cost rises from epoch 0 on, early
        // stopping gives up after 2 epochs and restore-best keeps epoch 0.
        func text(validation: Int?) -> String {
            let targets = (0..<6).map { $0 == validation ? "[1]" : "[0]" }.joined(separator: ", ")
            return """
                title: Kept
                summary: The test is taken with the parameters the run keeps.
                network: {layers: [1, 1], cost: cross-entropy}
                init: {weights: [[[0.5]]], biases: [[0.0]]}
                data: {inputs: [[1], [1], [1], [1], [1], [1]], targets: [\(targets)], holdout: 1, test: 1}
                train: {eta: 0.5, epochs: 20, early-stopping: {patience: 2, restore-best: true}}
                """
        }
        let held = try #require(try Lesson.parse(text(validation: nil), file: "k.yaml").data.validationRows.first)
        let lesson = try Lesson.parse(text(validation: held), file: "k.yaml")
        #expect(lesson.data.validationRows == [held] && lesson.data.testRows.count == 1)
        let run = try lesson.makeRun()
        let evaluation = try #require(try lesson.evaluateTest(of: run, settings: lesson.settings))
        #expect(run.epochSummaries.count == 3 && run.keptEpoch == 0)
        // The test row is a copy of the training rows' example: its cost is the training cost
        // of epoch 0, −ln(1 − σ(0.5)), not that of the last epoch trained.
        #expect(evaluation.epoch == 0 && evaluation.cost == run.epochSummaries[0].cost)
        #expect(abs(evaluation.cost - -log(1 - 1 / (1 + exp(-0.5)))) < 1e-15)
        #expect(evaluation.cost != run.epochSummaries[2].cost)
    }

    /// (claim lines under `expect:`, line, column, a phrase of the message)
    static let badClaims: [(String, Int, Int, String)] = [
        ("  - cv: {folds: 1, measure: validation-cost-mean}\n    below: 1", 15, 17, "cross-validation needs at least 2 folds"),
        ("  - cv: {folds: 9, measure: validation-cost-mean}\n    below: 1", 15, 17, "cannot make 9 folds of 8 training rows"),
        ("  - cv: {folds: 3, measure: validation-cost-maen}\n    below: 1", 15, 29, "validation-cost-maen"),
        ("  - cv: {measure: validation-cost-mean}\n    below: 1", 15, 9, "`folds`"),
        ("  - cv: {folds: 3, measure: validation-cost-mean}\n    epoch: 2\n    below: 1", 16, 5, "`cv` is measured at each fold's last epoch"),
        ("  - first-epoch: {cv: {folds: 3, measure: validation-cost-mean}, below: 1}\n    is: 2", 15, 23, "`first-epoch` works with per-epoch measures"),
        ("  - test-cost: 3\n    below: 1", 15, 16, "the test set is evaluated once"),
        ("  - test-accuracy:\n    epoch: 3\n    below: 1", 16, 5, "the test set is evaluated once"),
        ("  - first-epoch: {test-cost: , below: 1}\n    is: 2", 15, 30, "looked at once"),
    ]

    @Test(arguments: 0..<badClaims.count)
    func badSplitClaimsAreLocated(_ k: Int) throws {
        let (claim, line, column, message) = Self.badClaims[k]
        try expectLocatedError(Self.twelve + "\nexpect:\n" + claim, line: line, column: column, message: message)
    }

    @Test func aTestClaimNeedsATestSplit() throws {
        let text = Self.twelve.replacingOccurrences(of: "  test: 2\n", with: "") + "\nexpect:\n  - test-accuracy:\n    above: 0.5"
        let error = try #require(lessonError(text))
        #expect(error.location == SourceLocation(file: "bad.yaml", line: 14, column: 19), "\(error)")
        #expect(error.message == "the lesson keeps no test data" && error.hint?.contains("`test: N`") == true)
        let lesson = try Lesson.parse(Self.twelve.replacingOccurrences(of: "  test: 2\n", with: ""), file: "t.yaml")
        #expect(throws: LessonError.self) { try lesson.testSet(for: lesson.settings) }
    }
}
