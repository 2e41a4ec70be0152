import ArgumentParser
import DeltaCore
import DeltaLessons
import Foundation

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train a lesson without the screen: one row per epoch with its cost and accuracy.",
        discussion: "Row 0 is before training. The cost is the mean training cost C_0, without any regularisation penalty (shown apart).")

    @OptionGroup var lesson: LessonOptions
    @Option(help: "Run one of the lesson's variants instead.") var variant: String?
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

    /// The options that change the lesson, as lesson keys.
    var changes: [(key: String, value: String)] {
        [("epochs", epochs.map { "\($0)" }), ("eta", eta.map { "\($0)" }), ("cost", cost), ("seed", seed.map { "\($0)" })]
            .compactMap { key, value in value.map { (key, $0) } }
    }

    func run() throws {
        let lesson = try self.lesson.load()
        let settings = try reportingLessonErrors {
            try lesson.settings(variant: variant, changing: changes)
        }
        let run = try reportingLessonErrors { try lesson.makeRun(settings) }
        let columns = EpochColumns(run: run)
        switch format {
        case .table:
            print("\(lesson.title)\(variant.map { " [\($0)]" } ?? "") — \(settings.headline)")
            print(columns.header)
        case .csv: print(columns.csvHeader)
        case .json: break
        }
        var printed = 0
        func flush() {
            while printed < run.epochSummaries.count {
                let s = run.epochSummaries[printed]
                switch format {
                case .table: print(columns.row(s))
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
        if let failure = run.failure {
            printError("training stopped at the first non-finite value: \(failure)")
            throw ExitCode(1)
        }
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

    var header: String {
        var h = "epoch".leftPadded(6) + "cost".leftPadded(14)
        if penalty { h += "penalty".leftPadded(14) }
        if accuracy { h += "accuracy".leftPadded(10) }
        if validation { h += "val cost".leftPadded(14) + (accuracy ? "val acc".leftPadded(10) : "") }
        return h
    }

    func row(_ s: EpochSummary) -> String {
        func number(_ x: Double?, _ width: Int, _ digits: Int) -> String {
            (x.map { !$0.isFinite ? "\($0)" : abs($0) < 1e6 ? String(format: "%.\(digits)f", $0) : String(format: "%.6e", $0) } ?? "-").leftPadded(width)
        }
        var r = String(s.epoch).leftPadded(6) + number(s.cost, 14, 8)
        if penalty { r += number(s.penalty, 14, 8) }
        if accuracy { r += number(s.accuracy, 10, 4) }
        if validation { r += number(s.validationCost, 14, 8) + (accuracy ? number(s.validationAccuracy, 10, 4) : "") }
        return r
    }

    var csvHeader: String {
        (["epoch", "cost"] + (penalty ? ["penalty"] : []) + (accuracy ? ["accuracy"] : [])
            + (validation ? ["validation_cost"] + (accuracy ? ["validation_accuracy"] : []) : [])).joined(separator: ",")
    }

    func csvRow(_ s: EpochSummary) -> String {
        func text(_ x: Double?) -> String { x.map { "\($0)" } ?? "" }
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
