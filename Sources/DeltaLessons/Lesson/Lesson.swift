import DeltaCore
import DeltaText

/// A lesson: a network, its data and training settings, optional variants to compare,
/// narration tied to points of the trace, questions for the student, and claims that
/// `deltatrace check` verifies.
public struct Lesson: Sendable {
    /// The lesson file, as it was named.
    public let file: String
    /// The title.
    public let title: String
    /// One sentence on what it teaches.
    public let summary: String
    /// Whether the screen opens with the lesson and its variants side by side (`compare: true`).
    public let opensInCompare: Bool
    /// The base settings.
    public let settings: Settings
    /// The training data, as the lesson's own settings see it (``datasets(for:)``).
    public let training: Dataset
    /// Data held out for validation, if any, as the lesson's own settings see it.
    public let validation: Dataset?
    /// Data kept for the test, if any, as the lesson's own settings see it: evaluated only
    /// when asked (`run --test`, the `test-cost` and `test-accuracy` claims).
    public let test: Dataset?
    /// The rows and their split, from which the datasets of any settings are made.
    let data: LessonData
    /// Where the data came from and what its columns are.
    public let dataDescription: DataDescription
    /// The same lesson with some settings changed.
    public let variants: [Variant]
    /// Narration attached to trace positions.
    public let beats: [Beat]
    /// Questions that ask the student to predict a number.
    public let questions: [Question]
    /// Claims about the results, checked by `deltatrace check`.
    public let claims: [Claim]
}
