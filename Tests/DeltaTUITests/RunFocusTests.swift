import DeltaCore
import DeltaLessons
import Testing
@testable import DeltaTUI

/// Running with `r` focuses what stepping focuses: the focus goes back to the first target at
/// a new kind of step or a new update (lesson 11's last beat spoke of w₁,₁,₁ while a run from
/// its question at a₂,₉ arrived at gradient descent showing w₁,₁,₉).
@Suite struct RunFocusTests {
    /// Three inputs, three hidden nodes, three outputs; a beat at the first gradient descent
    /// into layer 1, where `r` stops.
    static let text = """
        title: Focus
        summary: Where the equations look.
        network: {layers: [3, 3, 3], output: sigmoid, cost: quadratic}
        init:
          weights: [[[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]], [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6], [0.7, 0.8, 0.9]]]
          biases: [[0, 0, 0], [0, 0, 0]]
        data: {inputs: [[1, 0, 0]], targets: [[1, 0, 0]]}
        train: {eta: 0.5, epochs: 2}
        beats:
          - at: {epoch: 1, step: gradient-descent, layer: 1}
            say: The first update of layer 1's weights.
        """

    @Test func runningResetsTheFocusAtANewKindOfStepAsSteppingDoes() throws {
        let lesson = try inlineLesson(Self.text)
        var running = try TraceApp(lesson: lesson)
        running.finishTraining()
        // Feedforward into layer 2: focus its third node, then run to the beat.
        running.tap(.right)
        running.tap(.down, .down)
        #expect(running.focus == 2)
        #expect(equationPanelText(canvas(running)).contains("z₂,₃"))
        running.tap(.character("r"))
        running.runUntilStopped()
        #expect(running.leader.shown.position == TracePosition(epoch: 1, update: 1, step: .gradientDescent(layer: 1)))
        #expect(running.focus == 0)
        #expect(equationPanelText(canvas(running)).contains("∂C/∂w₁,₁,₁"))

        // Stepping there from the same focus arrives at the same target.
        var stepping = try TraceApp(lesson: lesson)
        stepping.finishTraining()
        stepping.tap(.right)
        stepping.tap(.down, .down)
        while stepping.leader.shown.position != running.leader.shown.position { stepping.tap(.right) }
        #expect(stepping.focus == running.focus)
        #expect(equationPanelText(canvas(stepping)) == equationPanelText(canvas(running)))
    }
}
