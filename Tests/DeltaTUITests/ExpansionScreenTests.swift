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
    func eachCopyIsDrawnAndNamedByItsRowAndShift(size: (width: Int, height: Int)) throws {
        var app = try TraceApp(lesson: try inlineLesson(ExpansionScreenTests.digits))
        let names = ["row 0", "row 0, shifted up", "row 0, shifted down", "row 0, shifted left", "row 0, shifted right"]
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
            // The network's title names the example's data row (0: the file's first digit) and change.
            #expect(shown.text.contains("example \(m)/5: \(names[m - 1]) "), "\(shown.text)")
        }
        // Shifted right, the left column is blank (the background brought in).
        let trace = app.leader.shown.trace
        #expect((0..<8).allSatisfy { trace.x(5, $0 * 8) == 0 })
        #expect((0..<64).filter { $0 % 8 != 0 }.allSatisfy { trace.x(5, $0) == trace.x(1, $0 - 1) })
    }

    @Test func aNarrowTitleKeepsTheRowAndTheChange() throws {
        var app = try TraceApp(lesson: try inlineLesson(ExpansionScreenTests.digits))
        app.go("1 1 5 ff l1")
        let shown = app.leader.shown
        var view = NetworkView(trace: shown.trace, step: shown.position.step, hidden: false, focus: shown.target(focus: app.focus))
        view.image = app.lesson.image
        // A long name: example 5 as data row 1234 turned −10°.
        var origins = try #require(app.leader.run.training.origins)
        origins[4] = ExampleOrigin(row: 1234, copy: 5, transform: .rotation(degrees: -10))
        view.origins = origins
        for (width, title) in [(62, "┌─ Network 64-10-10 · example 5/5: row 1234, rotated −10° ─"), (52, "┌─ 64-10-10 · example 5/5: row 1234, rotated −10° ─"),
                               (41, "┌─ example 5/5: row 1234, rotated −10° ─"), (38, "┌─ example 5: row 1234, rotated −10° ┐"),
                               (30, "┌─ row 1234, rotated −10° ─")] {
            var drawn = Canvas(width: width, height: 22)
            view.draw(into: &drawn, rect: drawn.bounds)
            #expect(drawn.lines[0].hasPrefix(title), "\(width): \(drawn.lines[0])")
        }
        // Without origins (data that is not expanded), the title is as it was.
        view.origins = nil
        var plain = Canvas(width: 60, height: 22)
        view.draw(into: &plain, rect: plain.bounds)
        #expect(plain.lines[0].hasPrefix("┌─ Network 64-10-10 · example 5/5 ─"), "\(plain.lines[0])")
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

    @Test func aCopyOfNumericDataIsNamedToo() throws {
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
        // The network's box is narrow: its title keeps the row and the copy.
        let shown = screen(app)
        #expect(shown.contains("┌─ row 1, noisy copy 1 ─"), "\(shown)")
        // The copy's inputs are its row's plus a little noise.
        let trace = app.leader.shown.trace
        #expect(abs(trace.x(4, 0) - 1.0) < 0.25 && abs(trace.x(4, 1) - 0.5) < 0.25 && trace.x(4, 0) != 1.0)
        app.go("1 1 3 ff l1")
        #expect(screen(app).contains("example 3/4: row 1 ─"), "\(screen(app))")
    }
}
