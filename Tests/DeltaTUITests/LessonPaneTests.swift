import DeltaCore
import DeltaLessons
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

extension TraceApp {
    /// Moves the leader to a position as a move by key would (the others follow, the step's
    /// question is asked).
    mutating func arrive(at position: TracePosition) {
        let before = leader.shown.position
        precondition(leader.cursor.seek(to: position), "the run reaches \(position)")
        arrive(forward: true, from: before)
    }
}

/// The rectangle inside the lesson's box on a rendered screen (found by its top border).
func lessonBoxInside(_ canvas: Canvas) -> Rect? {
    guard let top = canvas.lines.firstIndex(where: { $0.hasPrefix("┌─ Lesson") }) else { return nil }
    var bottom = top + 1
    while bottom < canvas.height && canvas[0, bottom].character != "└" { bottom += 1 }
    return Rect(x: 1, y: top + 1, width: canvas.width - 2, height: bottom - top - 1)
}

/// Everything the lesson's box says, read page by page with PgDn as a student would (each
/// line once, in order, joined as `text(of:in:)` joins rows), and the number of pages.
func wholeLessonBox(_ app: TraceApp, width: Int, height: Int) -> (text: String, pages: Int) {
    var app = app
    _ = app.handle(.resize(width: width, height: height))
    var lines: [Int: String] = [:], pages = 0
    while true {
        var canvas = Canvas(width: width, height: height)
        app.render(into: &canvas)
        pages += 1
        guard let inside = lessonBoxInside(canvas) else { return ("", pages) }
        let first = app.lessonPane.firstLine(lineCount: app.lessonBoxMetrics(width: width, height: height).lines, rows: inside.height)
        for row in 0..<inside.height {
            lines[first + row] = text(of: canvas, in: Rect(x: inside.x, y: inside.y + row, width: inside.width, height: 1))
        }
        let bottomBorder = canvas.lines[inside.maxY]
        let before = app.lessonScroll
        app.tap(.pageDown)
        if !bottomBorder.contains("↓ more, PgDn") || app.lessonScroll == before || pages > 50 { break }
    }
    let joined = lines.keys.sorted().map { lines[$0]! }.joined(separator: " ")
    return (joined.split(separator: " ").joined(separator: " "), pages)
}

/// Whitespace made single spaces, as `text(of:in:)` gives it.
func normalized(_ text: String) -> String {
    text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// The lesson's box sizes itself to its text, scrolls with PgUp/PgDn, and nothing a lesson
/// says is out of reach at 80×24.
@Suite struct LessonPaneTests {
    static let lessons = ["01-one-neuron.yaml", "02-saturated-neuron.yaml", "03-mse-vs-cross-entropy.yaml", "04-backprop-2-2-2.yaml", "05-minibatches.yaml",
                          "06-initialising-weights.yaml", "07-softmax-log-likelihood.yaml", "08-sigmoid-vs-softmax.yaml", "09-holdout.yaml", "10-cross-validation.yaml",
                          "11-overfitting-and-l2.yaml", "12-l1-vs-l2.yaml", "13-dropout.yaml", "14-expanding-data.yaml", "15-learning-rate.yaml"]

    @Test(arguments: lessons) func everyBeatIsReachableAt80x24WithItsQuestionWaiting(_ name: String) throws {
        let l = try lesson(name)
        // Each beat in the run it is written for: the lesson's, or a variant's.
        for beat in l.beats {
            let variant = RunIdentity.lesson.beats(in: l).contains(beat) ? nil : l.variants.map(\.name).first { RunIdentity.variant($0).beats(in: l).contains(beat) }
            var app = try TraceApp(lesson: l, variants: [variant])
            app.arrive(at: beat.at.position)
            let whole = wholeLessonBox(app, width: 80, height: 24)
            #expect(whole.text.contains(normalized(beat.text)), "\(name) \(StepText.position(beat.at.position)): \(whole.text)")
            // The question asked here is on the first page with the narration.
            if case .answer(let q, _)? = app.prompt {
                let first = try #require(lessonBoxInside(canvas(app)).map { text(of: canvas(app), in: $0) })
                #expect(first.contains(normalized(l.questions[q].ask)), "\(name): \(first)")
            }
            // Answered (wrong, so with the verdict), the explanation and the beat are both reachable.
            while case .answer? = app.prompt { app.type("12345"); app.tap(.enter) }
            let answered = wholeLessonBox(app, width: 80, height: 24).text
            #expect(answered.contains(normalized(beat.text)), "\(name): \(answered)")
            for q in app.questionsHere {
                #expect(answered.contains("✗ Not quite"), "\(name)")
                if let explain = l.questions[q].explain { #expect(answered.contains(normalized(explain)), "\(name): \(answered)") }
            }
        }
    }

    @Test func theBoxIsAsTallAsItsTextUpToAThirdOfTheScreen() throws {
        // Lesson 1's first step: the question, the answer line and three lines of narration.
        let app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        #expect(app.lessonPane.lines(width: 78).count == 5)
        #expect(app.lessonPaneHeight(width: 80, height: 24) == 7)
        let shown = canvas(app)
        #expect(shown.lines[16].hasPrefix("┌─ Lesson · a question for you"))
        // The whole first beat is on the screen, not cut mid-sentence.
        #expect(text(of: shown, in: try #require(lessonBoxInside(shown)))
            .contains("sigmoid, a = σ(z) = 1/(1 + e^−z). The target is y = 1, so a should move up."))
        // Both answered (wrong), the verdicts, explanations and narration are 7 lines, more
        // than the 6 the box may take while the main area keeps 13 rows; but lesson 1's network
        // and equations leave rows of it empty, so the box takes one and shows all 7. At
        // 160×48 all of it shows too.
        var answered = app
        answered.type("1"); answered.tap(.enter)
        answered.type("1"); answered.tap(.enter)
        #expect(answered.lessonPane.lines(width: 78).count == 7)
        #expect(answered.lessonPaneHeight(width: 80, height: 24) == 9)
        let small = canvas(answered)
        #expect(!small.text.contains("↓ more"))
        #expect(text(of: small, in: try #require(lessonBoxInside(small))).contains("The target is y = 1, so a should move up."))
        // The network and the equations are still drawn in full above it.
        #expect(small.text.contains("= 0.72111518") && small.text.contains("w₁,ᵢ,₁ into ●₁,₁"))
        #expect(answered.lessonPaneHeight(width: 160, height: 48) == answered.lessonPane.lines(width: 158).count + 2)
        #expect(!screen(answered, width: 160, height: 48).contains("↓ more"))
        // In the tables view no rows are given: the box keeps its 6 lines and scrolls.
        answered.tap(.tab, .tab)
        #expect(answered.view == .tables && answered.lessonPaneHeight(width: 80, height: 24) == 8)
        #expect(canvas(answered).lines[22].contains("↓ more, PgDn"))
        // The smallest screen keeps 4 lines.
        #expect(answered.lessonPaneHeight(width: 64, height: 18) == 6)
    }

    @Test func pageDownAndUpScrollAndAnyOtherKeyComesBackToTheTop() throws {
        // Lesson 1's first step at 64×18: its question, the answer line and the first beat are
        // more lines than the box's rows.
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        _ = app.handle(.resize(width: 64, height: 18))
        let (lines, rows) = app.lessonBoxMetrics(width: 64, height: 18)
        #expect(lines > rows && rows >= 4)
        let top = 18 - 1 - (rows + 2), bottom = 16  // the box's borders
        #expect(canvas(app, width: 64, height: 18).lines[bottom].contains("↓ more, PgDn"))
        app.tap(.pageDown)
        #expect(app.lessonScroll == min(rows - 1, lines - rows))  // a page, one row kept for context
        let scrolled = canvas(app, width: 64, height: 18)
        #expect(scrolled.lines[top].contains("↑ more, PgUp"))
        #expect(scrolled.lines[bottom].contains("↓ more, PgDn") == (app.lessonScroll < lines - rows))
        for _ in 0..<10 { app.tap(.pageDown) }
        #expect(app.lessonScroll == lines - rows)
        #expect(!canvas(app, width: 64, height: 18).lines[bottom].contains("↓ more"))
        app.tap(.pageUp)
        #expect(app.lessonScroll == max(0, lines - rows - (rows - 1)))
        // Any other key brings the box back to its top.
        app.tap(.character("j"))
        #expect(app.lessonScroll == 0)
    }
}
