import DeltaCore
import DeltaLessons
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

/// The screen draws inputs that are an image as a picture of the lesson's shape, and names an
/// example of expanded data by its data row and how it was made.
@Suite struct ExpansionScreenTests {
    /// The first 20 digits, each followed by its four shifts, five examples an update.
    static let digits = """
        title: Shifted digits
        summary: Twenty digits and their shifts.
        network: {layers: [64, 10, 10], hidden: sigmoid, output: softmax, cost: log-likelihood}
        data:
          file: ../datasets/digits-8x8.csv
          class: digit
          scale: 0.0625
          rows: 20
          image: [8, 8]
          expand: {shifts: true}
        train: {eta: 0.5, batch: 5, epochs: 1}
        """

    /// The top-left corner of the picture's header ("x 8×8") on a screen.
    func pictureCorner(_ shown: Canvas, header: String) throws -> (x: Int, y: Int) {
        let y = try #require(shown.lines.firstIndex { $0.contains(header) }, "\(shown.text)")
        let line = Array(shown.lines[y]), wanted = Array(header)
        let x = try #require(line.indices.first { k in k + wanted.count <= line.count && Array(line[k..<k + wanted.count]) == wanted })
        return (x, y)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func eachCopyIsDrawnAndCaptionedByItsRowAndShift(size: (width: Int, height: Int)) throws {
        var app = try TraceApp(lesson: try inlineLesson(ExpansionScreenTests.digits))
        let names = ["original", "shifted up", "shifted down", "shifted left", "shifted right"]
        for m in 1...5 {
            app.go("1 1 \(m) ff l1")
            let trace = app.leader.shown.trace
            #expect(trace.exampleIndices[m - 1] == m - 1)
            let shown = canvas(app, width: size.width, height: size.height)
            let (x0, y0) = try pictureCorner(shown, header: "x 8×8")
            let pixels = (0..<64).map { trace.x(m, $0) }
            for r in 0..<8 {
                for c in 0..<8 {
                    let expected = DigitImage.shade(pixels[r * 8 + c], low: pixels.min()!, high: pixels.max()!)
                    #expect(shown[x0 + c, y0 + 1 + r].character == expected, "example \(m), pixel \(r),\(c)")
                }
            }
            // The caption: the data row (0: the file's first digit), then the change.
            let caption = (0..<3).map { k in String(shown.lines[y0 + 9 + k].dropFirst(x0).prefix(9)).trimmingCharacters(in: .whitespaces) }
            let words = names[m - 1].split(separator: " ").map(String.init)
            #expect(caption[0] == "row 0" && Array(caption[1...]).prefix(words.count) == ArraySlice(words == ["original"] ? ["original"] : words),
                    "\(caption)\n\(shown.text)")
            // The title names the example alone: the caption says the rest.
            #expect(shown.text.contains("example \(m)/5") && !shown.text.contains("example \(m)/5: row"))
        }
        // Shifted right, the left column is blank (the background brought in).
        let trace = app.leader.shown.trace
        #expect((0..<8).allSatisfy { trace.x(5, $0 * 8) == 0 })
        #expect((0..<64).filter { $0 % 8 != 0 }.allSatisfy { trace.x(5, $0) == trace.x(1, $0 - 1) })
    }

    @Test func aDeclaredShapeIsDrawnAsDeclared() throws {
        // Twelve inputs are no square; `image: [3, 4]` makes them a picture of 3 rows of 4.
        let inputs = (0..<2).map { k in "[" + (0..<12).map { String(($0 + k) % 5) }.joined(separator: ", ") + "]" }
        let app = try TraceApp(lesson: try inlineLesson("""
            title: A small image
            summary: Two 3×4 images.
            network: {layers: [12, 2], output: sigmoid, cost: quadratic}
            data:
              inputs: [\(inputs.joined(separator: ", "))]
              targets: [[1, 0], [0, 1]]
              image: [3, 4]
            train: {eta: 0.5, epochs: 1}
            """))
        let shown = canvas(app)
        let (x0, y0) = try pictureCorner(shown, header: "x 3×4")
        let trace = app.leader.shown.trace
        let pixels = (0..<12).map { trace.x(1, $0) }
        for r in 0..<3 {
            for c in 0..<4 {
                #expect(shown[x0 + c, y0 + 1 + r].character == DigitImage.shade(pixels[r * 4 + c], low: 0, high: 4), "pixel \(r),\(c)")
            }
        }
        // Without `image`, the same inputs are numbers.
        let plain = try TraceApp(lesson: try inlineLesson("""
            title: Numbers
            summary: Two rows of 12.
            network: {layers: [12, 2], output: sigmoid, cost: quadratic}
            data:
              inputs: [\(inputs.joined(separator: ", "))]
              targets: [[1, 0], [0, 1]]
            train: {eta: 0.5, epochs: 1}
            """))
        #expect(!screen(plain).contains("x 3×4") && screen(plain).contains("x₁₂"))
    }

    @Test func withoutAPictureALineNamesTheRowAndTheCopy() throws {
        var app = try TraceApp(lesson: try inlineLesson("""
            title: Noisy points
            summary: Two points and a noisy copy of each.
            network: {layers: [2, 1], output: sigmoid, cost: quadratic}
            data:
              inputs: [[0.5, 1.0], [1.0, 0.5]]
              targets: [[1], [0]]
              expand: {noise: 0.05}
            train: {eta: 0.5, batch: 4, epochs: 1}
            """))
        app.go("1 1 4 ff l1")
        let shown = screen(app)
        // The network's box is too narrow for it in the title: a line at its bottom says it.
        #expect(shown.contains("example 4: row 1, noisy copy 1"), "\(shown)")
        // The copy's inputs are its row's plus a little noise.
        let trace = app.leader.shown.trace
        #expect(abs(trace.x(4, 0) - 1.0) < 0.25 && abs(trace.x(4, 1) - 0.5) < 0.25 && trace.x(4, 0) != 1.0)
        app.go("1 1 3 ff l1")
        // Row 1 itself: the title has room for it.
        #expect(screen(app).contains("example 3/4: row 1 ─") && !screen(app).contains("example 3: row"), "\(screen(app))")
    }
}
