import DeltaCore

/// One model of a K-fold cross-validation: fold k held out as its validation set, the
/// other folds trained on, and what each epoch measured.
public struct FoldRun: Sendable, Hashable {
    /// k, the fold held out (from 1).
    public let fold: Int
    /// The data rows it holds out (fold k's rows), counted from 0 in file order.
    public let validationRows: [Int]
    /// The number of rows it trains on.
    public let trainingCount: Int
    /// Element e: the training and validation cost C_0 and accuracy after epoch e (element
    /// 0 before training), as `run` reports them.
    public let epochs: [EpochSummary]
    /// How its training ended.
    public let ending: RunEnding

    /// The last epoch it trained: the one the cross-validation's mean ± sd is taken over.
    public var last: EpochSummary { epochs[epochs.count - 1] }
}
