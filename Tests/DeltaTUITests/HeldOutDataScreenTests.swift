import DeltaCore
import DeltaLessons
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

/// The screen trains on the training rows and shows the validation rows' cost, and nothing
/// of the test rows; it says the inputs are standardised exactly when every run shown has
/// them standardised.
@Suite struct HeldOutDataScreenTests {
    /// Twelve rows, two held out for validation and two kept apart for the final check.
    static func twelve(standardize: Bool = true, variants: String = "") -> String {
        """
        title: Twelve rows
        summary: A noisy threshold.
        network: {layers: [2, 2, 1], cost: cross-entropy}
        data:
          inputs: [[0, 1], [1, 3], [2, 2], [3, 7], [4, 4], [5, 9], [6, 5], [7, 12], [8, 8], [9, 15], [10, 9], [11, 20]]
          targets: [[0], [0], [0], [1], [0], [1], [0], [1], [1], [1], [1], [1]]
          holdout: 2
          test: 2
          standardize: \(standardize)
        train: {eta: 2, batch: 2, epochs: 6, shuffle: true}
        """ + variants
    }

    @Test func theTestRowsAreNeverTrainedOnNorShown() throws {
        let lesson = try inlineLesson(Self.twelve())
        let test = try #require(lesson.test)
        var app = try TraceApp(lesson: lesson)
        app.finishTraining()
        for pane in app.panes {
            // The run trains on the 8 training rows and is judged each epoch on the 2 validation rows.
            #expect(pane.run.training == lesson.training && pane.run.training.count == 8)
            #expect(pane.run.validation == lesson.validation && pane.run.validation?.count == 2)
        }
        // The test, evaluated as `run --test` does: its numbers appear nowhere on the screen.
        let evaluation = try #require(try lesson.evaluateTest(of: try lesson.makeRun(), settings: lesson.settings))
        #expect(evaluation.count == test.count)
        app.go("6 4 1 gd l1")
        #expect(app.leader.shown.isAtEnd)
        var shown = [screen(app), screen(app, width: 160, height: 48)]
        app.tap(.character("c"))
        shown += [screen(app), screen(app, width: 160, height: 48)]
        for text in shown {
            #expect(!text.replacingOccurrences(of: "inline-test", with: "").lowercased().contains("test"), "\(text)")
            for digits in 3...6 {
                #expect(!text.contains(NumberText.format(evaluation.cost, digits: digits)), "\(digits) digits")
                #expect(!text.contains(NumberText.fixed(evaluation.cost, decimals: digits)), "\(digits) decimals")
            }
        }
        // The chart does show the validation cost, which is not the test's.
        #expect(shown[2].contains("validation"))
    }

    @Test func theTitleSaysTheInputsAreStandardisedOnlyWhenTheyAre() throws {
        let note = "x standardised by the training split's mean and sd"
        var scaled = try TraceApp(lesson: try inlineLesson(Self.twelve()))
        scaled.finishTraining()
        let top = String(screen(scaled).split(separator: "\n").first ?? "")
        #expect(top.contains(note), "\(top)")
        #expect(screen(scaled, width: 160, height: 48).split(separator: "\n").first?.contains("Twelve rows · " + note) == true)
        // The x₁ the screen shows is (x − μ)/s with μ and s of the 8 training rows: row r has
        // x₁ = r as written, so μ₁ is the mean of the training rows' numbers.
        let lesson = try inlineLesson(Self.twelve())
        let sets = lesson.datasets(for: lesson.settings), s = try #require(sets.standardization)
        #expect(s.means[0] == Double(sets.trainingRows.reduce(0, +)) / 8)
        let shownX = scaled.leader.shown.trace.x(1, 0)
        let row = shownX * s.deviations[0] + s.means[0]
        #expect(abs(row - row.rounded()) < 1e-9 && sets.trainingRows.contains(Int(row.rounded())))

        let plain = try TraceApp(lesson: try inlineLesson(Self.twelve(standardize: false)))
        #expect(!screen(plain).contains("standardised") && !screen(plain, width: 160, height: 48).contains("standardised"))
        // Side by side with a run that sees the inputs as written, the note would be false for it.
        let mixed = try inlineLesson(Self.twelve(variants: "\nvariants:\n  - {name: raw, standardize: false}"))
        let both = try TraceApp(lesson: mixed, contenders: [("lesson", mixed.settings), ("raw", try mixed.settings(variant: "raw"))])
        #expect(!screen(both, width: 160, height: 48).contains("standardised"))
        let alone = try TraceApp(lesson: mixed, variants: ["raw"])
        #expect(!screen(alone, width: 160, height: 48).contains("standardised"))
    }
}
