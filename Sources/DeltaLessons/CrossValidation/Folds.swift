import DeltaCore

/// The K folds of K-fold cross-validation: a lesson's training rows dealt into K disjoint
/// groups that together cover them. Model k holds out fold k as its validation set and
/// trains on the other K − 1.
///
/// The rule, exactly: the n training rows, in file order, are numbered by position
/// 0 … n − 1; the positions are shuffled with ``DeltaRandom/shuffle(_:)`` (Fisher–Yates)
/// drawn from the stream (`train.seed`, holdout, 1) — the lesson's own seed, the stream
/// that chooses its holdout, sub-stream 1; the shuffled list is cut into K consecutive
/// pieces, the first n mod K of them ⌊n/K⌋ + 1 long and the others ⌊n/K⌋, and piece k
/// (from 1) is fold k, its rows listed in file order. So the folds differ in size by at
/// most one row, do not depend on the parallelism, and the same lesson always gets the
/// same folds.
public struct Folds: Sendable, Hashable {
    /// Each fold's rows (data rows counted from 0 in file order), fold 1 first; every row
    /// of a fold in file order.
    public let rows: [[Int]]

    /// The number of folds, K.
    public var count: Int { rows.count }

    /// Deals rows into K folds by the rule above.
    ///
    /// - Parameters:
    ///   - training: the rows to deal (the lesson's training rows, in file order).
    ///   - k: K, at least 2 and at most the number of rows.
    ///   - seed: the lesson's `train.seed`.
    /// - Throws: ``FoldsError`` for a K that cannot make K non-empty folds with something
    ///   left to train on.
    public init(training: [Int], folds k: Int, seed: UInt64) throws(FoldsError) {
        guard k >= 2 else { throw .tooFew(k) }
        guard k <= training.count else { throw .moreThanRows(folds: k, rows: training.count) }
        var order = Array(training.indices)
        var random = DeltaRandom(seed: seed, stream: RandomStream.holdout.rawValue, 1)
        random.shuffle(&order)
        let n = training.count, base = n / k, longer = n % k
        var folds: [[Int]] = [], start = 0
        for fold in 0..<k {
            let size = base + (fold < longer ? 1 : 0)
            folds.append(order[start..<start + size].sorted().map { training[$0] })
            start += size
        }
        rows = folds
    }

    /// The rows model k (from 1) trains on: every fold's but fold k's, in file order.
    public func trainingRows(ofModel k: Int) -> [Int] {
        rows.enumerated().filter { $0.offset != k - 1 }.flatMap(\.element).sorted()
    }
}

/// Why K folds cannot be made.
public enum FoldsError: Error, Sendable, Hashable {
    /// K is below 2: one fold would leave nothing to train on.
    case tooFew(Int)
    /// K is above the number of training rows: some fold would be empty.
    case moreThanRows(folds: Int, rows: Int)
}
