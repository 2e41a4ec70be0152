import DeltaCore
import DeltaLessons
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

/// Answering is a mode of its own: a waiting question cannot be lost to a key that meant
/// something else, fractions are numbers, a skipped question comes back, and the end of the
/// lesson keeps the score.
@Suite struct QuestionModeTests {
    @Test func aFractionIsGradedAndADivisionByZeroRefused() throws {
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        app.type("1/0")
        app.tap(.enter)
        // Refused: the question stays open with what was typed, and the box says why.
        #expect(app.prompt == .answer(question: 0, text: "1/0") && app.answers.isEmpty)
        #expect(app.message == "1/0 divides by zero: type another number (Esc skips the question)")
        #expect(screen(app).contains("1/0 divides by zero"))
        app.tap(.backspace, .backspace, .backspace)
        app.type("19/20")
        app.tap(.enter)
        // z = 1.5·0.5 + 0.2 = 0.95 = 19/20.
        #expect(app.answers[0] == TraceApp.Answer(typed: 0.95, correct: true))
        #expect(screen(app).contains("✓ Right: the answer is 0.95; you said 0.95."))
        #expect(app.prompt == .answer(question: 1, text: ""))
    }

    @Test func keysThatAreNotAnAnswerDoNothingButSaySo() throws {
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        app.type("0.9")
        let position = app.leader.shown.position
        for key: Key in [.tab, .backTab, .left, .right, .up, .down, .character("g"), .character("q"), .character("n"),
                         .character("r"), .character("?"), .character("c"), .character("s"), .character(" "), .home] {
            app.message = nil
            let goesOn = app.handle(.key(key))
            #expect(goesOn, "\(key) does not quit")
            #expect(app.prompt == .answer(question: 0, text: "0.9"), "\(key)")
            #expect(app.leader.shown.position == position && app.view == .network && !app.running && !app.showHelp, "\(key)")
            #expect(app.message == "answering the question: type a number, Enter to check, Esc to skip", "\(key)")
        }
        let shown = screen(app)
        #expect(shown.contains("answering the question: type a number, Enter to check, Esc to skip"))
        #expect(shown.contains("Your answer: 0.9█"))
        // The mode is visible: the box's title and the status bar say a question waits.
        #expect(shown.contains("┌─ Lesson · a question for you"))
        #expect(shown.components(separatedBy: "\n").last?.hasPrefix(" answer the question — Esc to skip · Enter check") == true)
        // g 2 Enter no longer goes anywhere: g is refused, 2 is typed.
        app.tap(.backspace, .backspace, .backspace, .character("g"))
        #expect(app.prompt == .answer(question: 0, text: ""))
        // Ctrl-C still quits.
        let goesOn = app.handle(.key(.interrupt))
        #expect(!goesOn)
    }

    @Test func aSkippedQuestionIsAskedAgainWhenTheStudentComesBack() throws {
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        app.tap(.escape, .escape)  // skip z and a
        #expect(app.prompt == nil && app.skipped == [0, 1])
        app.tap(.right)
        #expect(app.prompt == .answer(question: 2, text: ""))
        app.tap(.escape)
        app.tap(.left)
        // Back at the feedforward step: z is asked again, and says so.
        #expect(app.prompt == .answer(question: 0, text: ""))
        #expect(screen(app).contains("Question, asked again: What is z = x·w + b?"))
        app.type("0.95")
        app.tap(.enter)
        #expect(app.skipped == [1, 2] && app.prompt == .answer(question: 1, text: ""))
        app.tap(.escape, .right, .escape, .left)
        // The answered z stays answered (its verdict shows); a is asked again.
        #expect(app.prompt == .answer(question: 1, text: ""))
        #expect(screen(app).contains("✓ Right: the answer is 0.95; you said 0.95."))
        // A go-to to the step asks it again too.
        app.tap(.escape)
        app.tap(.character("e"), .character("g"))
        app.type("1 1 1 oe")
        app.tap(.enter)
        #expect(app.prompt == .answer(question: 2, text: ""))
        // And so does a run that passes it.
        app.tap(.escape, .character("E"))
        #expect(app.prompt == .answer(question: 1, text: ""))
        app.tap(.escape, .character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.position.step == .outputError(example: 1) && app.prompt == .answer(question: 2, text: ""))
    }

    @Test func theEndOfTheLessonKeepsTheScoreAndAsksTheSkippedOnesAgain() throws {
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        app.type("0.95"); app.tap(.enter)     // z: right
        app.type("0.5"); app.tap(.enter)      // a = 0.7211: wrong
        app.tap(.right, .escape)              // δ: skipped
        app.tap(.right)
        app.type("0.5841"); app.tap(.enter)   // w after = 0.5 − 1.5·(−0.0561): right
        #expect(app.answers[3]?.correct == true)
        // Lesson 1 is 60 steps: go to the last.
        app.tap(.character("g"))
        app.type("20 1 1 gd")
        app.tap(.enter)
        #expect(app.leader.shown.isAtEnd && app.leader.shown.index == 59)
        #expect(app.score.right == [0, 3] && app.score.wrong == [1] && app.score.skipped == [2])
        let box = wholeLessonBox(app, width: 80, height: 24).text
        #expect(box.contains("this is the end of the run: trained all 20 epochs"))
        #expect(box.contains("Score: 2 right · 1 wrong · 1 skipped, of 4 questions."))
        #expect(box.contains("✓ right at epoch 1, update 1, example 1, feedforward l=1: What is z = x·w + b?"))
        #expect(box.contains("✓ right at epoch 1, update 1, gradient descent l=1: What is the new weight w − η·x·δ?"))
        #expect(box.contains("✗ wrong at epoch 1, update 1, example 1, feedforward l=1: What is the output a = σ(z)?"))
        #expect(box.contains("○ skipped at epoch 1, update 1, example 1, output error: What is δ = (a − y)·a(1 − a)?"))
        #expect(box.contains("Press s to go back to the first skipped question and answer it."))
        // s goes to the skipped question and asks it; answered, nothing is left.
        app.tap(.character("s"))
        #expect(app.leader.shown.position == TracePosition(epoch: 1, update: 1, step: .outputError(example: 1)))
        #expect(app.prompt == .answer(question: 2, text: ""))
        app.type("-0.0561"); app.tap(.enter)
        #expect(app.message == "every question of the lesson is answered")
        app.tap(.character("s"))
        #expect(app.message == "every question of the lesson is answered")
        app.tap(.character("g")); app.type("20 1 1 gd"); app.tap(.enter)
        let done = wholeLessonBox(app, width: 80, height: 24).text
        // The score says which answer came after skipping (the screen may have shown it since).
        #expect(done.contains("Score: 3 right (1 after skipping) · 1 wrong · 0 skipped, of 4 questions.") && !done.contains("Press s"))
        #expect(done.contains("✓ right after skipping at epoch 1, update 1, example 1, output error: What is δ"))
    }

    @Test func runningToTheEndShowsTheScore() throws {
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        var stops = 0
        while !app.leader.shown.isAtEnd && stops < 20 {
            while app.prompt != nil { app.tap(.escape) }
            app.tap(.character("r"))
            app.runUntilStopped()
            stops += 1
        }
        #expect(app.leader.shown.isAtEnd)
        let box = wholeLessonBox(app, width: 80, height: 24).text
        #expect(box.contains("Score: 0 right · 0 wrong · 4 skipped, of 4 questions."))
        #expect(box.contains("○ skipped at epoch 1, update 1, example 1, feedforward l=1: What is z = x·w + b?"))
    }
}

/// The position line and everything else on the screen: never a cut number, and never a
/// number that gives a waiting question's answer away.
@Suite struct HonestStatusTests {
    /// The parts of the position line on a screen.
    func positionParts(_ shown: String) -> [String] {
        let row = shown.components(separatedBy: "\n")[1]
        let left = row.components(separatedBy: "   ").first!.trimmingCharacters(in: .whitespaces)
        return left.components(separatedBy: " · ")
    }

    @Test(arguments: [(64, 18), (80, 24)]) func thePositionLineNeverCutsANumber(_ width: Int, _ height: Int) throws {
        for name in LessonPaneTests.lessons {
            var app = try TraceApp(lesson: try lesson(name))
            for _ in 0..<4 {
                let shown = screen(app, width: width, height: height)
                let parts = positionParts(shown)
                let p = app.leader.shown.position, layout = app.leader.run.layout
                #expect(parts.first == "epoch \(p.epoch)/\(layout.epochs)", "\(name): \(parts)")
                #expect(parts.contains(StepText.short(p.step, outputLayer: layout.layers)), "\(name): \(parts)")
                let M = layout.examples(inUpdate: p.update), c = M == 1 ? "C" : "mean C"
                let whole = ["update \(p.update)/\(layout.updatesPerEpoch)", "example \(p.step.example ?? 1)/\(M)", "all \(M) examples",
                             "\(c) = ?", "\(c) = \(NumberText.format(app.leader.shown.trace.cost))", StepText.short(p.step, outputLayer: layout.layers),
                             "epoch \(p.epoch)/\(layout.epochs)"]
                for part in parts { #expect(whole.contains(part), "\(name) at \(width)×\(height): “\(part)” in \(parts)") }
                // While a question waits, C is not given (½(a − y)² gives a away).
                if app.prompt != nil {
                    #expect(!shown.contains(NumberText.format(app.leader.shown.trace.cost)), "\(name)")
                }
                while app.prompt != nil { app.tap(.escape) }
                app.tap(.right)
            }
        }
        // Lesson 2's output error at 64×18: C = 0.482176 whole, or not at all.
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape, .right)
        app.type("0.0173"); app.tap(.enter)
        let small = positionParts(screen(app, width: 64, height: 18))
        #expect(small == ["epoch 1/300", "example 1/1", "output error l=1", "C = 0.482176"])
        let wide = positionParts(screen(app))
        #expect(wide == ["epoch 1/300", "update 1/1", "example 1/1", "output error l=1", "C = 0.482176"])
    }

    @Test func aStepOfTheWholeMinibatchIsNamedAsItsExamplesAre() throws {
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        app.tap(.escape, .escape, .right, .escape)
        #expect(positionParts(screen(app)).contains("example 1/1"))
        app.tap(.right, .escape)
        #expect(app.leader.shown.position.step == .gradientDescent(layer: 1))
        #expect(positionParts(screen(app)).contains("example 1/1"))
    }

    /// The numbers a waiting question would be given away by: its answer and the minibatch's
    /// cost, as the screen writes numbers.
    func giveaways(_ app: TraceApp, question q: Int) throws -> [String] {
        let truth = try #require(app.truth(of: q))
        let cost = app.leader.shown.trace.cost
        return [NumberText.format(truth), NumberText.format(truth, digits: 4), NumberText.fixed(truth),
                NumberText.format(cost), NumberText.format(cost, digits: 4)]
    }

    @Test(arguments: LessonPaneTests.lessons) func nothingOnScreenGivesAWaitingAnswerAway(_ name: String) throws {
        let l = try lesson(name)
        for q in l.questions.indices {
            // The screen the question is asked on: the lesson's own (side by side for a lesson
            // that opens in compare), or the variant's a question of a variant alone is for.
            let question = l.questions[q]
            let variant = l.opensInCompare || RunIdentity.lesson.questions(in: l).contains(question) ? nil
                : l.variants.map(\.name).first { RunIdentity.variant($0).questions(in: l).contains(question) }
            var app = try variant.map { try TraceApp(lesson: l, variants: [$0]) } ?? TraceApp(lesson: l)
            app.arrive(at: question.at.position)
            // The questions before it at the step: answered (wrong), so that q waits.
            while case .answer(let asked, _)? = app.prompt, asked != q { app.type("12345"); app.tap(.enter) }
            #expect(app.prompt == .answer(question: q, text: ""), "\(name) question \(q + 1)")
            let hidden = try giveaways(app, question: q)
            for chart in [false, true] {
                app.chartChoice = chart
                for view in TraceApp.View.allCases {
                    app.view = view
                    for (w, h) in [(64, 18), (80, 24), (100, 30), (160, 48)] {
                        let shown = screen(app, width: w, height: h)
                        for number in hidden {
                            #expect(!shown.contains(number), "\(name) question \(q + 1), \(view) view, chart \(chart), \(w)×\(h): \(number)\n\(shown)")
                        }
                    }
                }
            }
            // Answered, the same screen does show them: the check above can see them.
            app.chartChoice = nil
            app.view = .network
            app.type(String(try #require(app.truth(of: q))))
            app.tap(.enter)
            let answered = screen(app, width: 160, height: 48)
            #expect(hidden.contains { answered.contains($0) }, "\(name) question \(q + 1)")
        }
    }
}
