import Foundation
import Testing

/// Every class of bad input gets `FILE:LINE:COLUMN: error: WHAT`, a hint, and exit status 2.
@Suite(.serialized) struct BadInputTests {
    static let good = """
        title: T
        summary: S.
        network: {layers: [2, 1], output: sigmoid, cost: quadratic}
        data:
          file: points.csv
          targets: [y]
        train:
          eta: 0.5
          epochs: 2
        """
    static let csv = "x1,x2,y\n0,1,1\n1,0,0\n"

    /// (lesson, csv, expected "file:line:column", a phrase of the message)
    static let cases: [(String, String, String, String)] = [
        (good.replacingOccurrences(of: "train:", with: "train: ["), csv, "l.yaml:9:9", "YAML syntax"),
        (good.replacingOccurrences(of: "  epochs: 2", with: "  epoch: 2"), csv, "l.yaml:9:3", "unknown key `epoch` in `train`"),
        (good.replacingOccurrences(of: "  epochs: 2", with: "  epochs: [2]"), csv, "l.yaml:9:11", "`epochs` must be a whole number"),
        (good + "\ninit: {weights: [[[1.0], [2.0], [3.0]]]}", csv, "l.yaml:10:17", "weights[0] has 3 rows; layer 0 has 2 nodes"),
        (good.replacingOccurrences(of: "[2, 1]", with: "[3, 1]"), csv, "l.yaml:3:19", "takes 3 inputs but each example has 2"),
        (good, "x1,x2,y\n0,1,1\n1,0\n", "points.csv:3:3", "this row has 2 cells; the header has 3 columns"),
        (good, "x1,x2,y\n0,1,1\n1,o,0\n", "points.csv:3:3", "the `x2` cell `o` is not a number"),
        (good, "x1,x2,y\n0,NaN,1\n1,0,0\n", "points.csv:2:3", "the `x2` cell is NaN"),
        (good.replacingOccurrences(of: "[2, 1], output: sigmoid, cost: quadratic", with: "[2, 2], output: softmax, cost: quadratic"), csv, "l.yaml:3:50", "softmax outputs do not pair with the quadratic cost"),
        (good.replacingOccurrences(of: "eta: 0.5", with: "eta: -1"), csv, "l.yaml:8:8", "η must be greater than 0"),
        (good.replacingOccurrences(of: "eta: 0.5", with: "eta: 0.5\n  batch: 0"), csv, "l.yaml:9:10", "minibatch size must be at least 1"),
        (good.replacingOccurrences(of: "eta: 0.5", with: "eta: 0.5\n  dropout: 1.5"), csv, "l.yaml:9:12", "dropout probability"),
        (good.replacingOccurrences(of: "points.csv", with: "missing.csv"), csv, "l.yaml:5:9", "no data file at missing.csv"),
        (good.replacingOccurrences(of: "[2, 1]", with: "[2, 40000, 40000, 1]"), csv, "l.yaml:3:19", "too large to trace"),
    ]

    @Test(arguments: 0..<cases.count)
    func locatedMessageAndExitStatus2(_ k: Int) throws {
        let (lesson, csv, location, message) = Self.cases[k]
        for command in [["check"], ["run"]] {
            let outcome = try withFiles(["l.yaml": lesson, "points.csv": csv]) { dir in
                try deltatrace(command + [dir.appendingPathComponent("l.yaml").path])
            }
            #expect(outcome.status == 2, "\(command): \(outcome.stderr)")
            let first = outcome.stderr.split(separator: "\n").first.map(String.init) ?? ""
            #expect(first.contains("/\(location): error: "), "\(first)")
            #expect(first.contains(message), "\(first)")
            #expect(outcome.stderr.contains("\n  hint: "), "\(outcome.stderr)")
            #expect(!outcome.stderr.contains("Fatal error") && !outcome.stderr.contains("Stack dump"))
        }
    }

    @Test func unknownFlagsAndMissingArgumentsGetUsage() throws {
        let flag = try deltatrace(["run", "2", "--etaa", "3"])
        #expect(flag.status == 64 && flag.stderr.contains("Unknown option '--etaa'") && flag.stderr.contains("Usage: deltatrace run"))
        let missing = try deltatrace(["trace"])
        #expect(missing.status == 64 && missing.stderr.contains("Missing expected argument '<lesson>'"))
        let badValue = try deltatrace(["run", "2", "--cost", "hinge"])
        #expect(badValue.status == 64 && badValue.stderr.contains("unknown cost 'hinge'"))
    }

    @Test func unknownLessonNamesSayHowToFindOne() throws {
        let outcome = try deltatrace(["run", "no-such-lesson"])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("no-such-lesson:1:1: error: no bundled lesson is called `no-such-lesson`"))
        #expect(outcome.stderr.contains("deltatrace lessons"))
    }
}
