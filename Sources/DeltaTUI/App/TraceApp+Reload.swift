import DeltaCore
import DeltaLessons
import DeltaText

/// Live reload: the lesson file watched on ticks and loaded again when saved.
extension TraceApp {
    // MARK: Live reload

    /// On a tick: when the lesson file was saved since it was loaded, loads it again and
    /// reopens the screen on the same runs at the same position (keeping the view, focus,
    /// breakpoints and answers); when the saved file has an error, keeps the last good
    /// lesson and shows the located error until the file is fixed.
    ///
    /// The lesson and its variants are read from the edited file; a run of settings given on
    /// the command line (`compare --vary`) keeps the settings it was opened with. A run whose
    /// variant the edit removed is closed (the lesson itself is shown when none is left).
    mutating func reloadIfEdited() {
        guard let stamp = control.lessonStamp, let now = LessonFileStamp(path: lesson.file), now != stamp else { return }
        control.lessonStamp = now
        do {
            let edited = try Lesson.load(path: lesson.file)
            var runs: [(identity: RunIdentity, settings: Settings)] = []
            for pane in panes {
                switch pane.identity {
                case .lesson: runs.append((.lesson, edited.settings))
                case .variant(let name):
                    if let settings = try? edited.settings(variant: name) { runs.append((.variant(name), settings)) }
                case .adHoc: runs.append((pane.identity, pane.settings))
                }
            }
            if runs.isEmpty { runs = [(.lesson, edited.settings)] }
            var app = try TraceApp(lesson: edited, runs: runs)
            let kept = app.takeOver(from: self)
            app.control.lessonStamp = now
            app.control.reloadProblem = nil
            app.running = false
            app.message = "reloaded \(LessonName.of(lesson.file))" + (kept ? "" : ": \(StepText.position(leader.shown.position)) is not in the edited lesson, so it starts at its first step")
            self = app
        } catch {
            control.reloadProblem = "\(error)"
        }
    }
}
