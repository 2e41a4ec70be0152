import DeltaCore
import DeltaLessons
import Foundation
import Testing

/// `run --outputs X`: beside each epoch, the network's output for inputs a student chose,
/// as the lesson's examples hold them — the numbers `TrainingRun.output(for:parameters:)` gives after
/// that epoch, with the input standardised as the data is.
@Suite struct RunOutputsTests {
    /// A lesson on a file whose inputs are in large units, standardised, with two softmax outputs.
    static let lesson = """
        title: T
        summary: S.
        network: {layers: [2, 3, 2], output: softmax, cost: log-likelihood}
        data: {file: points.csv, class: c, holdout: 2, standardize: true}
        train: {eta: 0.8, epochs: 4, batch: 2, seed: 3}
        """
    static let csv = "x1,x2,c\n100,1,a\n120,-1,b\n180,2,a\n90,0,b\n150,1,a\n130,-2,b\n170,3,a\n110,-1,b\n"
    /// The inputs, as typed after `--outputs`.
    static let typed = ["150,2", "[90, -1]"]

    /// The outputs the library computes for each epoch and input.
    static func expected(in dir: URL) throws -> [[[Double]]] {
        let lesson = try Lesson.load(path: dir.appendingPathComponent("l.yaml").path)
        let run = try lesson.makeRun(lesson.settings)
        run.finish()
        let data = lesson.datasets(for: lesson.settings)
        #expect(data.standardization != nil)
        return (0...4).map { e in
            [[150.0, 2], [90, -1]].map { x in
                guard case .success(let a) = run.output(for: data.networkInput(x), parameters: run.parameters(afterEpoch: e)) else {
                    Issue.record("no output")
                    return []
                }
                // The standardised input is what the network sees: the raw one would give other numbers.
                if case .success(let raw) = run.output(for: x, parameters: run.parameters(afterEpoch: e)) { #expect(raw != a) }
                return a
            }
        }
    }

    @Test func csvAndJSONCarryTheLibrarysOutputsExactly() throws {
        try withFiles(["l.yaml": Self.lesson, "points.csv": Self.csv]) { dir in
            let expected = try Self.expected(in: dir)
            let options = Self.typed.flatMap { ["--outputs", $0] }
            let csv = try deltatrace(["run", dir.appendingPathComponent("l.yaml").path, "--format", "csv"] + options)
            #expect(csv.status == 0, "\(csv.stderr)")
            #expect(csv.lines[0] == #"epoch,cost,accuracy,validation_cost,validation_accuracy,"a_L,1(150,2)","a_L,2(150,2)","a_L,1(90,-1)","a_L,2(90,-1)""#)
            #expect(csv.lines.count == 6)
            for e in 0...4 {
                let fields = csv.lines[e + 1].split(separator: ",").map(String.init)
                #expect(fields[0] == String(e))
                #expect(fields.suffix(4).map { Double($0)! } == expected[e].flatMap { $0 }, "epoch \(e)")
            }
            let json = try deltatrace(["run", dir.appendingPathComponent("l.yaml").path, "--format", "json"] + options)
            let objects = try jsonLines(json.stdout)
            #expect(objects.count == 5)
            for (e, object) in objects.enumerated() {
                // One list of n_L = 2 outputs per input, in the order given, the two summing to 1.
                let outputs = try #require(object["outputs"] as? [[Double]])
                #expect(outputs.map(\.count) == [2, 2] && outputs.allSatisfy { abs($0.reduce(0, +) - 1) < 1e-12 })
                // Each number exact: read from the text itself (JSONSerialization may round the last bit).
                let line = json.lines[e]
                let text = try #require(line.range(of: #""outputs":"#).map { line[$0.upperBound...].dropLast() })
                let numbers = text.split(whereSeparator: { "[],".contains($0) }).map { Double($0)! }
                #expect(numbers == expected[e].flatMap { $0 }, "epoch \(e): \(line)")
            }
            // Without --outputs nothing changes: no field, no column.
            let plain = try deltatrace(["run", dir.appendingPathComponent("l.yaml").path, "--format", "json"])
            #expect(try jsonLines(plain.stdout).allSatisfy { $0["outputs"] == nil })
        }
    }

    @Test func theTableShowsEachInputsOutputsTo8Decimals() throws {
        try withFiles(["l.yaml": Self.lesson, "points.csv": Self.csv]) { dir in
            let expected = try Self.expected(in: dir)
            let table = try deltatrace(["run", dir.appendingPathComponent("l.yaml").path] + Self.typed.flatMap { ["--outputs", $0] })
            #expect(table.status == 0, "\(table.stderr)")
            let header = table.lines[1].split(separator: " ").map(String.init)
            #expect(header == ["epoch", "cost", "accuracy", "val", "cost", "val", "acc", "a_L(150,2)", "a_L(90,-1)"])
            for e in 0...4 {
                let row = table.lines[e + 2]
                for a in expected[e] {
                    #expect(row.contains(a.map { String(format: "%.8f", $0) }.joined(separator: " ")), "\(row)")
                }
            }
        }
    }

    @Test func lesson2sNeuronBesideItsCost() throws {
        // Lesson 2 trains only on x = 1, where w and b move together: z = w·(−1) + b stays 0.
        let outcome = try deltatrace(["run", "2", "--epochs", "2", "--format", "csv", "--outputs", "1", "--outputs", "-1"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.lines == [
            "epoch,cost,accuracy,a_L(1),a_L(-1)",
            "0,0.48217554191230866,0.0,0.9820137900379085,0.5",
            "1,0.48208506449181576,0.0,0.9819216511431202,0.5",
            "2,0.48199369096665307,0.0,0.9818285909125412,0.5",
        ])
        // σ(4) for w = b = 2 at epoch 0.
        #expect(Double(outcome.lines[1].split(separator: ",")[3]) == 1 / (1 + PortableMath.exp(-4)))
    }

    @Test func aWrongInputIsRefused() throws {
        let width = try deltatrace(["run", "2", "--outputs", "1,0"])
        #expect(width.status == 2 && width.stdout.isEmpty)
        #expect(width.stderr.contains("--outputs:1:1: error: the input 1,0 has 2 values, but the network takes 1 input"))
        #expect(width.stderr.contains("hint: give one number, as the lesson's examples hold them"))
        let word = try deltatrace(["run", "2", "--outputs", "1,x"])
        #expect(word.status == 64 && word.stderr.contains("--outputs '1,x': 'x' is not a number"))
        let empty = try deltatrace(["run", "2", "--outputs", ""])
        #expect(empty.status == 64 && empty.stderr.contains("is not a number"))
    }
}
