import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// The lesson's split into training, validation (`holdout`) and test (`test`) rows, and
/// `standardize`, whose statistics come from the training rows alone.
@Suite struct SplitAndStandardizationTests {
    /// Eight rows with two inputs on different scales (the second ten times the first) and
    /// one far-off row, 100, which moves the statistics a lot if it is in the training rows.
    /// Lines 5–8 hold the data keys a test replaces.
    static func scaled(_ dataKeys: String = "  holdout: 2\n  test: 1\n  standardize: true",
                       inputs: String = "[[1, 10], [2, 20], [3, 30], [4, 40], [5, 50], [6, 60], [7, 70], [100, 1000]]") -> String {
        """
        title: Scaled
        summary: Eight rows, two inputs on different scales.
        network: {layers: [2, 1], cost: quadratic}
        data:
        \(dataKeys)
          inputs: \(inputs)
          targets: [[0], [0], [0], [1], [1], [1], [1], [1]]
        train: {eta: 0.5, epochs: 3}
        """
    }

    /// The split of a lesson's rows.
    static func split(_ lesson: Lesson) -> (training: [Int], validation: [Int], test: [Int]) {
        (lesson.data.trainingRows, lesson.data.validationRows, lesson.data.testRows)
    }

    @Test(arguments: [("  holdout: 2\n  test: 1", 5, 2, 1), ("  test: 3", 5, 0, 3), ("  holdout: 3", 5, 3, 0),
                      ("  holdout: 0.25\n  test: 0.25", 4, 2, 2), ("  test: 0.2", 6, 0, 2), ("  holdout: 1\n  test: 6", 1, 1, 6),
                      ("  standardize: false", 8, 0, 0)])
    func theSplitIsDisjointAndCoversEveryRow(keys: String, trained: Int, held: Int, tested: Int) throws {
        let lesson = try Lesson.parse(Self.scaled(keys), file: "s.yaml")
        let split = Self.split(lesson)
        let sizes: [Int] = [split.training.count, split.validation.count, split.test.count], wanted: [Int] = [trained, held, tested]
        #expect(sizes == wanted)
        // Each list in file order, no row in two of them, and every row in one.
        for rows in [split.training, split.validation, split.test] { #expect(rows == rows.sorted()) }
        #expect(Set(split.training).isDisjoint(with: split.validation) && Set(split.training).isDisjoint(with: split.test)
                && Set(split.validation).isDisjoint(with: split.test))
        #expect((split.training + split.validation + split.test).sorted() == Array(0..<8))
        // The datasets a run uses hold exactly those rows.
        let counts = [lesson.training.count, lesson.validation?.count ?? 0, lesson.test?.count ?? 0]
        #expect(counts == wanted)
    }

    @Test func fractionsOfTheRowsRoundToTheNearestRow() throws {
        // 0.15 of 8 is 1.2 → 1; 0.2 of 8 is 1.6 → 2; 0.0625 of 8 is 0.5 → 1 (half away from 0).
        for (keys, held, tested) in [("  holdout: 0.15\n  test: 0.2", 1, 2), ("  test: 0.0625", 0, 1), ("  holdout: 0.01", 1, 0)] {
            let split = Self.split(try Lesson.parse(Self.scaled(keys), file: "s.yaml"))
            #expect(split.validation.count == held && split.test.count == tested, "\(keys)")
        }
    }

    /// The rule of the holdout before the test split existed: one shuffle of 0 … n−1 from
    /// the stream (train.seed, holdout), its last H rows held out.
    static func holdoutAsItWas(rows n: Int, holdout h: Int, seed: UInt64) -> [Int] {
        var order = Array(0..<n)
        var random = DeltaRandom(seed: seed, stream: RandomStream.holdout.rawValue)
        random.shuffle(&order)
        return order.suffix(h).sorted()
    }

    @Test func aLessonWithoutTestKeepsTheHoldoutItHad() throws {
        for (h, seed) in [(2, 1), (3, 1), (3, 7), (5, 42)] {
            let text = Self.scaled("  holdout: \(h)").replacingOccurrences(of: "epochs: 3}", with: "epochs: 3, seed: \(seed)}")
            let split = Self.split(try Lesson.parse(text, file: "s.yaml"))
            #expect(split.validation == Self.holdoutAsItWas(rows: 8, holdout: h, seed: UInt64(seed)), "holdout \(h), seed \(seed)")
            #expect(split.test.isEmpty && split.training == Array(0..<8).filter { !split.validation.contains($0) })
        }
        // Iris as lesson 9 reads it without its test split: the 30 rows it held out before.
        let iris = try Lesson.parse("""
            title: Iris
            summary: Iris held out.
            network: {layers: [4, 3], output: softmax, cost: log-likelihood}
            data: {file: ../datasets/iris.csv, class: species, holdout: 30}
            train: {eta: 0.5, seed: 3}
            """, file: packageLessons.appendingPathComponent("iris-test.yaml").path)
        #expect(iris.data.validationRows == Self.holdoutAsItWas(rows: 150, holdout: 30, seed: 3))
    }

    @Test func rowsLimitsTheClassesToTheLabelsOfTheRowsUsed() throws {
        // The first 100 iris rows are 50 setosa and 50 versicolor: two classes, not three with
        // a virginica column that is always 0.
        let iris = try Lesson.parse("""
            title: Iris
            summary: Two species.
            network: {layers: [4, 2], output: softmax, cost: log-likelihood}
            data: {file: ../datasets/iris.csv, class: species, rows: 100}
            train: {eta: 0.5}
            """, file: packageLessons.appendingPathComponent("iris-rows.yaml").path)
        #expect(iris.dataDescription.targetNames == ["setosa", "versicolor"])
        #expect(iris.training.count == 100 && iris.training.targetWidth == 2)
        #expect(Array(iris.training.y(0)) == [1, 0] && Array(iris.training.y(99)) == [0, 1])
    }

    @Test func standardisationUsesTheTrainingRowsAlone() throws {
        let lesson = try Lesson.parse(Self.scaled(), file: "s.yaml")
        // Training rows 0, 1, 2, 3 and 7; validation rows 5 and 6; the test row 4.
        #expect(Self.split(lesson) == ([0, 1, 2, 3, 7], [5, 6], [4]))
        let sets = lesson.datasets(for: lesson.settings)
        let s = try #require(sets.standardization)
        // μ₁ = (1 + 2 + 3 + 4 + 100)/5 = 22, s₁ = √((21² + 20² + 19² + 18² + 78²)/5) = √1522;
        // the second column is ten times the first. (Over all eight rows μ₁ would be 16.)
        #expect(s.means == [22, 220])
        #expect(abs(s.deviations[0] - 1522.0.squareRoot()) < 1e-12 && abs(s.deviations[1] - 10 * 1522.0.squareRoot()) < 1e-11)
        #expect(abs(s.deviations[0] - 39.01281840626232) < 1e-12)
        // The training inputs have mean 0 and sd 1.
        let trained = (0..<5).map { Array(sets.training.x($0))[0] }
        #expect(abs(trained.reduce(0, +)) < 1e-12)
        #expect(abs(trained.map { $0 * $0 }.reduce(0, +) / 5 - 1) < 1e-12)
        // Validation and test inputs are scaled with the training numbers: row 5 is x = (6, 60).
        let validation = try #require(sets.validation), test = try #require(sets.test)
        let row5 = Array(validation.x(0)), row6 = Array(validation.x(1)), row4 = Array(test.x(0))
        #expect(abs(row5[0] - (-0.4101216126808128)) < 1e-15 && abs(row5[1] - (-0.4101216126808128)) < 1e-15)
        #expect(abs(row6[0] - (-0.384489011888262)) < 1e-15)
        #expect(abs(row4[0] - (-0.4357542134733636)) < 1e-15)
        // The targets are not touched.
        #expect(validation.targets == [1, 1] && test.targets == [1])
        // An input a student writes is scaled the same way: x = (22, 220) is the training mean.
        #expect(sets.networkInput([22, 220]) == [0, 0])
    }

    @Test func aHeldOutRowDoesNotMoveTheStatistics() throws {
        let original = try Lesson.parse(Self.scaled(), file: "s.yaml")
        // Row 4 (the test row) and row 5 (a validation row) changed wildly.
        let changed = try Lesson.parse(Self.scaled(inputs: "[[1, 10], [2, 20], [3, 30], [4, 40], [-500, -5000], [600, 6000], [7, 70], [100, 1000]]"),
                                       file: "s.yaml")
        #expect(Self.split(changed) == Self.split(original))
        let before = try #require(original.datasets(for: original.settings).standardization)
        let after = changed.datasets(for: changed.settings)
        #expect(after.standardization == before)
        #expect(after.training == original.datasets(for: original.settings).training)
        // The changed rows are scaled with the same numbers: (600 − 22)/√1522 and (−500 − 22)/√1522.
        let held = Array(try #require(after.validation).x(0)), tested = Array(try #require(after.test).x(0))
        #expect(abs(held[0] - 14.815643258094363) < 1e-12)
        #expect(abs(tested[0] - (-522 / 1522.0.squareRoot())) < 1e-12)
        // A training row changed does move them.
        let moved = try Lesson.parse(Self.scaled(inputs: "[[1, 10], [2, 20], [3, 30], [4, 40], [5, 50], [6, 60], [7, 70], [50, 500]]"), file: "s.yaml")
        #expect(moved.datasets(for: moved.settings).standardization?.means == [12, 120])
    }

    @Test func standardizeOffLeavesTheInputsAsWritten() throws {
        let lesson = try Lesson.parse(Self.scaled("  holdout: 2\n  test: 1"), file: "s.yaml")
        let sets = lesson.datasets(for: lesson.settings)
        #expect(sets.standardization == nil && Array(sets.training.x(4)) == [100.0, 1000.0] && sets.networkInput([3, 4]) == [3.0, 4.0])
    }

    /// (data keys on lines 5–7, line, column, a phrase of the message)
    static let badSplits: [(String, Int, Int, String)] = [
        ("  test: 0", 5, 9, "cannot keep 0 of 8 examples for the test"),
        ("  test: 8", 5, 9, "cannot keep 8 of 8 examples for the test"),
        ("  test: 1.5", 5, 9, "`test` must be a number of examples or a fraction between 0 and 1, not `1.5`"),
        ("  test: -0.2", 5, 9, "`test` must be a number of examples or a fraction between 0 and 1, not `-0.2`"),
        ("  test: lots", 5, 9, "`test` must be a number"),
        ("  holdout: 5\n  test: 3", 6, 9, "cannot hold out 5 and test 3 of 8 examples"),
        ("  holdout: 0.5\n  test: 0.5", 6, 9, "cannot hold out 4 and test 4 of 8 examples"),
        ("  holdout: 0\n  test: 2", 5, 12, "cannot hold out 0 of 8 examples for validation"),
        ("  standardize: maybe", 5, 16, "`standardize` must be true or false, not `maybe`"),
        ("  standardize: 1", 5, 16, "`standardize` must be true or false"),
    ]

    @Test(arguments: 0..<badSplits.count)
    func badSplitValuesAreLocated(_ k: Int) throws {
        let (keys, line, column, message) = Self.badSplits[k]
        try expectLocatedError(Self.scaled(keys), line: line, column: column, message: message)
    }
}

/// The package's lessons folder (for lessons that read the bundled data).
let packageLessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("lessons")
