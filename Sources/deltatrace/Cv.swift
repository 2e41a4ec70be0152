import ArgumentParser
import DeltaCore
import DeltaLessons
import DeltaText
import Foundation

/// `deltatrace cv`: K-fold cross-validation of a lesson's training rows — K models, each
/// validated on the fold it holds out — with each one's epochs and the mean ± sd of their
/// last epochs.
struct Cv: ParsableCommand {
    /// The command's name, abstract and discussion for `--help`.
    static let configuration = CommandConfiguration(
        commandName: "cv",
        abstract: "K-fold cross-validation: train K models of a lesson, each validated on the fold it holds out.",
        discussion: """
            The folds are made from the lesson's training rows only: its own validation \
            (holdout) and test rows are neither trained on nor validated on. The n training \
            rows, in file order, are numbered by position 0 … n−1; the positions are shuffled \
            (Fisher–Yates) by the random stream (train.seed, holdout, 1) of the lesson's own \
            train.seed, and the shuffled list is cut into K consecutive pieces, the first n mod K \
            of them ⌊n/K⌋+1 long and the rest ⌊n/K⌋. Piece k is fold k. Model k trains on every \
            fold but fold k and is validated on fold k, from the initial parameters of the \
            lesson's (or the variant's) settings; with standardize, its inputs are scaled with \
            its own training rows' statistics. Folds are counted from 1, epochs from 0 (0 is \
            before training). The summary is the mean and the sample standard deviation \
            (dividing by K−1) over the folds' last epochs. The models train in parallel \
            (--jobs) with bit-identical results whatever the parallelism; on a terminal a \
            progress line goes to standard error. With --format json: one object per fold per \
            epoch (fold, epoch, cost, accuracy, validation_cost, validation_accuracy; the \
            epoch-0 object also validation_rows, counted from 0 in file order), then one object \
            without fold: folds, validation_cost_mean, validation_cost_sd, \
            validation_accuracy_mean, validation_accuracy_sd (docs/holdout.md).
            """)

    @OptionGroup var lesson: LessonOptions
    @OptionGroup var variantOption: VariantOption
    var variant: String? { variantOption.variant }
    @Option(help: "K, the number of folds (from 2 to the lesson's training rows).") var folds: Int
    @Option(help: "Train this many models at once (default: the number of cores).") var jobs: Int?
    @Option(help: "Print every Nth epoch of each fold in the table (the first and last always).") var every: Int?
    @Option(help: "table, json (one object per fold per epoch, then the summary) or csv.") var format: Format = .table

    /// Refuses options that cannot work.
    func validate() throws {
        if let every, every < 1 { throw ValidationError("--every must be at least 1") }
    }

    /// The per-epoch figures, in column order: the cost and validation cost always, the
    /// accuracies for a classification.
    static func measures(_ cv: CrossValidation) -> [EpochColumns.Measure] {
        let classifies = cv.runs.allSatisfy { $0.epochs[0].accuracy != nil }
        return [.cost] + (classifies ? [.accuracy] : []) + [.validationCost] + (classifies ? [.validationAccuracy] : [])
    }

    /// Trains the K models and prints them and their summary.
    func run() throws {
        let lesson = try self.lesson.load()
        let settings = try reportingLessonErrors { try lesson.settings(variant: variant) }
        if let jobs, jobs < 1 {
            printError("--jobs:1:1: error: --jobs \(jobs) trains no model\n  hint: give at least 1 (the default is the number of cores)")
            throw ExitCode(2)
        }
        do { _ = try lesson.folds(folds) } catch {
            let rows = lesson.training.count
            switch error {
            case .tooFew: printError("--folds:1:1: error: cross-validation needs at least 2 folds, not \(folds)\n  hint: give --folds from 2 to \(rows), the lesson's training rows (5 or 10 are usual)")
            case .moreThanRows: printError("--folds:1:1: error: cannot make \(folds) folds of the lesson's \(rows) training rows: some fold would be empty\n  hint: give --folds from 2 to \(rows)")
            }
            throw ExitCode(2)
        }
        let progress = Cv.progressLine()
        let cv = try reportingLessonErrors {
            try lesson.crossValidate(settings, folds: folds, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount, progress: progress)
        }
        if progress != nil { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        switch format {
        case .table: printTable(cv, lesson: lesson, settings: settings)
        case .csv: Cv.csvLines(cv).forEach { print($0) }
        case .json: Cv.jsonLines(cv).forEach { print($0) }
        }
        for run in cv.runs {
            switch run.ending {
            case .stoppedEarly(let stop) where format != .table: printError("fold \(run.fold): \(Narrator.say(stop))")
            case .nonFinite(let event): printError("fold \(run.fold): training stopped at the first non-finite value: \(Narrator.say(event, minus: .ascii))")
            default: break
            }
        }
        if cv.runs.contains(where: { $0.ending.nonFiniteEvent != nil }) { throw ExitCode(1) }
    }

    /// On a terminal, a progress line on standard error ("cv: 37 of 150 epochs trained");
    /// nil when standard error is not a terminal, so that files and pipes get none.
    static func progressLine() -> (@Sendable (Int, Int) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        return { trained, total in
            FileHandle.standardError.write(Data("\rcv: \(trained) of \(total) epochs trained".utf8))
        }
    }

    /// The table: what is cross-validated, each fold's epochs (every `--every`th), then each
    /// fold's last epoch with the mean and the sample sd, and what the sd is.
    func printTable(_ cv: CrossValidation, lesson: Lesson, settings: Settings) {
        let k = cv.count, n = cv.runs[0].validationRows.count + cv.runs[0].trainingCount
        print("\(lesson.title)\(variant.map { " [\($0)]" } ?? "") — \(settings.headline)")
        let apart = [lesson.validation.map { "\($0.count) validation" }, lesson.test.map { "\($0.count) test" }].compactMap { $0 }
        print("\(k)-fold cross-validation of the lesson's \(n) training rows\(apart.isEmpty ? "" : " (its \(apart.joined(separator: " and ")) rows are not used)"): "
              + "model k is validated on fold k, about \(n / k) rows, and trained on the others.")
        let measures = Cv.measures(cv)
        var table = TextTable(headers: ["fold", "epoch"] + measures.map(\.header))
        for run in cv.runs {
            let last = run.epochs.count - 1
            let step = every ?? max(1, (last + 9) / 10)
            for s in run.epochs where s.epoch % step == 0 || s.epoch == last {
                table.append([String(run.fold), String(s.epoch)] + measures.map { EpochColumns.cell($0, s) })
            }
        }
        table.lines.forEach { print($0) }
        print("")
        let epochs = Set(cv.runs.map { $0.epochs.count - 1 })
        print("Each fold's last epoch\(epochs.count == 1 ? " (\(epochs.first!))" : ""), and over the \(k) folds the mean and the sample sd (dividing by K − 1 = \(k - 1)):")
        var summary = TextTable(headers: ["fold", "held out", "trained on"] + measures.map(\.header),
                                alignments: [.left] + Array(repeating: .right, count: 2 + measures.count))
        for run in cv.runs {
            summary.append([String(run.fold), String(run.validationRows.count), String(run.trainingCount)] + measures.map { EpochColumns.cell($0, run.last) })
        }
        let spreads = measures.map { m in cv.spread { m.value($0) }! }
        func cells(_ value: (FoldSpread) -> Double) -> [String] {
            zip(measures, spreads).map { m, s in NumberText.fixed(value(s), decimals: m.isAccuracy ? 4 : 8, minus: .ascii) }
        }
        summary.append(["mean", "", ""] + cells(\.mean))
        summary.append(["sd", "", ""] + cells(\.standardDeviation))
        summary.lines.forEach { print($0) }
        for run in cv.runs {
            if case .stoppedEarly(let stop) = run.ending { print("fold \(run.fold): \(Narrator.say(stop))") }
        }
        let accuracy = cv.validationAccuracy.map {
            "validation accuracy \(NumberText.fixed($0.mean, decimals: 4)) ± \(NumberText.fixed($0.standardDeviation, decimals: 4)), "
        } ?? ""
        print("So: \(accuracy)validation cost \(NumberText.fixed(cv.validationCost.mean, decimals: 4)) ± \(NumberText.fixed(cv.validationCost.standardDeviation, decimals: 4)) (mean ± sample sd over \(k) models).")
    }

    /// CSV: `fold,epoch,cost,accuracy,validation_cost,validation_accuracy`, one row per fold
    /// per epoch, then a `mean` and an `sd` row (sample sd) of the folds' last epochs with
    /// the epoch empty; every number exact, empty where there is none (accuracy without a
    /// classification). The held-out rows are in the JSON only.
    static func csvLines(_ cv: CrossValidation) -> [String] {
        let measures: [EpochColumns.Measure] = [.cost, .accuracy, .validationCost, .validationAccuracy]
        var lines = ["fold,epoch," + measures.map(\.key).joined(separator: ",")]
        for run in cv.runs {
            for s in run.epochs {
                lines.append(([String(run.fold), String(s.epoch)] + measures.map { m in m.value(s).map(NumberText.exact) ?? "" }).joined(separator: ","))
            }
        }
        let spreads = measures.map { m in cv.spread { m.value($0) } }
        lines.append((["mean", ""] + spreads.map { $0.map { NumberText.exact($0.mean) } ?? "" }).joined(separator: ","))
        lines.append((["sd", ""] + spreads.map { $0.map { NumberText.exact($0.standardDeviation) } ?? "" }).joined(separator: ","))
        return lines
    }

    /// JSON Lines, the contract for scripts (docs/holdout.md): one object per fold per
    /// epoch, folds in order, then the summary of the folds' last epochs.
    static func jsonLines(_ cv: CrossValidation) -> [String] {
        var lines: [String] = []
        for run in cv.runs {
            for s in run.epochs {
                var pairs: [(String, JSON)] = [
                    ("fold", .integer(run.fold)), ("epoch", .integer(s.epoch)),
                    ("cost", .number(s.cost)), ("accuracy", s.accuracy.map(JSON.number) ?? .null),
                    ("validation_cost", s.validationCost.map(JSON.number) ?? .null),
                    ("validation_accuracy", s.validationAccuracy.map(JSON.number) ?? .null),
                ]
                if s.epoch == 0 { pairs.append(("validation_rows", .array(run.validationRows.map(JSON.integer)))) }
                lines.append(JSON.object(pairs).text)
            }
        }
        let accuracy = cv.validationAccuracy
        lines.append(JSON.object([
            ("folds", .integer(cv.count)),
            ("validation_cost_mean", .number(cv.validationCost.mean)),
            ("validation_cost_sd", .number(cv.validationCost.standardDeviation)),
            ("validation_accuracy_mean", accuracy.map { .number($0.mean) } ?? .null),
            ("validation_accuracy_sd", accuracy.map { .number($0.standardDeviation) } ?? .null),
        ]).text)
        return lines
    }
}

extension Cv: NamesALesson {
    /// The lesson argument.
    var lessonName: String? { lesson.lesson }
}
