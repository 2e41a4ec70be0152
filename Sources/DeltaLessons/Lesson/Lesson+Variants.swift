import DeltaText

extension Lesson {
    /// The name that `variants:` on a beat or a question, and the screen, give the lesson
    /// itself, as opposed to one of its variants.
    public static let baseName = "lesson"

    /// The settings of a variant (nil: the base lesson).
    ///
    /// - Throws: ``LessonError`` when the lesson has no variant of that name.
    public func settings(variant name: String?) throws -> Settings {
        guard let name else { return settings }
        guard let variant = variants.first(where: { $0.name == name }) else {
            let guess = Suggestion.didYouMean(name, among: variants.map(\.name))
            throw LessonError(SourceLocation(file: file, line: 1, column: 1), "the lesson has no variant `\(name)`",
                              hint: variants.isEmpty ? "this lesson defines no variants" : "\(guess)its variants are: \(Suggestion.listing(variants.map(\.name)))")
        }
        return variant.settings
    }

    /// The beats written for a run: the lesson itself (nil variant) or one of its variants.
    /// A run of settings that are neither (an ad-hoc `--vary`) has none.
    public func beats(forVariant variant: String?) -> [Beat] {
        beats.filter { $0.runs.contains(variant ?? Lesson.baseName) }
    }

    /// The questions asked in a run: the lesson itself (nil variant) or one of its variants.
    public func questions(forVariant variant: String?) -> [Question] {
        questions.filter { $0.runs.contains(variant ?? Lesson.baseName) }
    }
}
