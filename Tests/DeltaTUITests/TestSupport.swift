import DeltaCore
import DeltaLessons
import DeltaText
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

/// Lesson 1 copied into a new folder of its own (its data is inline), for a test that edits
/// the file: its path and text. The caller removes the folder.
func copyOfLesson1() throws -> (path: String, text: String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deltatrace-lesson-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("01-one-neuron.yaml").path
    let text = try String(contentsOf: lessonsFolder.appendingPathComponent("01-one-neuron.yaml"), encoding: .utf8)
    try text.write(toFile: path, atomically: false, encoding: .utf8)
    return (path, text)
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

/// The folder of the test fixtures' lessons.
let fixturesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/lessons")

/// A lesson of Tests/Fixtures/lessons (its data paths are relative to it).
func fixtureLesson(_ name: String) throws -> Lesson {
    try Lesson.load(path: fixturesFolder.appendingPathComponent(name).path)
}

/// Whether some row of a canvas has these words one after another, words being the runs of
/// text between spaces and box borders.
func rowHasWords(_ canvas: Canvas, _ words: [String]) -> Bool {
    canvas.lines.contains { line in
        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "│" }).map(String.init)
        return tokens.indices.contains { k in k + words.count <= tokens.count && Array(tokens[k..<k + words.count]) == words }
    }
}

/// What a node's row should show for one value: its number, or a mark.
enum Shown {
    /// The number, as the network view writes it at the row's width.
    case number
    /// A mark in place of the number: "?" (hidden by a question) or "·" (not computed).
    case mark(String)
}

/// Whether the network view shows node j of layer l (l ≥ 1) of example m as a row: its label
/// (●ₗ,ⱼ, or ●j in a narrow view), z, a and δ (each its number in one width of 5 to 9 columns
/// that `NetworkView.number` gives, or a mark), and for an output node its target y.
func showsNode(_ canvas: Canvas, _ trace: UpdateTrace, m: Int, l: Int, j: Int,
               z: Shown = .number, a: Shown = .number, delta: Shown = .number) -> Bool {
    let labels = ["●" + ExprText.subscripted("\(l),\(j + 1)"), "●\(j + 1)"]
    return (5...9).contains { w in
        func text(_ shown: Shown, _ v: Double) -> String {
            if case .mark(let mark) = shown { return mark }
            return NetworkView.number(v, width: w)
        }
        var values = [text(z, trace.z(m, l, j)), text(a, trace.a(m, l, j)), text(delta, trace.delta(m, l, j))]
        if l == trace.network.L { values.append(NetworkView.targetText(trace.y(m, j), width: w)) }
        return labels.contains { rowHasWords(canvas, [$0] + values) }
    }
}

/// Whether the network view shows input x_i of example m (its label and value).
func showsInput(_ canvas: Canvas, _ trace: UpdateTrace, m: Int, i: Int) -> Bool {
    (5...9).contains { w in rowHasWords(canvas, ["x" + ExprText.subscripted("\(i + 1)"), NetworkView.targetText(trace.x(m, i), width: w)]) }
}

/// The network's box on a single-run screen (from the top left corner of the main area).
func networkBox(_ canvas: Canvas) -> Rect {
    let right = (0..<canvas.width).first { canvas[$0, 2].character == "┐" } ?? canvas.width - 1
    var bottom = 3
    while bottom < canvas.height && canvas[0, bottom].character != "└" { bottom += 1 }
    return Rect(x: 0, y: 2, width: right + 1, height: bottom - 1)
}

/// The text of a rectangle of a canvas, row by row.
func rows(of canvas: Canvas, in rect: Rect) -> [String] {
    (rect.y..<min(rect.maxY, canvas.height)).map { y in String((rect.x..<min(rect.maxX, canvas.width)).map { canvas[$0, y].character }) }
}

extension TraceApp {
    /// Goes to a position with `g` and skips any question asked there (and any waiting
    /// before, which would take the keys as its answer).
    mutating func go(_ position: String) {
        while case .answer? = prompt { tap(.escape) }
        tap(.character("g"))
        type(position)
        tap(.enter)
        while case .answer? = prompt { tap(.escape) }
    }
}
