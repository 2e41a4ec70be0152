import DeltaCore

/// The settings of a lesson's `data` section that a variant, `compare --vary` and `run`'s
/// options may change: how the rows become the examples a run sees. (The rows themselves and
/// their split, `file`, `holdout`, `test`, `image`, … are the lesson's and are read by
/// `LessonData`.)
public struct DataSettings: Sendable, Hashable {
    /// `standardize`: every input column shifted and scaled to mean 0 and standard deviation 1
    /// with the training split's statistics (``Standardization``).
    public var standardize: Bool = false
    /// `expand`: the copies each training row gets (``Expansion``); `.none` trains on the
    /// rows as read.
    public var expand: Expansion = .none

    /// No change to the rows.
    public init() {}

    /// n, the number of training examples a run of these settings has when the lesson trains
    /// on `rows` data rows: rows × (1 + the copies `expand` makes of each).
    public func trainingSetSize(rows: Int) -> Int { expand.trainingSetSize(rows: rows) }
}
