/// The settings of a lesson's `data` section that a variant, `compare --vary` and `run`'s
/// options may change: how the rows become the examples a run sees. (The rows themselves and
/// their split, `file`, `holdout`, `test`, … are the lesson's and are read by `LessonData`.)
public struct DataSettings: Sendable, Hashable {
    /// `standardize`: every input column shifted and scaled to mean 0 and standard deviation 1
    /// with the training split's statistics (``Standardization``).
    public var standardize: Bool = false

    /// No change to the rows.
    public init() {}
}
