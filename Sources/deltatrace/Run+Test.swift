import DeltaCore
import DeltaLessons
import DeltaText

extension Run {
    /// Why the test set is looked at once, in one line.
    static let testReminder = "The test set is looked at once, at the end: choose nothing by it, or it stops being a fair guess of how the network does on data it has never seen."

    /// `run --test`: the test set evaluated once, after the table, with the parameters the
    /// run ends with. The table says it in words with the reminder; csv adds a last row whose
    /// `epoch` is `test` (the test cost under `cost`, its accuracy under `accuracy`, the rest
    /// empty, `--outputs` columns too) and json a last object `{"test": {…}}`, each with the reminder on standard
    /// error (docs/holdout.md gives the fields).
    func printTest(lesson: Lesson, run: TrainingRun, settings: Settings, columns: EpochColumns, outputColumns: Int = 0) throws {
        guard let result = try reportingLessonErrors({ try lesson.evaluateTest(of: run, settings: settings) }) else { return }
        switch format {
        case .table:
            let accuracy = result.accuracy.map { ", accuracy \(NumberText.fixed($0, decimals: 4, minus: .ascii))" } ?? ""
            print("test (\(result.count) example\(result.count == 1 ? "" : "s"), the parameters after epoch \(result.epoch)): cost \(NumberText.fixed(result.cost, decimals: 8, minus: .ascii))\(accuracy)")
            print(Run.testReminder)
        case .csv:
            let fields = columns.measures.map { m -> String in
                switch m {
                case .cost: return NumberText.exact(result.cost)
                case .accuracy: return result.accuracy.map(NumberText.exact) ?? ""
                default: return ""
                }
            }
            print((["test"] + fields + Array(repeating: "", count: outputColumns)).joined(separator: ","))
            printError(Run.testReminder)
        case .json:
            print(JSON.object([("test", .object([
                ("epoch", .integer(result.epoch)), ("examples", .integer(result.count)),
                ("cost", .number(result.cost)), ("accuracy", result.accuracy.map(JSON.number) ?? .null),
            ]))]).text)
            printError(Run.testReminder)
        }
    }
}
