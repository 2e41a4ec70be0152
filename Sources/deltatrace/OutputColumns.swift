import DeltaCore
import DeltaLessons
import DeltaText
import Foundation

/// The outputs `run --outputs X` prints beside each epoch: for each input x a student chose,
/// written as the lesson's examples hold it (after `scale`, before `standardize`, as an
/// `output` claim's input), the network's output a_L = (a_{L,1}, …, a_{L,n_L}) with
/// the parameters the epoch ended with (epoch 0: the initial ones), computed by
/// ``TrainingRun/output(for:parameters:)`` without dropout. Under `standardize` x is first
/// standardised with the training statistics, as the run's data is
/// (``Datasets/networkInput(_:)``).
///
/// A table shows one column per input, headed `a_L(x)`, with the n_L outputs of a cell
/// separated by spaces; CSV one column per input and node, headed `a_L(x)` (n_L = 1) or
/// `a_L,j(x)`; JSON a field `outputs`, one list of n_L numbers per input in the order the
/// inputs were given. Where feedforward meets a NaN or ∞ the output is `-`, empty or null.
struct OutputColumns {
    /// The inputs, as written (as the lesson's examples hold them).
    let inputs: [[Double]]
    /// The inputs as the network sees them.
    let networkInputs: [[Double]]
    /// n_L, the outputs of the network.
    let outputWidth: Int

    /// Why an input written on the command line cannot be used.
    enum Problem: Error, Equatable {
        /// A value that is not a finite number.
        case notANumber(String)
        /// The input, as written, has `count` values and the network takes `expected`.
        case width(input: String, count: Int, expected: Int)

        /// The word that is not a number ("" for another problem).
        var word: String {
            if case .notANumber(let word) = self { return word }
            return ""
        }
    }

    /// An input as written after `--outputs`: numbers separated by commas (`1,0`, `-0.5`),
    /// spaces and one pair of surrounding brackets allowed (`"[1, 0]"`).
    static func input(_ text: String) throws(Problem) -> [Double] {
        var body = text.trimmingCharacters(in: .whitespaces)
        if body.hasPrefix("["), body.hasSuffix("]") { body = String(body.dropFirst().dropLast()) }
        return try body.split(separator: ",", omittingEmptySubsequences: false).map { (piece) throws(Problem) -> Double in
            let word = piece.trimmingCharacters(in: .whitespaces)
            guard let value = Double(word), value.isFinite else { throw .notANumber(word) }
            return value
        }
    }

    /// An input as the headers write it: `1,0`, `-0.5`.
    static func written(_ x: [Double]) -> String {
        x.map(NumberText.written).joined(separator: ",")
    }

    /// The columns for inputs as written on the command line, checked against the run's
    /// network and made into network inputs with the run's data (made only when there are inputs).
    init(written: [String], run: TrainingRun, data: () -> Datasets) throws(Problem) {
        var inputs: [[Double]] = []
        for text in written {
            let x = try OutputColumns.input(text)
            guard x.count == run.network.n(0) else { throw .width(input: text, count: x.count, expected: run.network.n(0)) }
            inputs.append(x)
        }
        self.inputs = inputs
        networkInputs = inputs.isEmpty ? [] : inputs.map(data().networkInput)
        outputWidth = run.network.n(run.network.L)
    }

    /// Whether there are any inputs.
    var isEmpty: Bool { inputs.isEmpty }

    /// a_L for each input after epoch e (which must have been trained), nil where
    /// feedforward met a NaN or ∞.
    func values(_ run: TrainingRun, epoch e: Int) -> [[Double]?] {
        guard !networkInputs.isEmpty else { return [] }
        let parameters = run.parameters(afterEpoch: e)
        return networkInputs.map { x in
            if case .success(let a) = run.output(for: x, parameters: parameters) { return a }
            return nil
        }
    }

    /// The table's headers: `a_L(1,0)`.
    var tableHeaders: [String] { inputs.map { "a_L(\(OutputColumns.written($0)))" } }

    /// The table's cells: each input's outputs to 8 decimals, separated by spaces.
    func tableCells(_ values: [[Double]?]) -> [String] {
        values.map { a in a.map { $0.map { NumberText.fixed($0, decimals: 8, minus: .ascii) }.joined(separator: " ") } ?? "-" }
    }

    /// The CSV headers, quoted where they hold a comma: `a_L(1,0)`, or `a_L,j(1,0)` for each node j.
    var csvHeaders: [String] {
        inputs.flatMap { x in
            (1...outputWidth).map { j in
                EpochColumns.csvQuoted(outputWidth == 1 ? "a_L(\(OutputColumns.written(x)))" : "a_L,\(j)(\(OutputColumns.written(x)))")
            }
        }
    }

    /// The CSV fields, every number exact.
    func csvFields(_ values: [[Double]?]) -> [String] {
        values.flatMap { a in a.map { $0.map(NumberText.exact) } ?? Array(repeating: "", count: outputWidth) }
    }

    /// The JSON field: `"outputs": [[a_{L,1}, …], …]`, one list per input.
    func json(_ values: [[Double]?]) -> (String, JSON) {
        ("outputs", .array(values.map { $0.map(JSON.numbers) ?? .null }))
    }
}
