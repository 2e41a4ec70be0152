import DeltaCore
import DeltaText
import Foundation

/// The columns of a per-epoch table: the epoch, the cost, and the penalty, accuracy and
/// validation figures where the run has them. `run` prints them for one run; `compare` prints
/// them side by side for each contender. The measures are listed once (``measures``), and the
/// table, CSV and JSON are each made from that list.
struct EpochColumns {
    /// One figure an epoch reports.
    enum Measure: CaseIterable {
        /// C_0, the mean training cost, without the penalty.
        case cost
        /// The regularisation penalty (λ/2n) Σ w² or (λ/n) Σ |w|.
        case penalty
        /// The fraction of training examples classified right.
        case accuracy
        /// C_0 over the validation examples.
        case validationCost
        /// The fraction of validation examples classified right.
        case validationAccuracy

        /// The measure's header in a table for people.
        var header: String {
            switch self {
            case .cost: return "cost"
            case .penalty: return "penalty"
            case .accuracy: return "accuracy"
            case .validationCost: return "val cost"
            case .validationAccuracy: return "val acc"
            }
        }

        /// The measure's name in CSV headers and JSON keys.
        var key: String {
            switch self {
            case .cost: return "cost"
            case .penalty: return "penalty"
            case .accuracy: return "accuracy"
            case .validationCost: return "validation_cost"
            case .validationAccuracy: return "validation_accuracy"
            }
        }

        /// Whether the measure is a validation figure (shown by `compare`'s table too).
        var isValidation: Bool { self == .validationCost || self == .validationAccuracy }

        /// Whether the measure is a fraction of examples (4 decimals in tables), not a cost.
        var isAccuracy: Bool { self == .accuracy || self == .validationAccuracy }

        /// The measure's value in an epoch's summary; nil where the epoch has none.
        func value(_ s: EpochSummary) -> Double? {
            switch self {
            case .cost: return s.cost
            case .penalty: return s.penalty
            case .accuracy: return s.accuracy
            case .validationCost: return s.validationCost
            case .validationAccuracy: return s.validationAccuracy
            }
        }
    }

    /// The measures the run reports, in column order after the epoch: the cost always; the
    /// penalty with regularisation; the accuracy for a classification; the validation cost
    /// (and accuracy) with validation data.
    let measures: [Measure]

    /// The columns a run's epochs have.
    init(run: TrainingRun) {
        let penalty = run.configuration.regularization.lambda != nil
        let accuracy = run.accuracyRule != .none
        let validation = run.validation != nil
        measures = Measure.allCases.filter { m in
            switch m {
            case .cost: return true
            case .penalty: return penalty
            case .accuracy: return accuracy
            case .validationCost: return validation
            case .validationAccuracy: return validation && accuracy
            }
        }
    }

    /// Whether the run has validation data.
    var hasValidation: Bool { measures.contains(where: \.isValidation) }

    /// An empty table with the run's columns.
    var table: TextTable { TextTable(headers: ["epoch"] + measures.map(\.header)) }

    /// One measure's cell for people: costs to `costDecimals` decimals (8 by default),
    /// accuracies to 4 (scientific from 10⁶); "-" where the epoch has no value.
    static func cell(_ m: Measure, _ s: EpochSummary, costDecimals: Int = 8) -> String {
        m.value(s).map { NumberText.fixed($0, decimals: m.isAccuracy ? 4 : costDecimals, minus: .ascii) } ?? "-"
    }

    /// One epoch's cells.
    func cells(_ s: EpochSummary) -> [String] {
        [String(s.epoch)] + measures.map { EpochColumns.cell($0, s) }
    }

    /// The CSV header line.
    var csvHeader: String { (["epoch"] + measures.map(\.key)).joined(separator: ",") }

    /// The run's measures in one epoch as CSV fields, every number exact (the shortest text
    /// that reads back as the same double); empty where the epoch has no value.
    func csvFields(_ s: EpochSummary) -> [String] {
        measures.map { m in m.value(s).map(NumberText.exact) ?? "" }
    }

    /// One epoch as a CSV line.
    func csvRow(_ s: EpochSummary) -> String { ([String(s.epoch)] + csvFields(s)).joined(separator: ",") }

    /// A CSV field as RFC 4180 writes it: quoted (with quotes doubled) when it holds a comma,
    /// a quote or a line break — a `--vary` name such as `layers=[1,3,1]` does.
    static func csvQuoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One epoch as a JSON object (with the variant's name in `compare`), and after the
    /// measures any fields `adding` gives (`run --outputs`'s `outputs`).
    func json(_ s: EpochSummary, variant: String? = nil, adding extra: [(String, JSON)] = []) -> JSON {
        var pairs: [(String, JSON)] = []
        if let variant { pairs.append(("variant", .string(variant))) }
        pairs.append(("epoch", .integer(s.epoch)))
        pairs += measures.map { m in (m.key, m.value(s).map(JSON.number) ?? .null) }
        return .object(pairs + extra)
    }
}
