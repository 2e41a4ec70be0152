import ArgumentParser
import DeltaCore
import DeltaLessons
import DeltaText
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a lesson without the screen: one row per epoch with its cost and accuracy.",
        discussion: "Row 0 is before training. The cost is the mean training cost C_0, without any regularisation penalty (shown apart).")

    @OptionGroup var lesson: LessonOptions
    @OptionGroup var variantOption: VariantOption
    var variant: String? { variantOption.variant }
    @Option(help: "Train for this many epochs.") var epochs: Int?
    @Option(help: "The learning rate η.") var eta: Double?
    @Option(help: "The cost: \(Cost.allCases.map(\.rawValue).joined(separator: ", ")).") var cost: String?
    @Option(help: "The seed of every random choice.") var seed: UInt64?
    @Option(help: "table, json (one object per epoch) or csv.") var format: Format = .table

    func validate() throws {
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if let eta, !(eta > 0) { throw ValidationError("--eta must be greater than 0") }
        if let cost, Cost(rawValue: cost) == nil {
            throw ValidationError("unknown cost '\(cost)'; use one of: \(Cost.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The options that change the lesson, as the lesson keys they set. `--seed` is the seed
    /// of every random choice: it sets both `train.seed` and `init.seed`.
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
        let columns = EpochColumns(run: run)
        var table = columns.table
        switch format {
        case .table: print("\(lesson.title)\(variant.map { " [\($0)]" } ?? "") — \(settings.headline)")
        case .csv: print(columns.csvHeader)
        case .json: break
        }
        // csv and json stream one line per epoch as it is trained; the table waits for every
        // row, so that each column can be as wide as its widest number.
        var printed = 0
        func flush() {
            while printed < run.epochSummaries.count {
                let s = run.epochSummaries[printed]
                switch format {
                case .table: table.append(columns.cells(s))
                case .csv: print(columns.csvRow(s))
                case .json: print(columns.json(s).text)
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
    }
}

/// Says how a run ended where it did not simply complete: a NaN or ∞ on standard error with
/// exit status 1; an early stop as a last line of a table, or on standard error beside csv
/// and json (whose lines stay one per epoch).
func report(_ ending: RunEnding?, of run: TrainingRun, format: Format) throws {
    switch ending {
    case .nonFinite(let event)?:
        printError("training stopped at the first non-finite value: \(Narrator.say(event, minus: .ascii))")
        throw ExitCode(1)
    case .stoppedEarly(let stop)?:
        if format == .table { print(Narrator.say(stop)) } else { printError(Narrator.say(stop)) }
    case .completed?, nil:
        break
    }
}

/// The columns of a per-epoch table: the epoch, the cost, and the penalty, accuracy and
/// validation figures where the run has them.
struct EpochColumns {
    let penalty: Bool, accuracy: Bool, validation: Bool

    init(run: TrainingRun) {
        penalty = run.configuration.regularization.lambda != nil
        accuracy = run.accuracyRule != .none
        validation = run.validation != nil
    }

    /// An empty table with the run's columns.
    var table: TextTable {
        var headers = ["epoch", "cost"]
        if penalty { headers.append("penalty") }
        if accuracy { headers.append("accuracy") }
        if validation { headers += ["val cost"] + (accuracy ? ["val acc"] : []) }
        return TextTable(headers: headers)
    }

    /// One epoch's cells: costs to 8 decimals, accuracies to 4 (scientific from 10⁶).
    func cells(_ s: EpochSummary) -> [String] {
        func number(_ x: Double?, _ decimals: Int) -> String {
            x.map { NumberText.fixed($0, decimals: decimals, minus: .ascii) } ?? "-"
        }
        var r = [String(s.epoch), number(s.cost, 8)]
        if penalty { r.append(number(s.penalty, 8)) }
        if accuracy { r.append(number(s.accuracy, 4)) }
        if validation { r += [number(s.validationCost, 8)] + (accuracy ? [number(s.validationAccuracy, 4)] : []) }
        return r
    }

    var csvHeader: String {
        (["epoch", "cost"] + (penalty ? ["penalty"] : []) + (accuracy ? ["accuracy"] : [])
            + (validation ? ["validation_cost"] + (accuracy ? ["validation_accuracy"] : []) : [])).joined(separator: ",")
    }

    func csvRow(_ s: EpochSummary) -> String {
        func text(_ x: Double?) -> String { x.map(NumberText.exact) ?? "" }
        return ([String(s.epoch), text(s.cost)] + (penalty ? [text(s.penalty)] : []) + (accuracy ? [text(s.accuracy)] : [])
            + (validation ? [text(s.validationCost)] + (accuracy ? [text(s.validationAccuracy)] : []) : [])).joined(separator: ",")
    }

    func json(_ s: EpochSummary, variant: String? = nil) -> JSON {
        var pairs: [(String, JSON)] = []
        if let variant { pairs.append(("variant", .string(variant))) }
        pairs += [("epoch", .integer(s.epoch)), ("cost", .number(s.cost))]
        if penalty { pairs.append(("penalty", .number(s.penalty))) }
        if accuracy { pairs.append(("accuracy", s.accuracy.map(JSON.number) ?? .null)) }
        if validation {
            pairs.append(("validation_cost", s.validationCost.map(JSON.number) ?? .null))
            if accuracy { pairs.append(("validation_accuracy", s.validationAccuracy.map(JSON.number) ?? .null)) }
        }
        return .object(pairs)
    }
}
