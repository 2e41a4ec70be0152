import DeltaCore
import DeltaLessons
import Foundation
import Testing
@testable import DeltaTUI

/// Beats and questions belong to the runs they are written for: a variant shown alone is
/// told what it is, and is not asked the lesson's questions or told the lesson's narration.
@Suite struct RunIdentityTests {
    @Test func lesson3sCrossEntropyVariantIsNotAskedAboutMSE() throws {
        let l3 = try lesson("03-mse-vs-cross-entropy.yaml")
        var app = try TraceApp(lesson: l3, variants: ["cross-entropy"])
        #expect(app.leader.identity == .variant("cross-entropy") && app.prompt == nil)
        app.tap(.right)
        #expect(app.leader.shown.position.step == .outputError(example: 1))
        #expect(app.prompt == nil && app.questionsHere.isEmpty)
        let shown = screen(app)
        #expect(!shown.contains("Under MSE") && !shown.contains("Question"))
        app.finishTraining()
        #expect(screen(app, width: 120, height: 40).hasPrefix(" DeltaTrace · 03-mse-vs-cross-entropy · MSE vs cross-entropy, in lockstep · variant cross-entropy\n"))
        #expect(screen(app).hasPrefix(" DeltaTrace · 03-mse-vs-cross-entropy · variant cross-entropy\n"))
        // Its own δ, shown: the question no longer hides it.
        #expect(shown.contains("= 0.98201379"))
        #expect(text(of: canvas(app), in: Rect(x: 0, y: 17, width: 80, height: 6))
            .contains("Variant cross-entropy of this lesson (cost: cross-entropy). The lesson's questions are written for the lesson itself."))  // one beat is written for it
    }

    @Test func lesson2sCrossEntropyVariantIsNotToldItLearnsSlowly() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"), variants: ["cross-entropy"])
        #expect(app.prompt == nil)
        for _ in 0..<3 {
            let shown = text(of: canvas(app, width: 120, height: 40), in: Rect(x: 0, y: 0, width: 120, height: 40))
            #expect(!shown.contains("why this neuron learns so slowly") && !shown.contains("w = 2 and b = 2 give z = 4"))
            #expect(shown.contains("Variant cross-entropy of this lesson (cost: cross-entropy). The lesson's narration and questions are written for the lesson itself."))
            #expect(!shown.lowercased().contains("slow"), "\(app.leader.shown.position): \(shown)")
            app.tap(.right)
        }
        // The lesson itself still hears its own words.
        var lessonApp = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        lessonApp.tap(.escape, .right, .escape)
        #expect(screen(lessonApp).contains("tiny number is why this neuron learns so slowly"))
    }

    @Test func contendersAreTheLessonItsVariantsOrAdHoc() throws {
        let l2 = try lesson("02-saturated-neuron.yaml")
        let crossEntropy = try l2.settings(variant: "cross-entropy")
        let changed = try l2.settings(variant: nil, changing: [("eta", "0.5")], source: "--vary")
        let app = try TraceApp(lesson: l2, contenders: [("lesson", l2.settings), ("cross-entropy", crossEntropy), ("eta=0.5", changed)])
        #expect(app.panes.map(\.identity) == [.lesson, .variant("cross-entropy"), .adHoc("eta=0.5")])
        // A name alone does not make a variant: other settings under its name are ad hoc.
        #expect(RunIdentity.of("cross-entropy", settings: changed, in: l2) == .adHoc("cross-entropy"))
        #expect(RunIdentity.adHoc("eta=0.5").beats(in: l2).isEmpty && RunIdentity.adHoc("eta=0.5").questions(in: l2).isEmpty)
    }

    @Test func adHocRunsAskNothing() throws {
        let l2 = try lesson("02-saturated-neuron.yaml")
        let slow = try l2.settings(variant: nil, changing: [("eta", "0.15")], source: "--vary")
        let fast = try l2.settings(variant: nil, changing: [("eta", "1.5")], source: "--vary")
        var app = try TraceApp(lesson: l2, contenders: [("eta=0.15", slow), ("eta=1.5", fast)])
        #expect(app.prompt == nil)
        app.tap(.right)
        #expect(app.prompt == nil)
        let shown = text(of: canvas(app, width: 120, height: 40), in: Rect(x: 0, y: 0, width: 120, height: 40))
        #expect(shown.contains("compare: eta=0.15 vs eta=1.5"))
        #expect(shown.contains("Runs of this lesson with settings given on the command line, each named in its pane's title. The lesson's narration and questions are written for the lesson itself."))
        #expect(!shown.contains("tiny number is why"))
    }
}
