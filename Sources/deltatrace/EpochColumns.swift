import DeltaCore
import DeltaText

/// The columns of a per-epoch table: the epoch, the cost, and the penalty, accuracy and
/// validation figures where the run has them.
struct EpochColumns {
    /// Whether the run has a regularisation penalty, an accuracy (a classification), and
    /// validation data: each adds its columns.
    let penalty: Bool, accuracy: Bool, validation: Bool

    /// The columns a run's epochs have.
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

    /// The CSV header line.
    var csvHeader: String {
        (["epoch", "cost"] + (penalty ? ["penalty"] : []) + (accuracy ? ["accuracy"] : [])
            + (validation ? ["validation_cost"] + (accuracy ? ["validation_accuracy"] : []) : [])).joined(separator: ",")
    }

    /// One epoch as a CSV line, every number exact.
    func csvRow(_ s: EpochSummary) -> String {
        func text(_ x: Double?) -> String { x.map(NumberText.exact) ?? "" }
        return ([String(s.epoch), text(s.cost)] + (penalty ? [text(s.penalty)] : []) + (accuracy ? [text(s.accuracy)] : [])
            + (validation ? [text(s.validationCost)] + (accuracy ? [text(s.validationAccuracy)] : []) : [])).joined(separator: ",")
    }

    /// One epoch as a JSON object (with the variant's name in `compare`).
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
