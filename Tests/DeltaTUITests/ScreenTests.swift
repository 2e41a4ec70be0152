import DeltaCore
import DeltaLessons
import Foundation
import Testing
@testable import DeltaTUI

/// What the screen shows as a student steps, asks and compares.
@Suite struct ScreenTests {
    @Test func theSaturatedNeuronsOutputErrorShowsFormulaNumbersAndResult() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape)  // skip the first question
        app.tap(.right)   // to the output error
        let asked = screen(app)
        // The question hides the result until it is answered.
        #expect(asked.contains("Question: What is δ for this example?"))
        #expect(asked.contains("δ₁,₁ = ∂C/∂a₁,₁·σ′(z₁,₁)"))
        #expect(asked.contains("= ?") && !asked.contains("0.017345"))
        app.type("0.5")
        app.tap(.enter)
        // Answered, the verdict, the explanation and the beat take the lesson's box: a taller
        // terminal has room for every form of the equation.
        let text = screen(app, width: 100, height: 30)
        #expect(text.contains("epoch 1/300 · update 1/1 · example 1/1 · output error l=1 · C = 0.482176"))
        #expect(text.contains("δ₁,₁ = ∂C/∂a₁,₁·σ′(z₁,₁)"))
        #expect(text.contains("= 0.9820138·σ′(4)"))
        #expect(text.contains("= (a₁,₁ − y₁)·a₁,₁(1 − a₁,₁)"))
        #expect(text.contains("= (0.9820138 − 0)·0.9820138·(1 − 0.9820138)"))
        #expect(text.contains("= 0.017345021"))
        #expect(text.contains("σ′(z) = 0.0176627"))
        #expect(text.contains("σ′(z) = 0.0177 is tiny"))
        #expect(text.contains("This is why learning is slow."))
        #expect(text.contains("✗ Not quite: the answer is 0.017345; you said 0.5."))
        // The network's row of the node: z, a, δ and the target y.
        #expect(text.contains("●₁,₁ 4.000000 0.982014 0.017345 0"))
    }

    @Test func steppingBackRestoresThePreviousScreen() throws {
        var app = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"), variants: [nil])
        app.finishTraining()  // the progress in the title would differ between the screens
        app.tap(.escape)
        var screens: [String] = []
        for _ in 0..<12 {
            screens.append(screen(app))
            app.tap(.right)
            while app.prompt != nil { app.tap(.escape) }  // any question: skip it
        }
        for k in stride(from: 11, through: 0, by: -1) {
            app.tap(.left)
            while app.prompt != nil { app.tap(.escape) }  // a skipped question is asked again: skip it again
            #expect(screen(app) == screens[k], "step \(k)")
        }
        #expect(screen(app, width: 160, height: 48) == screen(app, width: 160, height: 48))
    }

    @Test func compareModeShowsBothVariantsInLockstep() throws {
        var app = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"), variants: [nil, "cross-entropy"])
        app.tap(.right)   // to the output error
        app.tap(.escape, .escape)  // skip both questions
        let text = screen(app, width: 120, height: 40)
        #expect(text.contains("compare: lesson vs cross-entropy"))
        #expect(text.contains("lesson · mse") && text.contains("cross-entropy · cross-entropy"))
        // Both panes at the output error: the MSE δ keeps σ′(z), cross-entropy's cancels.
        #expect(text.contains("(−2·(y₁ − a₁,₁)/n₁)·a₁,₁(1 − a₁,₁)"))
        #expect(text.contains("a₁,₁ − y₁"))
        #expect(text.contains("= 0.034690042"))
        #expect(text.contains("= 0.98201379"))
        #expect(text.contains("With cross-entropy and sigmoid outputs the derivative"))
        #expect(text.contains("━ lesson──+ cross-entropy─"))
        #expect(app.panes.allSatisfy { $0.cursor.position == TracePosition(epoch: 1, update: 1, step: .outputError(example: 1)) })
        app.tap(.character("e"))
        #expect(app.panes.allSatisfy { $0.cursor.position.epoch == 2 })
    }

    @Test func aQuestionHidesItsAnswerInEveryPane() throws {
        var app = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"))
        app.tap(.right)
        let text = screen(app, width: 120, height: 40)
        #expect(text.contains("Question: Under MSE, what is δ"))
        #expect(!text.contains("0.0347") && !text.contains("0.0176627") && !text.contains("0.98201379"))
    }

    @Test func aLessonCanOpenInCompareMode() throws {
        let app = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"))
        #expect(app.isCompare && app.panes.map(\.name) == ["lesson", "cross-entropy"])
        #expect(try !TraceApp(lesson: try lesson("02-saturated-neuron.yaml")).isCompare)
    }

    @Test func keysMoveByPhaseUpdateEpochAndGoTo() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape)
        app.tap(.character("e"), .character("e"))
        #expect(app.leader.cursor.position == TracePosition(epoch: 3, update: 1, step: .feedforward(example: 1, layer: 1)))
        app.tap(.character("n"))
        #expect(app.leader.cursor.position.epoch == 4)
        app.tap(.character("g"))
        app.type("120 1 1 gd")
        app.tap(.enter)
        #expect(app.leader.cursor.position == TracePosition(epoch: 120, update: 1, step: .gradientDescent(layer: 1)))
        app.tap(.character("g"))
        app.type("999")
        app.tap(.enter)
        #expect(app.message?.contains("no step") == true)
        #expect(screen(app).contains("no step"))
        app.tap(.character("E"))
        #expect(app.leader.cursor.position == TracePosition(epoch: 120, update: 1, step: .feedforward(example: 1, layer: 1)))
    }

    @Test func runStopsAtTheNextBeatOrQuestionAndAnyKeyPauses() throws {
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        app.tap(.escape, .escape)  // skip z and a
        #expect(app.prompt == nil)
        app.tap(.character("r"))
        #expect(app.running && app.wantsTicks)
        for _ in 0..<5 where app.running { _ = app.handle(.tick) }
        // The next question is at the output error.
        #expect(!app.running)
        #expect(app.leader.cursor.position.step == .outputError(example: 1))
        if case .answer? = app.prompt {} else { Issue.record("no question asked") }
        app.tap(.escape)
        app.tap(.character("r"))
        _ = app.handle(.key(.character("x")))
        #expect(!app.running && app.message == "paused")
    }

    @Test func arrowsDoNotSkipAPendingQuestion() throws {
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        #expect(app.prompt == .answer(question: 0, text: ""))
        app.tap(.right)
        // The question waits: the arrow only says how to answer or skip it.
        #expect(app.skipped.isEmpty && app.prompt == .answer(question: 0, text: ""))
        #expect(app.leader.cursor.position.step == .feedforward(example: 1, layer: 1))
        #expect(app.message == "answering the question: type a number, Enter to check, Esc to skip")
        app.tap(.escape, .escape, .right)
        #expect(app.skipped == [0, 1])
        #expect(app.prompt == .answer(question: 2, text: ""))  // the output error's own question
    }

    @Test func helpTooSmallAndQuit() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape, .character("?"))
        let help = screen(app)
        #expect(help.contains("Keys") && help.contains("next / previous step of the same kind") && help.contains("Ctrl-C"))
        app.tap(.character("x"))
        #expect(!app.showHelp)
        let small = screen(app, width: 50, height: 12)
        #expect(small.contains("needs a terminal of at least 64×18"))
        _ = app.handle(.resize(width: 50, height: 12))
        let quitSmall = app.handle(.key(.character("q")))
        #expect(!quitSmall)
        _ = app.handle(.resize(width: 80, height: 24))
        _ = app.handle(.key(.character("g")))  // q quits even while a prompt is open
        let quit = app.handle(.key(.character("q"))), interrupted = app.handle(.key(.interrupt))
        #expect(!quit && !interrupted)
    }

    @Test func wideNetworksShowTheFocusedNodesNeighbourhood() throws {
        let text = """
            title: Digits
            summary: A wide network.
            network: {layers: [64, 30, 10], hidden: sigmoid, output: softmax, cost: log-likelihood}
            data: {file: ../../datasets/digits-8x8.csv, class: digit, scale: 0.0625, rows: 40}
            train: {eta: 0.5, batch: 10, epochs: 2}
            """
        let path = lessonsFolder.appendingPathComponent("../Tests/DeltaTUITests/wide.yaml").standardized.path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var app = try TraceApp(lesson: try Lesson.parse(text, file: path))
        app.tap(.right)
        let drawn = canvas(app, width: 100, height: 30), shown = drawn.text
        #expect(!shown.contains("too wide to draw"))
        #expect(shown.contains("Network 64-30-10 · example 1/10"))
        // Layer 1's neighbourhood of its first node; the output layer, which the step computes.
        #expect(shown.contains("layer 1: nodes 1-"))
        let trace = app.leader.shown.trace
        #expect(showsNode(drawn, trace, m: 1, l: 1, j: 0, delta: .mark("·")))
        #expect(showsNode(drawn, trace, m: 1, l: 2, j: 9, delta: .mark("·")), "\(shown)")
        app.tap(.character("g"))
        app.type("1 1 1 gd l1")
        app.tap(.enter, .down, .down)
        let descent = screen(app, width: 100, height: 30)
        // The focus is w₁,₁,₃: the weights into ●₁,₃, updated.
        #expect(descent.contains("Gradient descent, layer 1") && descent.contains("w₁,ᵢ,₃") && descent.contains("before:") && descent.contains("after:"))
        app.tap(.tab)
        #expect(screen(app, width: 100, height: 30).contains("Minibatch: Σₘ over the examples"))
        app.tap(.tab)
        let tables = screen(app, width: 100, height: 30)
        #expect(tables.contains("Layer 1 of 64-30-10") && tables.contains("∂C/∂w"))
    }

    @Test func goToReadsPositionsWithTheOneParser() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape, .character("g"))
        app.type("5 1 1 oe")
        app.tap(.enter)
        #expect(app.leader.shown.position == TracePosition(epoch: 5, update: 1, step: .outputError(example: 1)))
        app.tap(.character("g"))
        app.type("gd l=1 7")
        app.tap(.enter)
        #expect(app.leader.shown.position == TracePosition(epoch: 7, update: 1, step: .gradientDescent(layer: 1)))
        app.tap(.character("g"))
        app.type("3 1 1 bp")
        app.tap(.enter)
        #expect(app.message == "there is no step epoch 3, update 1, example 1, backpropagate l=1 in this run (epochs run 1…300, updates 1…1, examples 1…1, layers 1…1 (a one-layer network never backpropagates))")
        app.tap(.character("g"))
        app.type("3 fw")
        app.tap(.enter)
        #expect(app.message?.hasPrefix("unknown step `fw` (") == true)
        #expect(app.leader.shown.position.epoch == 7)
    }
}

/// A popup (help, a menu) drawn over the screen has no stray letter of what lies beneath
/// against its border.
@Suite struct PopupTests {
    @Test func theColumnsBesideAPopupHoldOnlyBlanksAndBorders() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape, .character("v"))
        for size in [(80, 24), (160, 48)] {
            let shown = canvas(app, width: size.0, height: size.1)
            let rows = shown.text.components(separatedBy: "\n")
            let top = try #require(rows.firstIndex { $0.contains("┌─ Open the lesson, a variant") })
            let left = try #require(Array(rows[top]).firstIndex(of: "┌", after: 2))
            let bottom = try #require(rows.indices.first { $0 > top && Array(rows[$0])[left] == "└" })
            let right = try #require(Array(rows[top]).lastIndex(of: "┐"))
            for y in top...bottom {
                for x in [left - 1, right + 1] {
                    #expect(" ─│┌┐└┘├┤┬┴┼".contains(shown[x, y].character), "row \(y): \(rows[y])")
                }
            }
        }
    }
}

extension Array where Element == Character {
    /// The first index of a character at or after a position.
    func firstIndex(of character: Character, after start: Int) -> Int? {
        indices.first { $0 >= start && self[$0] == character }
    }
}

/// Runs that measure cost with different functions: the chart says their heights are not
/// comparable (lesson 3's MSE curve ends lower than cross-entropy's, whose output is better).
@Suite struct ChartCostsDifferTests {
    @Test func theChartSaysWhenEachRunHasItsOwnCost() throws {
        var both = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"))
        both.finishTraining()
        both.chartChoice = true
        for size in [(80, 24), (160, 48)] {
            let shown = screen(both, width: size.0, height: size.1)
            #expect(shown.contains("└─ each run's own cost: heights not comparable ─"), "\(shown)")
        }
        // Lesson 2's four runs (quadratic, mse, cross-entropy) at 80×24: every curve in the
        // legend, and the note.
        let saturated = try lesson("02-saturated-neuron.yaml")
        var four = try TraceApp(lesson: saturated, variants: [nil] + saturated.variants.map(\.name))
        four.finishTraining()
        four.chartChoice = true
        let all = screen(four, width: 80, height: 24)
        #expect(all.contains("└─ each run's own cost: heights not comparable ─") && all.contains("o cross-entropy"), "\(all)")
        // One cost function: nothing to say.
        var one = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"), variants: [nil])
        one.finishTraining()
        one.chartChoice = true
        let alone = screen(one, width: 80, height: 24)
        #expect(alone.contains("Cost per epoch") && !alone.contains("not comparable"))
    }
}
