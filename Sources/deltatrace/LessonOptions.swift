import ArgumentParser
import DeltaLessons

/// The lesson a command works on: a path, or a bundled lesson's number or name.
struct LessonOptions: ParsableArguments {
    @Argument(help: "A lesson: a path to a .yaml file, or a bundled lesson's number or name.",
              completion: .custom(Completions.lessons))
    var lesson: String

    /// Loads the lesson.
    func load() throws -> Lesson {
        try reportingLessonErrors {
            try Lesson.load(path: try LessonLocator.resolve(lesson))
        }
    }
}
