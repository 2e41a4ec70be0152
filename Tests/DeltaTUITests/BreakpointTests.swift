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

    @Test func aTanhNodeSaturatedFromTheStartIsShownAndDoesNotStopTheRunItStarts() throws {
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
        // The first step computes layer 1 and says what the breakpoint would stop at.
        let node = try #require(Breakpoint.slowingNode(in: app.leader.shown.explanation.facts))
        #expect(node.activation == .tanh && node.layer == 1 && node.node == 1)
        app.tap(.down)
        let shown = equationPanelText(canvas(app, width: 120, height: 40))
        #expect(shown.contains(Narrator.say(StepFact.saturated(node)).text))
        // Feedforward computes z and a; tanh′(z) = 0.00987 comes at backpropagation.
        #expect(shown.contains("tanh′(z) will be below a tenth of its largest value, 1: node 2 of layer 1 is saturated (z = 3)"))
        #expect(!shown.contains("0.00987"))
        #expect(!shown.contains("σ′"))
        // What the screen already says does not stop the run it starts; it stays saturated.
        withSaturatedBreakpoint(&app)
        app.tap(.character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.isAtEnd)
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

    @Test func theSameNeuronUnderMSEStopsOnceWhereItIsAlreadySaturated() throws {
        // Lesson 2's lecture-mse variant has no beats or questions: only the breakpoint could
        // stop it. Its output node is saturated and wrong from the first step, which the
        // screen already says; `r` does not stop again for it.
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"), variants: ["lecture-mse"])
        #expect(Breakpoint.slowingNode(in: app.leader.shown.explanation.facts) != nil)
        #expect(screen(app, width: 120, height: 40).contains("This is why learning is slow."))
        withSaturatedBreakpoint(&app)
        app.tap(.character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.isAtEnd)
    }

    @Test func aHiddenNodeThatBecomesSaturatedStopsTheRunOnce() throws {
        // A tanh hidden node pushed hard by a far target: z₁,₁ grows every update until
        // tanh′(z) falls under 0.1 (|z| > 1.82), and stays there.
        var app = try TraceApp(lesson: try inlineLesson("""
            title: Pushed
            summary: A hidden tanh node driven into saturation.
            network: {layers: [1, 1, 1], hidden: tanh, output: linear, cost: quadratic}
            init: {weights: [[[0.5]], [[1.0]]], biases: [[0], [0]]}
            data: {inputs: [[1]], targets: [[5]]}
            train: {eta: 0.1, epochs: 40}
            """))
        #expect(Breakpoint.slowingNode(in: app.leader.shown.explanation.facts) == nil)
        withSaturatedBreakpoint(&app)
        app.tap(.character("r"))
        app.runUntilStopped()
        let stop = app.leader.shown
        // It stops where layer 1 is computed and the node's sentence first appears.
        #expect(stop.position.step == .feedforward(example: 1, layer: 1) && stop.position.epoch > 1)
        #expect(equationPanelText(canvas(app, width: 120, height: 40)).contains("node 1 of layer 1 is saturated"))
        let z = stop.trace.z(1, 1, 0)
        #expect(Activation.tanh.derivative(z) < 0.1)
        // The epoch before, the same step found the node unsaturated.
        let before = app.leader.run.trace(ofUpdate: stop.position.epoch - 2)
        #expect(Activation.tanh.derivative(before.z(1, 1, 0)) >= 0.1)
        // Feedforward computes z and a, not tanh′(z): the stop does not give its value away.
        #expect(app.message == "breakpoint: node 1 of layer 1 has become saturated where that slows learning")
        // It stays saturated: the next `r` does not stop for it again.
        app.tap(.character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.isAtEnd)
        #expect(Activation.tanh.derivative(app.leader.shown.trace.z(1, 1, 0)) < 0.1)
    }

    @Test func theMenuSaysTheConditionFromItsDeclaration() throws {
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape, .character("b"))
        let shown = text(of: canvas(app), in: Rect(x: 0, y: 0, width: 80, height: 24))
        #expect(shown.contains("2 [ ] stop at a node becoming saturated where that slows learning"))
        #expect(shown.contains("f′(z) under \(NumberText.written(SaturatedNode.fraction)) × its largest value"))
        #expect(!shown.contains("σ′"))
    }

    @Test func anOutputSaturatedFromTheStartOfADeeperNetworkDoesNotStopTheRun() throws {
        // 1-1-1: the output's z = 20 (wrong for y = 0) from the start, shown first at step 2.
        var app = try TraceApp(lesson: try inlineLesson("""
            title: Deep start
            summary: An output saturated from the start.
            network: {layers: [1, 1, 1], hidden: sigmoid, output: sigmoid, cost: quadratic}
            init: {weights: [[[0.5]], [[30]]], biases: [[0], [2]]}
            data: {inputs: [[1]], targets: [[0]]}
            train: {eta: 0.1, epochs: 3}
            """))
        withSaturatedBreakpoint(&app)
        app.tap(.character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.isAtEnd, "\(app.message ?? "")")
    }

    @Test func theNaNBreakpointStopsWhereAnyPaneStops() throws {
        // The fast variant's linear neuron diverges (w is multiplied by 1 − 5·100 each update);
        // the lesson's does not.
        var app = try TraceApp(lesson: try inlineLesson("""
            title: Two rates
            summary: One diverges.
            network: {layers: [1, 1], output: linear, cost: quadratic}
            init: {weights: [[[1.0]]], biases: [[0.0]]}
            data: {inputs: [[10.0]], targets: [[0.0]]}
            train: {eta: 0.0001, epochs: 300}
            compare: true
            variants:
              - {name: fast, eta: 5}
            """))
        #expect(app.isCompare && app.breakpoints.contains(.nonFinite))
        app.tap(.character("r"))
        app.runUntilStopped()
        let fast = app.panes[1]
        let event = try #require(fast.run.nonFiniteEvent)
        #expect(fast.cursor.isAtFailure && app.leader.shown.position.epoch == event.position.epoch)
        #expect(app.message == "breakpoint (fast): " + Narrator.say(event))
        // It stops there once: the next r goes on to the lesson's end.
        app.tap(.character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.isAtEnd)
    }
}
