import DeltaCore

/// The outcome of K-fold cross-validation (`deltatrace cv`, the `cv` claim): K models of the
/// same settings, model k validated on fold k and trained on the others (``Folds``), and
/// the mean ± sd of their last epochs.
public struct CrossValidation: Sendable, Hashable {
    /// The folds the rows were dealt into.
    public let folds: Folds
    /// Model k's run at index k − 1.
    public let runs: [FoldRun]

    /// K, the number of folds.
    public var count: Int { runs.count }

    /// The mean ± sd over the folds' last epochs of one per-epoch figure; nil when some fold
    /// has none (accuracy without a classification).
    public func spread(_ figure: (EpochSummary) -> Double?) -> FoldSpread? {
        let values = runs.compactMap { figure($0.last) }
        return values.count == runs.count ? FoldSpread(values) : nil
    }

    /// The mean training cost C_0 over the folds' last epochs, and its sample sd.
    public var cost: FoldSpread { spread(\.cost)! }
    /// The training accuracy's mean and sample sd, for a classification.
    public var accuracy: FoldSpread? { spread(\.accuracy) }
    /// The validation cost's mean and sample sd: each model's cost on the fold it held out.
    public var validationCost: FoldSpread { spread(\.validationCost)! }
    /// The validation accuracy's mean and sample sd, for a classification.
    public var validationAccuracy: FoldSpread? { spread(\.validationAccuracy) }
}
