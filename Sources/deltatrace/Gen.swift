import ArgumentParser
import DeltaCore
import DeltaText
import Foundation

/// `deltatrace gen`: write the points of one generator as a CSV file that a lesson can read.
struct Gen: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a generator's points as a CSV file.",
        discussion: """
            NAME is \(Suggestion.listing(Completions.generators)); lessons/README.md gives each one's formula \
            (the `generator` key). The file holds exactly the examples that \
            `generator: {name: NAME, count: N, noise: X}` gives a lesson whose train.seed is S, with a header \
            row: x1, x2 (x1 alone for sine) and y, every number exact. A lesson reads it back with \
            `file: FILE.csv` and `targets: [y]` (one output), or `class: y` (one-hot classes 0 and 1, for a \
            softmax of two outputs). The file is written whole or not at all, and a file that exists is \
            replaced only with --force; a folder that does not exist, or a file that cannot be written, \
            exits with status 2.
            """)

    @Argument(help: "The generator: \(Completions.generators.joined(separator: ", ")).", completion: .list(Completions.generators))
    var name: String
    @Option(help: "The number of points, 1 to \(DataGenerator.countLimit) (default \(DataGenerator.defaultCount); a truth table has its 4 rows).")
    var count: Int?
    @Option(parsing: .unconditional,
            help: "σ, the standard deviation of the Gaussian noise (default 0 for circle, 0.5 for blobs, 0.05 for spirals, 0.1 for moons and sine).")
    var noise: Double?
    @Option(help: "The seed, as a lesson's train.seed.") var seed: UInt64 = 1
    @Option(help: "The CSV file to write.", completion: .file(extensions: ["csv"])) var out: String
    @Flag(help: "Replace the file if it exists.") var force = false

    /// The generator the arguments describe, or why there is none (worded for the command line).
    func generator() throws(ValidationError) -> DataGenerator {
        guard let shape = DataGenerator.Shape(rawValue: name) else {
            let said = Narrator.unknownShape(name)
            throw ValidationError("\(said.message); \(said.hint)")
        }
        do {
            return try DataGenerator(shape, count: count, noise: noise)
        } catch {
            let said = Narrator.say(error)
            throw ValidationError("\(said.message); \(said.hint)")
        }
    }

    func validate() throws {
        _ = try generator()
    }

    func run() throws {
        let generator = try generator()
        let url = URL(fileURLWithPath: out).standardizedFileURL
        let folder = url.deletingLastPathComponent()
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        func fail(_ message: String, _ hint: String) throws -> Never {
            printError("--out:1:1: error: \(message)\n  hint: \(hint)")
            throw ExitCode(2)
        }
        guard fm.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            try fail("there is no folder \(folder.path) to write \(out) in", "create the folder first, or write to one that exists")
        }
        if fm.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { try fail("\(out) is a folder", "name a file to write, e.g. --out \(out)/\(name).csv") }
            if !force { try fail("\(out) exists, and gen does not replace a file", "give --force to replace it, or another --out") }
        }
        let text = Gen.csv(generator, seed: seed)
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            try fail("cannot write \(out): \(error.localizedDescription)", "check that the folder is writable")
        }
        let columns = generator.inputNames + [generator.targetName]
        print("wrote \(out): \(generator.count) examples of \(name) (noise \(NumberText.written(generator.noise)), seed \(seed)); columns \(columns.joined(separator: ", "))")
    }

    /// The examples as CSV: the header, then one line per example, each number the shortest
    /// text that reads back as the same double (whole numbers without a decimal point).
    static func csv(_ generator: DataGenerator, seed: UInt64) -> String {
        let (inputs, targets) = generator.examples(seed: seed)
        var text = (generator.inputNames + [generator.targetName]).joined(separator: ",") + "\n"
        for (x, y) in zip(inputs, targets) {
            text += (x + y).map(number).joined(separator: ",") + "\n"
        }
        return text
    }

    /// A number for the CSV: `1` for a whole number, else ``NumberText/exact(_:)`` (`-0.0`
    /// keeps its sign, so that the file reads back bit for bit).
    static func number(_ x: Double) -> String {
        if x == x.rounded(), x.magnitude < 1e15, !(x == 0 && x.sign == .minus) { return String(Int(x)) }
        return NumberText.exact(x)
    }
}
