/// A command that works on one lesson, named on its command line.
protocol NamesALesson {
    /// The lesson as written: a path, a number or a name; nil if none is given.
    var lessonName: String? { get }
}

extension Run: NamesALesson {
    /// The lesson argument.
    var lessonName: String? { lesson.lesson }
}

extension Trace: NamesALesson {
    /// The lesson argument.
    var lessonName: String? { lesson.lesson }
}

extension Compare: NamesALesson {
    /// The lesson argument.
    var lessonName: String? { lesson.lesson }
}

extension Tui: NamesALesson {
    /// The lesson argument, if the picker is not wanted.
    var lessonName: String? { lesson }
}
