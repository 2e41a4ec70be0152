import ArgumentParser
import DeltaCore
import DeltaLessons
import DeltaText
import DeltaTUI
import Foundation

/// `deltatrace compare`: a lesson beside its variants (or `--vary` values), on a terminal side
/// by side in lockstep, otherwise as a table or JSON with a verdict.
struct Compare: ParsableCommand {
    /// The command's name, abstract and discussion for `--help`.
    static let configuration = CommandConfiguration(
        abstract: "Train a lesson's variants side by side on the same initial weights and data.",
        discussion: """
            Without --vary, compares the lesson with each of its variants. --vary KEY=V1,V2,… \
            compares the lesson's runs with KEY set to each value instead (any key a variant may \
            set, by name or path: cost, eta, train.seed, init.seed, layers=[2,3,1],[2,5,1], …; \
            a single value is compared with the lesson as written); several --vary options \
            combine. When every run has the same cost, the verdict gives, for each run, the first \
            epoch at which its cost falls to half its starting value (or below --below). Different \
            costs are different yardsticks, so then it ranks by training accuracy instead (the first \
            epoch at which each run reaches the best accuracy any of them reaches), refuses --below, \
            and ranks nothing when they share no accuracy. A lesson that holds out validation \
            data (data.holdout) is judged on it: the validation cost and accuracy take the \
            place of the training ones, and the verdict says so. With --format json the verdict \
            is the last line, {"verdict": {…}}, with the measure, the winner, its epoch and each \
            run's epoch as fields.
            """)

    @OptionGroup var lesson: LessonOptions
    @Option(name: .customLong("vary"), help: ArgumentHelp("Compare these values of a key.", valueName: "KEY=V1,V2,…"),
            completion: .custom(Completions.varyKeys))
    var vary: [String] = []
    @Option(help: "The cost that counts as learned, instead of half the starting cost (only when every contender has the same cost).")
    var below: Double?
    @Option(help: "Print every Nth epoch in the table (the first and last always).") var every: Int?
    @Option(help: "table, json (one object per variant per epoch, then the verdict) or csv (one row per epoch, a column per contender and measure). Without it, a terminal gets the side-by-side screen.")
    var format: Format?
    @OptionGroup var screen: ScreenOptions

    /// Refuses options that cannot work together.
    func validate() throws {
        for item in vary {
            guard let (_, values) = Compare.keyAndValues(item), !values.isEmpty, !values.contains(where: \.isEmpty) else {
                throw ValidationError("--vary takes KEY=V1,V2,…, e.g. --vary cost=quadratic,cross-entropy or --vary layers=[1,3,1],[1,5,1]")
            }
        }
        if let every, every < 1 { throw ValidationError("--every must be at least 1") }
    }

    /// Trains the contenders and shows them side by side, or prints the table or JSON.
    func run() throws {
        let lesson = try self.lesson.load()
        let contenders = try reportingLessonErrors { try variants(of: lesson) }
        guard contenders.count >= 2 else {
            printError("\(lesson.file):1:1: error: the lesson has no variants to compare\n  hint: add `variants:` to the lesson, or use --vary KEY=V1,V2")
            throw ExitCode(2)
        }
        if let below, CompareVerdict.costsDiffer(contenders.map(\.settings.cost)) {
            // A cost value is a goal only on one yardstick.
            let costs = contenders.map { "\($0.name): \($0.settings.cost.rawValue)" }.joined(separator: ", ")
            printError("--below:1:1: error: --below \(NumberText.written(below)) is a cost, but the contenders' costs differ (\(costs)), so their cost values are not comparable\n"
                       + "  hint: leave out --below (the verdict then ranks them by training accuracy, where they all have one), or compare contenders that share a cost, e.g. --vary eta=V1,V2")
            throw ExitCode(2)
        }
        if format == nil && TerminalCheck.problem() == nil {
            // A terminal: the variants side by side, in lockstep.
            var program = Launcher(app: try reportingLessonErrors { try TraceApp(lesson: lesson, contenders: contenders) })
            try runFullScreen(&program, ascii: screen.ascii)
            return
        }
        let runs = try reportingLessonErrors { try lesson.makeRuns(comparing: contenders.map(\.settings)) }
        for run in runs { run.finish() }
        let names = contenders.map(\.name)
        let verdict = CompareVerdict(names: names, runs: runs, below: below)
        switch format ?? .table {
        case .json:
            for (name, run) in zip(names, runs) {
                let columns = EpochColumns(run: run)
                for s in run.epochSummaries { print(columns.json(s, variant: name).text) }
            }
            print(verdict.json.text)
        case .csv:
            Compare.csvLines(names: names, runs: runs).forEach { print($0) }
            for (name, run) in zip(names, runs) {
                if let stop = run.ending?.earlyStop { printError("\(name): \(Narrator.say(stop))") }
            }
        case .table:
            printTable(lesson: lesson, contenders: contenders, runs: runs)
            verdict.lines.forEach { print($0) }
        }
        let failures = zip(names, runs).compactMap { name, run in run.nonFiniteEvent.map { "\(name): \(Narrator.say($0, minus: .ascii))" } }
        if !failures.isEmpty {
            printError("training stopped at a non-finite value in " + failures.joined(separator: "; "))
            throw ExitCode(1)
        }
    }

    /// The lesson and its variants, or the lesson with each --vary value.
    func variants(of lesson: Lesson) throws -> [(name: String, settings: Settings)] {
        if vary.isEmpty {
            return [("lesson", lesson.settings)] + lesson.variants.map { ($0.name, $0.settings) }
        }
        var combinations: [[(key: String, value: String)]] = [[]]
        for item in vary {
            guard let (key, values) = Compare.keyAndValues(item) else { continue }
            combinations = combinations.flatMap { prefix in values.map { prefix + [(key, $0)] } }
        }
        let changed = try combinations.map { changes in
            (changes.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
             try lesson.settings(variant: nil, changing: changes, source: "--vary"))
        }
        // A single value is compared with the lesson as written.
        return changed.count == 1 ? [(Lesson.baseName, lesson.settings)] + changed : changed
    }

    /// A `--vary` option split into its key (a lesson key by path or bare name: `cost`,
    /// `train.seed`) and its values: the text after `=` split at the commas that are outside
    /// brackets, so that list values stay whole (`layers=[1,3,1],[1,5,1]` is two values).
    /// Nil without a key and `=`.
    static func keyAndValues(_ item: String) -> (key: String, values: [String])? {
        guard let equals = item.firstIndex(of: "="), equals != item.startIndex else { return nil }
        var values: [String] = [], current = "", depth = 0
        for character in item[item.index(after: equals)...] {
            switch character {
            case "[", "{": depth += 1
            case "]", "}": depth -= 1
            case "," where depth == 0:
                values.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        values.append(current.trimmingCharacters(in: .whitespaces))
        return (String(item[..<equals]).trimmingCharacters(in: .whitespaces), values)
    }

    /// The lesson's title, what each contender is (the lesson's headline, then each other's
    /// changes from the lesson, key by key), and the cost per epoch of each.
    func printTable(lesson: Lesson, contenders: [(name: String, settings: Settings)], runs: [TrainingRun]) {
        print(lesson.title)
        let changes = contenders.map { $0.settings.changes(from: lesson.settings).map { "\($0.key.path): \($0.value)" } }
        if !changes.contains(where: \.isEmpty) { print("  the lesson: \(lesson.settings.headline)") }
        for ((name, settings), changed) in zip(contenders, changes) {
            print("  \(name): " + (changed.isEmpty ? settings.headline : "the lesson with " + changed.joined(separator: ", ")))
        }
        let names = contenders.map(\.name)
        // Each contender's cost, then its validation cost (and accuracy) where the lesson
        // holds out validation data, headed by the contender's name.
        let shown = runs.map { run in EpochColumns(run: run).measures.filter { $0 == .cost || $0.isValidation } }
        var table = TextTable(headers: ["epoch"] + zip(names, shown).flatMap { name, measures in
            measures.map { $0 == .cost ? name : "\(name) \($0.header)" }
        })
        let last = runs.map { $0.epochSummaries.count - 1 }.max() ?? 0
        let step = every ?? max(1, (last + 29) / 30)
        for e in 0...last where e % step == 0 || e == last {
            table.append([String(e)] + zip(runs, shown).flatMap { run, measures in
                measures.map { e < run.epochSummaries.count ? EpochColumns.cell($0, run.epochSummaries[e], costDecimals: 6) : "-" }
            })
        }
        table.lines.forEach { print($0) }
        for (name, run) in zip(names, runs) {
            if let stop = run.ending?.earlyStop { print("  \(name): \(Narrator.say(stop))") }
        }
    }

    /// The contenders' epochs as CSV for a spreadsheet: one row per epoch, and for each
    /// contender a column per measure its run reports (`run --format csv`'s columns), headed
    /// `NAME MEASURE` (`cross-entropy cost`, `lesson validation_cost`); a contender that
    /// stopped before the last epoch has empty fields after it. Numbers are exact.
    static func csvLines(names: [String], runs: [TrainingRun]) -> [String] {
        let columns = runs.map(EpochColumns.init(run:))
        let header = ["epoch"] + zip(names, columns).flatMap { name, c in c.measures.map { "\(name) \($0.key)" } }
        let last = runs.map { $0.epochSummaries.count - 1 }.max() ?? 0
        let rows = (0...last).map { e in
            [String(e)] + zip(runs, columns).flatMap { run, c in
                e < run.epochSummaries.count ? c.csvFields(run.epochSummaries[e]) : Array(repeating: "", count: c.measures.count)
            }
        }
        return ([header] + rows).map { $0.map(EpochColumns.csvQuoted).joined(separator: ",") }
    }
}
