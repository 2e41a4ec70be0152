import DeltaCore
import DeltaLessons
import Foundation
@testable import DeltaTUI

/// The package's lessons folder.
let lessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("lessons")

/// A bundled lesson.
func lesson(_ name: String) throws -> Lesson {
    try Lesson.load(path: lessonsFolder.appendingPathComponent(name).path)
}

/// A lesson written in a test (its data inline, or a file relative to the lessons folder).
func inlineLesson(_ text: String) throws -> Lesson {
    try Lesson.parse(text, file: lessonsFolder.appendingPathComponent("inline-test.yaml").path)
}

/// The app drawn at a size.
func canvas(_ app: TraceApp, width: Int = 80, height: Int = 24) -> Canvas {
    var app = app
    _ = app.handle(.resize(width: width, height: height))
    var canvas = Canvas(width: width, height: height)
    app.render(into: &canvas)
    return canvas
}

/// Renders the app at a size and returns the screen's text.
func screen(_ app: TraceApp, width: Int = 80, height: Int = 24) -> String {
    canvas(app, width: width, height: height).text
}

/// The text inside a rectangle of a canvas, its rows joined and every run of spaces and box
/// borders made one space, so that a sentence wrapped over several rows reads as one.
func text(of canvas: Canvas, in rect: Rect) -> String {
    var rows: [String] = []
    for y in rect.y..<min(rect.maxY, canvas.height) {
        rows.append(String((rect.x..<min(rect.maxX, canvas.width)).map { canvas[$0, y].character }))
    }
    return rows.joined(separator: " ").replacingOccurrences(of: "│", with: " ")
        .split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
}

extension TraceApp {
    /// Presses keys one after another (what the program's `handle` would get).
    mutating func tap(_ keys: Key...) {
        for key in keys { _ = handle(.key(key)) }
    }

    /// Types text, one character at a time.
    mutating func type(_ text: String) {
        for c in text { _ = handle(.key(.character(c))) }
    }

    /// Ticks until every run has trained to its end (each tick trains at least one update of
    /// each unfinished run, so this ends however slow the machine is).
    mutating func finishTraining() {
        var ticks = 0
        while isTraining && ticks < 1_000_000 {
            _ = handle(.tick)
            ticks += 1
        }
    }

    /// Ticks until a run started with `r` stops.
    mutating func runUntilStopped() {
        var ticks = 0
        while running && ticks < 100_000 {
            _ = handle(.tick)
            ticks += 1
        }
    }
}

/// The text of the box right of the network (or tables) in a single-run screen: the
/// equations and facts, down to the bottom of the box.
func equationPanelText(_ canvas: Canvas) -> String {
    let row = (0..<canvas.width).map { canvas[$0, 2].character }
    guard let join = (1..<row.count).first(where: { row[$0 - 1] == "┐" && row[$0] == "┌" }) else { return "" }
    var bottom = 3
    while bottom < canvas.height && canvas[join, bottom].character != "└" { bottom += 1 }
    return text(of: canvas, in: Rect(x: join, y: 2, width: canvas.width - join, height: bottom - 1))
}
