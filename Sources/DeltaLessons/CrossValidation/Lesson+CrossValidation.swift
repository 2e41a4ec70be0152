import DeltaCore
import Dispatch
import Foundation

extension Lesson {
    /// The folds of the lesson's training rows (its validation and test rows are left out),
    /// dealt by the lesson's own `train.seed` (``Folds``): the same for every variant.
    public func folds(_ k: Int) throws(FoldsError) -> Folds {
        try Folds(training: data.trainingRows, folds: k, seed: settings.training.seed)
    }

    /// K-fold cross-validation of some settings of the lesson: model k trains on every
    /// fold but fold k and is validated on fold k, each from the initial parameters the
    /// settings give and with `standardize`'s statistics from its own training rows
    /// (``LessonData/datasets(trainingRows:validationRows:testRows:settings:)``).
    ///
    /// The models train on up to `jobs` threads at once. Each model is its own run, with its
    /// own random streams keyed by the seed, and the results are put in fold order, so the
    /// numbers are bit-identical whatever `jobs` is.
    ///
    /// - Parameters:
    ///   - progress: called (from any thread, one call at a time) after every epoch any
    ///     model trains, with the epochs trained so far over all models and the total.
    /// - Throws: ``FoldsError`` for a K that makes no folds; ``LessonError`` for settings
    ///   that cannot be trained.
    public func crossValidate(_ settings: Settings, folds k: Int, jobs: Int = 1,
                              progress: (@Sendable (_ trained: Int, _ total: Int) -> Void)? = nil) throws -> CrossValidation {
        let folds = try self.folds(k)
        let total = k * settings.training.epochs
        let board = FoldBoard(count: k)
        let workers = max(1, min(jobs, k))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let model = board.nextModel() {
                let outcome = Result { try foldRun(settings, folds: folds, model: model) { board.trainedOneEpoch(of: total, progress) } }
                board.finish(model: model, outcome)
            }
        }
        return CrossValidation(folds: folds, runs: try board.outcomes().map { try $0!.get() })
    }

    /// Model k (from 1): trained on every fold but fold k, validated on fold k, epoch by epoch.
    func foldRun(_ settings: Settings, folds: Folds, model k: Int, afterEpoch: () -> Void) throws -> FoldRun {
        let sets = data.datasets(trainingRows: folds.trainingRows(ofModel: k), validationRows: folds.rows[k - 1],
                                 testRows: [], settings: settings)
        let run = try makeRun(settings, on: sets)
        for e in 1...max(1, run.layout.epochs) where !run.isFinished {
            run.advance(through: e * run.layout.updatesPerEpoch - 1)
            afterEpoch()
        }
        return FoldRun(fold: k, validationRows: folds.rows[k - 1], trainingCount: sets.training.count,
                       epochs: run.epochSummaries, ending: run.ending ?? .completed)
    }
}

/// What the threads of a cross-validation share: which model to train next, each model's
/// outcome in fold order, and the epochs trained for the progress line. Every access holds
/// the lock.
private final class FoldBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 1
    private var trained = 0
    private let count: Int
    /// Model k's outcome at index k − 1, once trained.
    private var finished: [Result<FoldRun, any Error>?]

    /// A board for K models, none taken yet.
    init(count: Int) {
        self.count = count
        finished = Array(repeating: nil, count: count)
    }

    /// Every model's outcome in fold order (nil for one not trained yet).
    func outcomes() -> [Result<FoldRun, any Error>?] {
        lock.withLock { finished }
    }

    /// The next model no thread has taken, or nil when every one has been.
    func nextModel() -> Int? {
        lock.withLock {
            guard next <= count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Keeps model k's outcome.
    func finish(model k: Int, _ outcome: Result<FoldRun, any Error>) {
        lock.withLock { finished[k - 1] = outcome }
    }

    /// Counts one more epoch trained and reports the count.
    func trainedOneEpoch(of total: Int, _ progress: (@Sendable (Int, Int) -> Void)?) {
        lock.withLock {
            trained += 1
            progress?(trained, total)
        }
    }
}
