import DeltaCore

/// A lesson's training runs by variant, each made the first time it is asked for: checking
/// claims and the numbers beside beats trains every run it needs once.
final class RunsByVariant {
    /// The lesson the runs are made from.
    let lesson: Lesson
    /// The runs made so far, by variant name ("" for the lesson itself).
    private var made: [String: TrainingRun] = [:]

    /// No run made yet.
    init(_ lesson: Lesson) {
        self.lesson = lesson
    }

    /// The run of a variant (nil: the lesson itself), made now if it was not yet.
    func run(_ variant: String?) throws -> TrainingRun {
        if let run = made[variant ?? ""] { return run }
        let run = try lesson.makeRun(variant: variant)
        made[variant ?? ""] = run
        return run
    }
}
