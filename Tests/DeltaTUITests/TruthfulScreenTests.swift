import DeltaCore
import DeltaLessons
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

/// Every sentence on the screen is true for what it is next to: a saturated node is called
/// slow only where it slows learning, and a substituted form is shown as equal only where
/// its numbers give the result.
@Suite struct TruthfulScreenTests {
    /// The text of compare pane k (of `count`) above the lesson box.
    func pane(_ k: Int, of count: Int, in canvas: Canvas) -> String {
        let width = canvas.width / count, lessonTop = canvas.height - 1 - (canvas.height >= 40 ? 7 : 6)
        return text(of: canvas, in: Rect(x: k * width, y: 2, width: width, height: lessonTop - 2))
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func lesson3sFirstFrameSaysSlowOnlyUnderMSE(size: (width: Int, height: Int)) throws {
        let app = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"))
        #expect(app.panes.map(\.identity) == [.lesson, .variant("cross-entropy")])
        let shown = canvas(app, width: size.width, height: size.height)
        let mse = pane(0, of: 2, in: shown), crossEntropy = pane(1, of: 2, in: shown)
        #expect(mse.contains("lesson · mse"))
        // At feedforward σ′(z) is not computed yet, and lesson 3 asks for it at the output error.
        #expect(mse.contains("σ′(z) will be tiny: output node 1 is saturated at a = 0.982, far from its target y = 0."))
        #expect(!mse.contains("0.0177") && !crossEntropy.contains("0.0177"))
        #expect(mse.contains("This is why learning is slow."))
        #expect(crossEntropy.contains("cross-entropy · cross-entropy"))
        #expect(crossEntropy.contains("the cross-entropy cost cancels σ′(z)"))
        #expect(crossEntropy.contains("so learning stays fast."))
        #expect(!crossEntropy.lowercased().contains("slow"), "\(crossEntropy)")
    }

    /// A neuron saturated at the right answer: y = 1, z = w·x + b = 5 + 5 = 10.
    func saturatedAndRight(cost: String) throws -> Lesson {
        try inlineLesson("""
            title: Saturated and right
            summary: A neuron saturated at its target.
            network: {layers: [1, 1], output: sigmoid, cost: \(cost)}
            init: {weights: [[[5]]], biases: [[5]]}
            data: {inputs: [[1]], targets: [[1]]}
            train: {eta: 1, batch: 1, epochs: 2}
            """)
    }

    @Test(arguments: ["quadratic", "cross-entropy"])
    func aNodeSaturatedAtTheRightAnswerIsNotCalledSlow(cost: String) throws {
        var app = try TraceApp(lesson: try saturatedAndRight(cost: cost))
        for (step, size) in [("feedforward", (100, 30)), ("output error", (100, 30)), ("output error", (80, 24))] {
            if step == "output error" && app.leader.shown.position.step.phase == .feedforward { app.tap(.right) }
            let shown = equationPanelText(canvas(app, width: size.0, height: size.1))
            let derivative = step == "feedforward" ? "σ′(z) will be tiny" : "σ′(z) = 4.54e−5 is tiny"
            #expect(shown.contains("\(derivative): output node 1 is saturated at a = 0.9999546, close to its target y = 1"), "\(cost) \(step)")
            #expect(!shown.lowercased().contains("slow"), "\(cost) \(step): \(shown)")
            #expect(!shown.contains("stays large") && !shown.contains("stays as large"), "\(cost) \(step)")
        }
        let oe = screen(app, width: 100, height: 30)
        if cost == "quadratic" {
            // δ = (a − y)·σ′(z) = −4.54e−5 · 4.54e−5: shown with its digits, not as −0.0000
            // (in the network's row before y = 1, and in full in the equations).
            #expect(oe.contains("−2.06e−9 1") && oe.contains("= −2.061e−9"))
            #expect(equationPanelText(canvas(app, width: 100, height: 30))
                .contains("δ is small because the answer is nearly right: there is little left to learn."))
        } else {
            // δ = a − y = −4.54e−5 in the network's row (before y = 1) and in the equations.
            #expect(oe.contains("−4.54e−5 1") && (oe.contains("= −4.5397869e−5") || oe.contains("= −4.54e−5")))
            #expect(equationPanelText(canvas(app, width: 100, height: 30))
                .contains("The cross-entropy cost cancels σ′(z), and δ = a − y = −4.54e−5 is small only because the answer is nearly right."))
        }
    }

    /// One sigmoid neuron pushed to z = `z`, target 0, under a cost.
    func saturatedAt(z: Double, cost: String = "quadratic") throws -> TraceApp {
        var app = try TraceApp(lesson: try inlineLesson("""
            title: Far out
            summary: z = \(z).
            network: {layers: [1, 1], output: sigmoid, cost: \(cost)}
            init: {weights: [[[\(z)]]], biases: [[0]]}
            data: {inputs: [[1]], targets: [[0]]}
            train: {eta: 1, batch: 1, epochs: 2}
            """))
        app.tap(.right)
        return app
    }

    @Test func aFormWhoseTextbookNumbersLostTheirDigitsIsShownStablyAndSaysWhy() throws {
        // z = 20: the stored a = 1 − 2.06e−9 keeps only 8 digits of 1 − a, so 1 − a is
        // computed as σ(−z), and the form equals the stored δ = σ(20)·σ′(20).
        let app = try saturatedAt(z: 20)
        let derivation = try #require(app.leader.shown.explanation.derivations(for: .node(layer: 1, j: 0)).first)
        #expect(derivation.substituted.map(\.agreement) == [.equal, .equal])
        #expect(derivation.substituted[1].notes.count == 1)
        let panel = equationPanelText(canvas(app, width: 100, height: 30))
        #expect(panel.contains("= 1·σ′(20)"))
        #expect(panel.contains(" = (1 − 0)·1·2.061e−9 1 − a₁,₁ is computed"))
        #expect(!panel.contains("(1 − 1)"))
        #expect(panel.contains("1 − a₁,₁ is computed as σ(−z₁,₁) = 2.06e−9: from the stored a₁,₁ = 0.99999999794 it would keep only 7 of its 16 digits."))
        #expect(panel.contains("of its 16 digits. = 2.061e−9 factors:"))
    }

    @Test func aFormThatCannotBeEvaluatedShowsNoNumbersAndSaysWhy() throws {
        // z = 800 under cross-entropy: ∂C/∂a = 1 + e^800 overflows to ∞, so the chain rule's
        // forms cannot give δ = a − y = 1; the exact form does.
        let app = try saturatedAt(z: 800, cost: "cross-entropy")
        let derivation = try #require(app.leader.shown.explanation.derivations(for: .node(layer: 1, j: 0)).first)
        #expect(derivation.result == 1)
        #expect(derivation.substituted.map(\.agreement) == [.notEvaluable, .notEvaluable, .equal])
        let panel = equationPanelText(canvas(app, width: 120, height: 40))
        // Neither chain-rule form is written with its numbers; each says why instead.
        #expect(!panel.contains("= ∞·σ′(800)") && !panel.contains("= −(0/1"))
        #expect(panel.contains("This form cannot be evaluated here: one of its numbers is ∞ (it overflowed)"))
        #expect(panel.contains("This form cannot be evaluated here: in floating point (1 − 0)/0 = ∞"))
        #expect(panel.contains("= a₁,₁ − y₁") && panel.contains("= 1 − 0"))
    }

    @Test func positionsAndTitlesComeFromStepText() throws {
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        app.tap(.escape, .escape, .right, .escape, .right)
        let shown = screen(app)
        let position = app.leader.shown.position
        #expect(shown.contains(StepText.title(position.step, outputLayer: 1)))
        // A step of the whole minibatch of one example names it as a step of one example does.
        #expect(shown.contains("epoch 1/20 · update 1/1 · example 1/1 · " + StepText.short(position.step, outputLayer: 1)))
    }
}

/// What the screen shows where training stopped, and where δ has no two factors.
@Suite struct StoppedAndSoftmaxScreenTests {
    @Test func theStepWhereZOverflowedShowsNoUncomputedNumbers() throws {
        let app = try TraceApp(lesson: try inlineLesson("""
            title: Overflowing
            summary: z overflows on the first feedforward.
            network: {layers: [1, 1], output: linear, cost: quadratic}
            init: {weights: [[[1e308]]], biases: [[1e308]]}
            data: {inputs: [[1.5]], targets: [[0.0]]}
            train: {eta: 0.1, epochs: 2}
            """))
        let shown = screen(app, width: 120, height: 40)
        let panel = equationPanelText(canvas(app, width: 120, height: 40))
        #expect(panel.contains("= 1.5·1e308 + 1e308 = ∞ a₁,₁ = z₁,₁ not computed: training stopped at z_{1,1} = ∞ at epoch 1, update 1, example 1,"))
        #expect(!shown.contains("C = 0") && !shown.contains("a 0.0000") && !shown.contains("the stored 0"))
    }

    @Test func softmaxOutputsShowNoFactorsLine() throws {
        var app = try TraceApp(lesson: try inlineLesson("""
            title: Three classes
            summary: A softmax output.
            network: {layers: [1, 3], output: softmax, cost: log-likelihood}
            init: {weights: [[[0.5, -0.5, 0.0]]], biases: [[0, 0, 0]]}
            data: {inputs: [[1]], targets: [[0, 1, 0]]}
            train: {eta: 0.1, epochs: 1}
            """))
        app.tap(.right)
        let shown = screen(app, width: 120, height: 40)
        #expect(shown.contains("Output error, layer 1"))
        #expect(!shown.contains("factors:"))
    }
}

@Suite struct HiddenCostTests {
    @Test func theHeaderDoesNotGiveTheCostAwayWhileAQuestionWaits() throws {
        // Lesson 2 asks for a = σ(2·1 + 2) at its first step; C = ½a² would give it away.
        // C is the mean over the minibatch, computed at the last example's output error: the
        // feedforward step does not show it at all, answered or not.
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        let asked = screen(app)
        #expect(!asked.contains("C = ") && !asked.contains("0.482176"))
        app.tap(.character("1"), .enter)
        #expect(!screen(app).contains("C = "))
        // At the output error, a question for δ hides C until it is answered.
        app.tap(.right)
        let askedDelta = screen(app)
        #expect(askedDelta.contains("output error l=1 · C = ?") && !askedDelta.contains("0.482176"))
        app.tap(.character("1"), .enter)
        #expect(screen(app).contains("output error l=1 · C = 0.482176"))
    }
}
