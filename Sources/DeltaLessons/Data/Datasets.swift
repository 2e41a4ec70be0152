import DeltaCore

/// The datasets a run of some settings trains on and is judged by, made from a lesson's rows
/// with the settings' data keys applied (``LessonData/datasets(for:)``).
public struct Datasets: Sendable, Hashable {
    /// The examples trained on.
    public let training: Dataset
    /// The examples held out for validation, if any.
    public let validation: Dataset?
    /// The examples kept for the test, if any: evaluated only when asked (`run --test`).
    public let test: Dataset?
    /// The data rows trained on, counted from 0 in file order.
    public let trainingRows: [Int]
    /// The data rows held out for validation, counted from 0 in file order.
    public let validationRows: [Int]
    /// With `standardize`, the training statistics every input was standardised with; an
    /// input a student writes (a claim's `output`, `run --outputs`, after `scale`) is standardised with them
    /// too before the network sees it.
    public let standardization: Standardization?

    /// An input written as the lesson's examples hold it (after `scale`) as the network sees
    /// it: standardised with the training statistics when the settings standardise.
    public func networkInput(_ x: [Double]) -> [Double] {
        standardization?.apply(x) ?? x
    }
}
