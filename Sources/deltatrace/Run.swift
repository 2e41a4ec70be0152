import ArgumentParser
import DeltaCore
import DeltaLessons
import DeltaText
import Foundation

/// `deltatrace run`: train a lesson and print one row per epoch.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a lesson without the screen: one row per epoch with its cost and accuracy.",
        discussion: "Row 0 is before training. The cost is the mean training cost C_0, without any regularisation penalty (shown apart).")

    @OptionGroup var lesson: LessonOptions
    @OptionGroup var variantOption: VariantOption
    var variant: String? { variantOption.variant }
    @Option(help: "Train for this many epochs.") var epochs: Int?
    @Option(help: "The learning rate η.") var eta: Double?
    @Option(help: "The cost: \(Completions.costs.joined(separator: ", ")).", completion: .list(Completions.costs))
    var cost: String?
    @Option(help: "The seed of the run's random choices: initial weights, shuffles, dropout (train.seed and init.seed; held-out and generated data keep the lesson's own).")
    var seed: UInt64?
    @Option(help: "table, json (one object per epoch) or csv.") var format: Format = .table
    @Flag(help: "After training, evaluate the lesson's test data (data.test) once, with the parameters the run ends with.")
    var test = false
    @Option(parsing: .unconditionalSingleValue,
            help: "An input x as the lesson's examples hold it (after `scale`, before `standardize`), as numbers separated by commas (--outputs 1,0; --outputs -0.5): each epoch also shows the network's output a_L for it. Repeat for more inputs.")
    var outputs: [String] = []

    func validate() throws {
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if let eta, !(eta > 0) { throw ValidationError("--eta must be greater than 0") }
        if let cost, Cost(rawValue: cost) == nil {
            throw ValidationError("unknown cost '\(cost)'; use one of: \(Cost.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        for text in outputs {
            do { _ = try OutputColumns.input(text) } catch {
                throw ValidationError("--outputs '\(text)': '\(error.word)' is not a number; write an input as numbers separated by commas, e.g. --outputs 1,0")
            }
        }
    }

    /// The options that change the lesson, as the lesson keys they set. `--seed` is the seed
    /// of the run's random choices: it sets both `train.seed` and `init.seed` (the data,
    /// held out and generated when the lesson was read, stay as the lesson makes them).
    var changes: [(key: String, value: String)] {
        let options: [(LessonKey, String?)] = [
            (.epochs, epochs.map { "\($0)" }), (.eta, eta.map { "\($0)" }), (.cost, cost),
            (.trainSeed, seed.map { "\($0)" }), (.initSeed, seed.map { "\($0)" }),
        ]
        return options.compactMap { key, value in value.map { (key.path, $0) } }
    }

    func run() throws {
        let lesson = try self.lesson.load()
        let settings = try reportingLessonErrors {
            try lesson.settings(variant: variant, changing: changes)
        }
        let run = try reportingLessonErrors { try lesson.makeRun(settings) }
        if test { _ = try reportingLessonErrors { try lesson.testSet(for: settings) } }
        let columns = EpochColumns(run: run)
        let outputColumns = try self.outputColumns(run: run, data: { lesson.datasets(for: settings) })
        var table = columns.table
        table.headers += outputColumns.tableHeaders
        table.alignments += outputColumns.tableHeaders.map { _ in .right }
        switch format {
        case .table: print("\(lesson.title)\(variant.map { " [\($0)]" } ?? "") — \(settings.headline)")
        case .csv: print(([columns.csvHeader] + outputColumns.csvHeaders).joined(separator: ","))
        case .json: break
        }
        // csv and json stream one line per epoch as it is trained; the table waits for every
        // row, so that each column can be as wide as its widest number.
        var printed = 0
        func flush() {
            while printed < run.epochSummaries.count {
                let s = run.epochSummaries[printed]
                let outputs = outputColumns.values(run, epoch: s.epoch)
                switch format {
                case .table: table.append(columns.cells(s) + outputColumns.tableCells(outputs))
                case .csv: print(([columns.csvRow(s)] + outputColumns.csvFields(outputs)).joined(separator: ","))
                case .json: print(columns.json(s, adding: outputColumns.isEmpty ? [] : [outputColumns.json(outputs)]).text)
                }
                printed += 1
            }
        }
        flush()
        for e in 1...run.layout.epochs where !run.isFinished {
            run.advance(through: e * run.layout.updatesPerEpoch - 1)
            flush()
        }
        if format == .table { table.lines.forEach { print($0) } }
        try report(run.ending, of: run, format: format)
        if test { try printTest(lesson: lesson, run: run, settings: settings, columns: columns, outputColumns: outputColumns.csvHeaders.count) }
    }

    /// The `--outputs` columns, or a message and exit status 2 for an input the network cannot take.
    func outputColumns(run: TrainingRun, data: () -> Datasets) throws -> OutputColumns {
        do {
            return try OutputColumns(written: outputs, run: run, data: data)
        } catch {
            switch error {
            case .notANumber(let word):
                throw ValidationError("--outputs: '\(word)' is not a number")
            case .width(let text, let count, let expected):
                printError("--outputs:1:1: error: the input \(text) has \(count) value\(count == 1 ? "" : "s"), but the network takes \(expected) input\(expected == 1 ? "" : "s")\n"
                           + "  hint: " + (expected == 1 ? "give one number" : "give \(expected) numbers separated by commas") + ", as the lesson's examples hold them")
                throw ExitCode(2)
            }
        }
    }
}
