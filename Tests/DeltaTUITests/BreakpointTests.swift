import DeltaCore
import DeltaLessons
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

/// The "saturated node" breakpoint stops exactly where the screen shows a saturated node
/// that slows learning, for any activation, and never where the cost cancels f′.
@Suite struct BreakpointTests {
    /// Turns the saturated-node breakpoint on through its menu.
    func withSaturatedBreakpoint(_ app: inout TraceApp) {
        app.tap(.character("b"), .character("2"), .escape)
        #expect(app.breakpoints == [.nonFinite, .saturated])
    }

    @Test func aTanhNetworkStopsAtTheStepWhoseFactAppears() throws {
        // Hidden tanh nodes: z₁,₁ = 0.1 (not saturated), z₁,₂ = 3 (tanh′ = 0.00987, below a
        // tenth of its largest value 1); the sigmoid output is not saturated (z ≈ 0.55).
        var app = try TraceApp(lesson: try inlineLesson("""
            title: Tanh
            summary: A saturated hidden tanh node.
            network: {layers: [1, 2, 1], hidden: tanh, output: sigmoid, cost: quadratic}
            init: {weights: [[[0.1, 3.0]], [[0.5], [0.5]]], biases: [[0, 0], [0]]}
            data: {inputs: [[1]], targets: [[0]]}
            train: {eta: 0.1, batch: 1, epochs: 3}
            """))
        withSaturatedBreakpoint(&app)
        app.tap(.character("r"))
        app.runUntilStopped()
        // Not at feedforward l=2 or the output error (no hidden node's fact is shown there),
        // but at backpropagation into layer 1, where δ₁,₂ = tanh′(z)·… is computed.
        #expect(app.leader.shown.position == TracePosition(epoch: 1, update: 1, step: .backpropagate(example: 1, layer: 2)))
        #expect(app.message == "breakpoint: node 2 of layer 1 is saturated and slows learning: tanh′(z) = 0.00987")
        #expect(app.focus == 1)
        let node = try #require(Breakpoint.slowingNode(in: app.leader.shown.explanation.facts))
        #expect(node.activation == .tanh && node.layer == 1 && node.node == 1)
        // The node's sentence is on the screen beside the stop.
        let shown = equationPanelText(canvas(app, width: 120, height: 40))
        #expect(shown.contains(Narrator.say(StepFact.saturated(node)).text))
        #expect(shown.contains("tanh′(z) = 0.00987 is below a tenth of its largest value, 1: node 2 of layer 1 is saturated (z = 3)"))
        #expect(shown.contains("Backpropagate, layer 2 → 1"))
        #expect(!(app.message ?? "").contains("σ′"))
    }

    @Test func theCrossEntropyVariantOfLesson2RunsToTheEnd() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"), variants: ["cross-entropy"])
        withSaturatedBreakpoint(&app)
        app.tap(.character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.isAtEnd)
        #expect(app.leader.shown.index == app.leader.run.layout.totalSteps - 1)
        #expect(app.message == "this is the end of the run: trained all 300 epochs")
    }

    @Test func theSameNeuronUnderMSEStopsAtItsOutputError() throws {
        // Lesson 2's lecture-mse variant has no beats or questions: only the breakpoint stops it.
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"), variants: ["lecture-mse"])
        withSaturatedBreakpoint(&app)
        app.tap(.character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.position == TracePosition(epoch: 1, update: 1, step: .outputError(example: 1)))
        #expect(app.message == "breakpoint: output node 1 is saturated and slows learning: σ′(z) = 0.0177")
        #expect(screen(app, width: 120, height: 40).contains("This is why learning is slow."))
    }

    @Test func theMenuSaysTheConditionFromItsDeclaration() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape, .character("b"))
        let shown = text(of: canvas(app), in: Rect(x: 0, y: 0, width: 80, height: 24))
        #expect(shown.contains("2 [ ] stop at a saturated node that slows learning"))
        #expect(shown.contains("f′(z) below \(NumberText.written(SaturatedNode.fraction)) × its largest value"))
        #expect(!shown.contains("σ′"))
    }
}
