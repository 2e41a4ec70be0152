import DeltaText
import DeltaLessons
import Foundation

/// The program `deltatrace` runs: a picker of the bundled lessons, then the trace screen
/// of the lesson chosen (or the trace screen straight away, for a named lesson).
///
/// `q` on the trace screen comes back to the picker, with that lesson selected; `q` on the
/// picker quits, and Ctrl-C quits from anywhere. A trace screen opened without lessons to
/// pick from (`deltatrace compare`) quits on `q`.
///
/// The screen left with `q` is kept (for as long as the program runs): choosing its lesson
/// again shows it as it was left — position, answers, score, breakpoints, speed — rather
/// than a new one (``TraceApp/resume(width:height:)``).
public struct Launcher: TerminalProgram {
    /// One entry of the picker.
    public struct Entry: Sendable {
        /// The lesson file.
        public let path: String
        /// Its number ("02"), from the file name.
        public let number: String
        /// Its title.
        public let title: String
        /// Its one-sentence summary (or how to find its error).
        public let summary: String
    }

    /// What is on the screen.
    enum Screen {
        /// The picker, with the highlighted entry.
        case picker(selected: Int)
        /// A lesson's trace screen.
        case trace(TraceApp)
    }

    /// The picker's lessons.
    let entries: [Entry]
    /// What is on the screen.
    var screen: Screen
    /// The terminal's size, passed on to a trace screen when it opens.
    var width = 80, height = 24
    /// Why the chosen lesson could not be opened.
    var problem: String?
    /// The trace screens left with `q`, by their lesson file (``canonicalPath(_:)``): shown
    /// again as they were when their lesson is chosen again.
    var left: [String: TraceApp] = [:]

    /// A picker over lesson files (shown by number, title and summary).
    public init(lessonPaths: [String]) {
        entries = lessonPaths.map { path in
            let name = LessonName.of(path)
            let number = String(name.prefix { $0.isNumber })
            if let lesson = try? Lesson.load(path: path) {
                return Entry(path: path, number: number, title: lesson.title, summary: lesson.summary)
            }
            return Entry(path: path, number: number, title: name, summary: "(this lesson has an error: run `deltatrace check` on it)")
        }
        screen = .picker(selected: 0)
    }

    /// Straight to the trace screen; `q` comes back to a picker over `lessonPaths` (none:
    /// `q` quits).
    public init(app: TraceApp, lessonPaths: [String] = []) {
        self.init(lessonPaths: lessonPaths)
        screen = .trace(app)
    }

    /// The picker's entry of a lesson file, if it lists it.
    func entry(of file: String) -> Int? {
        let wanted = Launcher.canonicalPath(file)
        return entries.firstIndex { Launcher.canonicalPath($0.path) == wanted }
    }

    /// A path made absolute (from the current directory) and standardized, to compare.
    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Ticks while the trace screen wants them, and while it watches its lesson file for
    /// saves (``TraceApp/watchesLessonFile``).
    public var wantsTicks: Bool {
        if case .trace(let app) = screen { return app.wantsTicks || app.watchesLessonFile }
        return false
    }

    /// Every 100 ms while the trace screen runs or trains; every second while it only
    /// watches its lesson file (a save shows within a second, and an idle screen costs
    /// almost nothing).
    public var tickInterval: Duration {
        if case .trace(let app) = screen, app.wantsTicks { return .milliseconds(100) }
        return .seconds(1)
    }

    /// Picker keys, or the trace screen's events.
    public mutating func handle(_ event: Event) -> Bool {
        if case .resize(let w, let h) = event { width = w; height = h }
        switch screen {
        case .trace(var app):
            let goOn = app.handle(event)
            screen = .trace(app)
            if !goOn && app.control.leavesToLessons && !entries.isEmpty {
                problem = nil
                left[Launcher.canonicalPath(app.lesson.file)] = app
                screen = .picker(selected: entry(of: app.lesson.file) ?? 0)
                return true
            }
            return goOn
        case .picker(let selected):
            guard case .key(let key) = event else { return true }
            switch key {
            case .down, .character("j"): screen = .picker(selected: min(selected + 1, entries.count - 1))
            case .up, .character("k"): screen = .picker(selected: max(selected - 1, 0))
            case .character(let c) where c.isNumber:
                if let k = entries.firstIndex(where: { Int($0.number) == Int(String(c)) }) { screen = .picker(selected: k) }
            case .enter, .right, .character(" "), .character("l"):
                guard entries.indices.contains(selected) else { return true }
                if var app = left[Launcher.canonicalPath(entries[selected].path)] {
                    app.resume(width: width, height: height)
                    screen = .trace(app)
                    return true
                }
                do {
                    var app = try TraceApp(lesson: try Lesson.load(path: entries[selected].path))
                    _ = app.handle(.resize(width: width, height: height))
                    screen = .trace(app)
                } catch {
                    problem = "\(error)"
                }
            case .character("q"), .escape, .interrupt: return false
            default: break
            }
            return true
        }
    }

    /// Draws the picker or the trace screen.
    public func render(into canvas: inout Canvas) {
        switch screen {
        case .trace(let app): app.render(into: &canvas)
        case .picker(let selected):
            canvas.fill(canvas.bounds)
            canvas.fill(Rect(x: 0, y: 0, width: canvas.width, height: 1), style: Theme.title)
            canvas.put(" DeltaTrace · choose a lesson", x: 0, y: 0, style: Theme.title)
            let inner = canvas.box(Rect(x: 0, y: 1, width: canvas.width, height: canvas.height - 2), title: "Lessons")
            var y = inner.y
            for (k, entry) in entries.enumerated() where y + 1 < inner.maxY {
                let style = k == selected ? Theme.focused : Theme.key
                canvas.put(" \(entry.number.leftPadded(2))  \(entry.title) ".padded(inner.width), x: inner.x, y: y, style: style, clip: inner)
                for line in wrap(entry.summary, width: inner.width - 6) where y + 1 < inner.maxY {
                    y += 1
                    canvas.put("     " + line, x: inner.x, y: y, style: Theme.label, clip: inner)
                }
                y += 2
            }
            if entries.isEmpty { canvas.put("No lessons found.", x: inner.x, y: inner.y, style: Theme.warning) }
            if let problem { canvas.put(problem, x: inner.x, y: inner.maxY - 1, style: Theme.bad, clip: inner) }
            canvas.put(" ↑/↓ choose · Enter open · q quit", x: 0, y: canvas.height - 1, style: Theme.label)
        }
    }
}
