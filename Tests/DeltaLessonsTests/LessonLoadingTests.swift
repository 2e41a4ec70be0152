import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// A minimal valid lesson, with lines to replace.
let minimalLesson = """
    title: Test
    summary: A lesson for tests.
    network:
      layers: [2, 2]
      output: sigmoid
      cost: quadratic
    data:
      inputs: [[0.0, 1.0], [1.0, 0.0]]
      targets: [[1.0, 0.0], [0.0, 1.0]]
    train:
      eta: 0.5
      epochs: 3
    """

/// Expects a lesson text to be refused at `bad.yaml:line:column` with a message that holds
/// `message` and, where given, a hint that holds `hint`: the one check of the tables of bad
/// lessons.
@discardableResult
func expectLocatedError(_ text: String, line: Int, column: Int, message: String, hint: String? = nil,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> LessonError {
    let error = try #require(lessonError(text), sourceLocation: sourceLocation)
    #expect(error.location == SourceLocation(file: "bad.yaml", line: line, column: column), "\(error)", sourceLocation: sourceLocation)
    #expect(error.message.contains(message), "\(error)", sourceLocation: sourceLocation)
    if let hint { #expect(error.hint?.contains(hint) == true, "\(error)", sourceLocation: sourceLocation) }
    return error
}

/// The error a lesson text raises, or nil.
func lessonError(_ text: String, file: String = "bad.yaml") -> LessonError? {
    do {
        _ = try Lesson.parse(text, file: file)
        return nil
    } catch let error as LessonError {
        return error
    } catch {
        Issue.record("not a LessonError: \(error)")
        return nil
    }
}

@Suite struct LessonLoadingTests {
    @Test func aMinimalLessonLoadsWithDefaults() throws {
        let lesson = try Lesson.parse(minimalLesson, file: "t.yaml")
        #expect(lesson.settings.layers == [2, 2])
        #expect(lesson.settings.training.batchSize == 1 && lesson.settings.training.seed == 1 && !lesson.settings.training.shuffle)
        #expect(lesson.settings.initialization == .gaussian)
        #expect(lesson.training.count == 2)
        let run = try lesson.makeRun()
        run.finish()
        #expect(run.epochSummaries.count == 4)
    }

    /// (lesson text, expected line, column, a phrase of the message, a phrase of the hint)
    static let badLessons: [(String, Int, Int, String, String)] = [
        (minimalLesson.replacingOccurrences(of: "  layers: [2, 2]", with: "  layers: [2, 2"), 5, 9, "YAML syntax", "indentation"),
        (minimalLesson.replacingOccurrences(of: "  eta: 0.5", with: "  etta: 0.5"), 11, 3, "unknown key `etta`", "did you mean `eta`?"),
        (minimalLesson.replacingOccurrences(of: "  epochs: 3", with: "  epochs: three"), 12, 11, "`epochs` must be a whole number", "without quotes"),
        (minimalLesson.replacingOccurrences(of: "  cost: quadratic", with: "  cost: cross-entropyy"), 6, 9, "the cost `cross-entropyy` is not known", "did you mean `cross-entropy`?"),
        (minimalLesson.replacingOccurrences(of: "  eta: 0.5", with: "  eta: 0"), 11, 8, "η must be greater than 0", "learning rate"),
        (minimalLesson.replacingOccurrences(of: "  eta: 0.5", with: "  eta: 0.5\n  batch: 0"), 12, 10, "minibatch size must be at least 1", "batch: 1"),
        (minimalLesson.replacingOccurrences(of: "  eta: 0.5", with: "  eta: 0.5\n  dropout: 1"), 12, 12, "dropout probability", "chance"),
        (minimalLesson.replacingOccurrences(of: "  eta: 0.5", with: "  eta: .nan"), 11, 8, "must be a finite number", "NaN"),
        (minimalLesson.replacingOccurrences(of: "  layers: [2, 2]", with: "  layers: [3, 2]"), 4, 11, "takes 3 inputs but each example has 2", "first layer size 2"),
        (minimalLesson.replacingOccurrences(of: "  targets: [[1.0, 0.0], [0.0, 1.0]]", with: "  targets: [[1.0, 0.0], [0.0]]"), 9, 25, "target row 2 has 1 values", "same number"),
        (minimalLesson.replacingOccurrences(of: "  output: sigmoid\n  cost: quadratic", with: "  output: softmax\n  cost: mse"), 6, 9, "softmax outputs do not pair with the mse cost", "log-likelihood"),
        (minimalLesson.replacingOccurrences(of: "  layers: [2, 2]", with: "  layers: [2, 30000, 30000, 2]"), 4, 11, "too large to trace", "smaller"),
        (minimalLesson + "\ninit:\n  weights: [[[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]]]", 14, 12, "weights[0][0] has 3 entries; layer 1 has 2 nodes", "one row per node"),
        (minimalLesson.replacingOccurrences(of: "  inputs: [[0.0, 1.0], [1.0, 0.0]]\n  targets: [[1.0, 0.0], [0.0, 1.0]]", with: "  file: nowhere.csv\n  class: label"), 8, 9, "no data file at nowhere.csv", "relative to the lesson"),
        (minimalLesson.replacingOccurrences(of: "title: Test\n", with: ""), 1, 1, "a lesson needs `title`", "title:"),
        (minimalLesson + "\nquestions:\n  - {at: {step: output-error}, ask: w?, answer: {quantity: w, layer: 0}}", 14, 70, "`w` has no layer 0", "it belongs to layer 1"),
        (minimalLesson + "\nquestions:\n  - {at: {step: output-error}, ask: a?, answer: {quantity: a, node: 3}}", 14, 69, "layer 1 has no node 3", "1…2"),
        (minimalLesson.replacingOccurrences(of: "  eta: 0.5", with: "  eta: 0.5\n  eta: 0.7"), 12, 3, "`eta` is written twice", "keep one"),
        (minimalLesson.replacingOccurrences(of: "[2, 2]", with: "[2, 5000000000, 2]"), 4, 15, "too many to trace", "at most 100000"),
        (minimalLesson.replacingOccurrences(of: "  inputs: [[0.0, 1.0], [1.0, 0.0]]", with: "  inputs: [[0.0, 1.0], [1.0, 0.0]]\n  scale: 1e308\n  rows: 2").replacingOccurrences(of: "[[0.0, 1.0], [1.0, 0.0]]", with: "[[0.0, 2.0], [1.0, 0.0]]"), 8, 3, "is not a finite number", "scale"),
        (minimalLesson + "\nbeats:\n  - {at: {epoch: 4}, say: hi}", 14, 10, "there is no step epoch 4", "epochs run 1…3"),
    ]

    @Test(arguments: 0..<badLessons.count)
    func badLessonsAreLocatedAndExplained(_ k: Int) throws {
        let (text, line, column, message, hint) = Self.badLessons[k]
        let error = try expectLocatedError(text, line: line, column: column, message: message, hint: hint)
        #expect(error.description.hasPrefix("bad.yaml:\(line):\(column): error: "))
    }

    @Test func csvProblemsPointIntoTheDataFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deltatrace-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lesson = minimalLesson.replacingOccurrences(
            of: "data:\n  inputs: [[0.0, 1.0], [1.0, 0.0]]\n  targets: [[1.0, 0.0], [0.0, 1.0]]",
            with: "data:\n  file: points.csv\n  class: label")
        let lessonPath = dir.appendingPathComponent("l.yaml").path
        try lesson.write(toFile: lessonPath, atomically: true, encoding: .utf8)
        let cases: [(String, Int, Int, String)] = [
            ("x1,x2,label\n0,1,a\n1,0,b,7\n", 3, 7, "this row has 4 cells; the header has 3 columns"),
            ("x1,x2,label\n0,1,a\n1,zero,b\n", 3, 3, "the `x2` cell `zero` is not a number"),
            ("x1,x2,label\n0,1,a\nnan,0,b\n", 3, 1, "the `x1` cell is nan"),
            ("x1,x2,label\n0,,a\n1,0,b\n", 2, 3, "the `x2` cell is empty"),
        ]
        for (csv, line, column, message) in cases {
            try csv.write(toFile: dir.appendingPathComponent("points.csv").path, atomically: true, encoding: .utf8)
            do {
                _ = try Lesson.load(path: lessonPath)
                Issue.record("no error for \(csv)")
            } catch let error as LessonError {
                #expect(error.location.file.hasSuffix("points.csv"))
                #expect(error.location.line == line && error.location.column == column, "\(error)")
                #expect(error.message.contains(message), "\(error)")
            }
        }
        // Windows line endings and a byte-order mark are read like any other file.
        try "\u{FEFF}x1,x2,label\r\n0,1,b\r\n1,0,a\r\n".write(toFile: dir.appendingPathComponent("points.csv").path, atomically: true, encoding: .utf8)
        let crlf = try Lesson.load(path: lessonPath)
        #expect(crlf.dataDescription.inputColumns == ["x1", "x2"] && crlf.training.count == 2)
        // A good file: the class column becomes one-hot targets in order of appearance.
        try "x1,x2,label\n0,1,b\n1,0,a\n0.5,0.5,b\n".write(toFile: dir.appendingPathComponent("points.csv").path, atomically: true, encoding: .utf8)
        let loaded = try Lesson.load(path: lessonPath)
        #expect(loaded.dataDescription.targetNames == ["b", "a"])
        #expect(loaded.training.targets == [1, 0, 0, 1, 1, 0])
        #expect(loaded.training.inputs == [0, 1, 1, 0, 0.5, 0.5])
    }

    @Test func variantsChangeOnlyWhatTheyName() throws {
        let text = minimalLesson + """

            variants:
              - name: ce
                cost: cross-entropy
              - name: fast
                eta: 3
                regularization: l2
                lambda: 0.5
            """
        let lesson = try Lesson.parse(text, file: "v.yaml")
        let ce = try lesson.settings(variant: "ce"), fast = try lesson.settings(variant: "fast")
        #expect(ce.cost == .crossEntropy && ce.training == lesson.settings.training)
        #expect(fast.cost == .quadratic && fast.training.eta == 3 && fast.training.regularization == .l2(lambda: 0.5))
        #expect(throws: LessonError.self) { try lesson.settings(variant: "slow") }
        let changed = try lesson.settings(variant: "ce", changing: [("eta", "0.25"), ("epochs", "7")])
        #expect(changed.cost == .crossEntropy && changed.training.eta == 0.25 && changed.training.epochs == 7)
        let error = try #require(lessonError(text.replacingOccurrences(of: "    cost: cross-entropy", with: "    cost: crossentropy")))
        #expect(error.location.line == 15 && error.hint?.contains("did you mean `cross-entropy`") == true)
    }

    @Test func claimsAreCheckedAgainstTheEngine() throws {
        let text = """
            title: Saturated
            summary: Nielsen's neuron.
            network: {layers: [1, 1], output: sigmoid, cost: quadratic}
            init: {weights: [[[2.0]]], biases: [[2.0]]}
            data: {inputs: [[1.0]], targets: [[0.0]]}
            train: {eta: 0.15, epochs: 300}
            variants:
              - {name: ce, cost: cross-entropy}
            expect:
              - {output: [1.0], epoch: 300, is: 0.20}
              - {output: [1.0], epoch: 300, is: 0.30}
              - {first-epoch: {output: [1.0], below: 0.5}, is: 232}
              - {variant: ce, first-epoch: {output: [1.0], below: 0.5}, is: 17}
              - {cost: 0, between: [0.48, 0.49]}
              - {accuracy: 300, is: 1}
              - {value: {quantity: delta}, at: {step: output-error}, is: 0.017345}
              - {value: {quantity: w-after, layer: 1, from: 1, node: 1}, at: {step: gradient-descent}, is: 1.9973982}
              - {gradient-check: true, below: 1e-7}
            """
        let lesson = try Lesson.parse(text, file: "s.yaml")
        let results = try lesson.checkClaims()
        #expect(results.map(\.passed) == [true, false, true, true, true, true, true, true, true])
        #expect(results[1].actual.map { abs($0 - 0.2028484242677765) < 1e-11 } == true)
        #expect(results[2].actual == 232 && results[3].actual == 17)
    }
}
