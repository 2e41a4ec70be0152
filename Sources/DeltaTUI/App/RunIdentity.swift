import DeltaLessons

/// Which run a pane shows, as the lesson knows it: the lesson itself, one of its named
/// variants, or settings changed on the command line (`compare --vary`).
///
/// A lesson's beats and questions are written for some of its runs (``Beat/runs``,
/// ``Question/runs``): the screen narrates and asks in a pane only what was written for
/// that pane's run, so a variant never hears "this is why learning is slow" meant for the
/// lesson, and an ad-hoc run hears nothing.
public enum RunIdentity: Sendable, Hashable {
    /// The lesson as written.
    case lesson
    /// The variant of this name (`variants:` in the lesson).
    case variant(String)
    /// Settings changed on the command line, named by the changes ("cost=mse").
    case adHoc(String)

    /// The name the screen shows: ``Lesson/baseName`` for the lesson, the variant's name,
    /// or the changes.
    public var name: String {
        switch self {
        case .lesson: return Lesson.baseName
        case .variant(let name), .adHoc(let name): return name
        }
    }

    /// The beats written for this run.
    public func beats(in lesson: Lesson) -> [Beat] {
        switch self {
        case .lesson: return lesson.beats(forVariant: nil)
        case .variant(let name): return lesson.beats(forVariant: name)
        case .adHoc: return []
        }
    }

    /// The questions asked in this run.
    public func questions(in lesson: Lesson) -> [Question] {
        switch self {
        case .lesson: return lesson.questions(forVariant: nil)
        case .variant(let name): return lesson.questions(forVariant: name)
        case .adHoc: return []
        }
    }

    /// The identity of a contender named `name` with `settings`: the lesson when it is named
    /// ``Lesson/baseName`` and has the lesson's settings, a variant when it has a variant's
    /// name and settings, and otherwise settings of its own (ad hoc).
    public static func of(_ name: String, settings: Settings, in lesson: Lesson) -> RunIdentity {
        if name == Lesson.baseName && settings == lesson.settings { return .lesson }
        if let variant = lesson.variants.first(where: { $0.name == name }), variant.settings == settings { return .variant(name) }
        return .adHoc(name)
    }
}
