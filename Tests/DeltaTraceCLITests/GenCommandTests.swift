import DeltaCore
import Foundation
import Testing

/// `deltatrace gen`: the CSV holds the generator's points exactly, a lesson reads it back as
/// the same examples, and it refuses to replace a file or to write into a folder that is not there.
@Suite struct GenCommandTests {
    /// A lesson on `data`, trained for a few epochs.
    static func lesson(_ data: String, seed: UInt64, layers: String = "[2, 3, 1]") -> String {
        """
        title: T
        summary: S.
        network: {layers: \(layers), output: sigmoid, cost: cross-entropy}
        data: \(data)
        train: {eta: 0.5, epochs: 3, batch: 10, seed: \(seed)}
        """
    }

    @Test func theFileHoldsTheGeneratorsPointsExactly() throws {
        try withFiles([:]) { dir in
            let out = dir.appendingPathComponent("moons.csv").path
            let outcome = try deltatrace(["gen", "moons", "--count", "200", "--noise", "0.15", "--seed", "3", "--out", out])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stdout.contains("wrote \(out): 200 examples of moons (noise 0.15, seed 3); columns x1, x2, y"))
            let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").map(String.init)
            #expect(lines.count == 201 && lines[0] == "x1,x2,y")
            // Every number reads back as the generator's own double, bit for bit.
            let (x, y) = try DataGenerator(.moons, count: 200, noise: 0.15).examples(seed: 3)
            for (k, line) in lines.dropFirst().enumerated() {
                let values = line.split(separator: ",").map { Double($0)! }
                #expect(values.map(\.bitPattern) == (x[k] + y[k]).map(\.bitPattern), "row \(k + 1): \(line)")
            }
            #expect(lines[1].hasSuffix(",0") && lines[2].hasSuffix(",1"))
        }
    }

    @Test func aLessonReadsTheFileBackAsTheSameExamples() throws {
        try withFiles([:]) { dir in
            #expect(try deltatrace(["gen", "spirals", "--count", "120", "--seed", "5", "--out", dir.appendingPathComponent("s.csv").path]).status == 0)
            let files = [
                "generated.yaml": Self.lesson("{generator: {name: spirals, count: 120}, holdout: 20}", seed: 5),
                "read.yaml": Self.lesson("{file: s.csv, targets: [y], holdout: 20}", seed: 5),
                "classes.yaml": Self.lesson("{file: s.csv, class: y, holdout: 20}", seed: 5)
                    .replacingOccurrences(of: "[2, 3, 1], output: sigmoid, cost: cross-entropy", with: "[2, 3, 2], output: softmax, cost: log-likelihood"),
            ]
            for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
            // The same examples, split the same way: every epoch's costs agree to the last bit.
            let generated = try deltatrace(["run", dir.appendingPathComponent("generated.yaml").path, "--format", "csv"])
            let read = try deltatrace(["run", dir.appendingPathComponent("read.yaml").path, "--format", "csv"])
            #expect(generated.status == 0 && read.status == 0, "\(generated.stderr)\(read.stderr)")
            #expect(generated.lines.count == 5 && generated.stdout == read.stdout)
            // `class: y` makes the two classes one-hot, for a softmax of two outputs.
            let classes = try deltatrace(["run", dir.appendingPathComponent("classes.yaml").path, "--format", "json"])
            #expect(classes.status == 0, "\(classes.stderr)")
            let first = try #require(try jsonLines(classes.stdout).first)
            #expect(first["accuracy"] != nil && first["validation_accuracy"] != nil)
        }
    }

    @Test func theSineHasOneInputColumnAndTruthTablesFourRows() throws {
        try withFiles([:]) { dir in
            let sine = dir.appendingPathComponent("sine.csv").path
            #expect(try deltatrace(["gen", "sine", "--count", "3", "--noise", "0", "--out", sine]).status == 0)
            let rows = try String(contentsOfFile: sine, encoding: .utf8).split(separator: "\n")
            #expect(rows.count == 4 && rows[0] == "x1,y")
            for row in rows.dropFirst() {
                let v = row.split(separator: ",").map { Double($0)! }
                #expect(v.count == 2 && v[1] == PortableMath.sin(v[0]))
            }
            let xor = dir.appendingPathComponent("xor.csv").path
            #expect(try deltatrace(["gen", "xor", "--out", xor]).status == 0)
            #expect(try String(contentsOfFile: xor, encoding: .utf8) == "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
        }
    }

    @Test func itReplacesAFileOnlyWithForce() throws {
        try withFiles(["kept.csv": "mine\n"]) { dir in
            let kept = dir.appendingPathComponent("kept.csv").path
            let refused = try deltatrace(["gen", "blobs", "--out", kept])
            #expect(refused.status == 2 && refused.stderr.contains("--out:1:1: error: \(kept) exists, and gen does not replace a file"))
            #expect(refused.stderr.contains("hint: give --force"))
            #expect(try String(contentsOfFile: kept, encoding: .utf8) == "mine\n")
            let forced = try deltatrace(["gen", "blobs", "--count", "4", "--out", kept, "--force"])
            let replaced = try String(contentsOfFile: kept, encoding: .utf8)
            #expect(forced.status == 0 && replaced.hasPrefix("x1,x2,y\n") && replaced.split(separator: "\n").count == 5)
            // No folder, or a folder where the file should be: status 2 and nothing written.
            let nowhere = dir.appendingPathComponent("missing/b.csv").path
            let noFolder = try deltatrace(["gen", "blobs", "--out", nowhere])
            #expect(noFolder.status == 2 && noFolder.stderr.contains("there is no folder \(dir.appendingPathComponent("missing").path)"))
            #expect(!FileManager.default.fileExists(atPath: nowhere))
            let folder = try deltatrace(["gen", "blobs", "--out", dir.path])
            #expect(folder.status == 2 && folder.stderr.contains("is a folder"))
            // Only the files written are there: no temporary file is left behind.
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["kept.csv"])
        }
    }

    /// (arguments, a phrase of the message): usage errors, status 64.
    static let badArguments: [([String], String)] = [
        (["gen", "moon", "--out", "x.csv"], "unknown generator `moon`; did you mean `moons`?"),
        (["gen", "moons", "--count", "0", "--out", "x.csv"], "count must be at least 1, not 0"),
        (["gen", "moons", "--count", "1000001", "--out", "x.csv"], "count of 1000001 is above the limit of 1000000 points"),
        (["gen", "moons", "--noise", "-0.5", "--out", "x.csv"], "noise must be 0 or more, not -0.5"),
        (["gen", "moons", "--noise", "nan", "--out", "x.csv"], "noise must be 0 or more, not nan"),
        (["gen", "and", "--noise", "0.1", "--out", "x.csv"], "`and` is its truth table's four rows: it takes no noise"),
        (["gen", "moons"], "Missing expected argument '--out <out>'"),
    ]

    @Test(arguments: 0..<badArguments.count)
    func badArgumentsAreUsageErrors(_ k: Int) throws {
        let (arguments, message) = Self.badArguments[k]
        try withFiles([:]) { dir in
            let outcome = try deltatrace(arguments, in: dir)
            #expect(outcome.status == 64 && outcome.stderr.contains(message), "\(outcome.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        }
    }

    @Test func completionOffersTheCommandAndTheGenerators() throws {
        #expect(try CompletionTests.bashCompletes(["g"]) == ["gen"])
        #expect(try CompletionTests.bashCompletes(["gen", "s"]) == ["spirals", "sine"])
        let help = try deltatrace(["--help"])
        #expect(help.stdout.contains("gen") && help.stdout.contains("Write a generator's points as a CSV file."))
        // The help says how a lesson reads the file (its words joined again where they wrap).
        let genHelp = try deltatrace(["gen", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(genHelp.contains("`file: FILE.csv` and `targets: [y]` (one output), or `class: y`"))
    }
}
