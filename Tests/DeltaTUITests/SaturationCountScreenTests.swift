import DeltaCore
import DeltaLessons
import Testing
@testable import DeltaTUI

/// Beside the sentence about the node in view, the equations say how many nodes of the hidden
/// layer the step computes are saturated for this example, counted by the facts' own predicate.
@Suite struct SaturationCountScreenTests {
    /// A 2-3-1 network whose hidden z's for x = (1, 0) are 5, 0.5 and −4: σ′ = 0.0066, 0.235 and
    /// 0.0177, so two of its three hidden nodes are saturated (σ′ < 0.025).
    let lessonText = """
        title: Counting
        summary: Hidden z's chosen by hand.
        network: {layers: [2, 3, 1], output: sigmoid, cost: cross-entropy}
        init:
          weights: [[[5, 0.5, -4], [0.1, -6, 3.6]], [[1], [1], [1]]]
          biases: [[0, 0, 0], [0]]
        data: {inputs: [[1, 0], [0, 1]], targets: [[1], [0]]}
        train: {eta: 0.5, batch: 2, epochs: 2}
        """

    @Test(arguments: [(80, 24), (160, 48)])
    func theHiddenLayersCountIsInTheEquationsPanel(size: (width: Int, height: Int)) throws {
        var app = try TraceApp(lesson: try inlineLesson(lessonText))
        // The equations' panel as drawn at this size, its lines joined.
        func main() -> String {
            _ = canvas(app, width: size.width, height: size.height)
            return app.equationPanel.lines(width: size.width / 2 - 2, detail: .full).map(\.0).joined(separator: " ")
        }
        let first = main()
        #expect(first.contains("Saturated for this example: 2 of the 3 nodes of layer 1."), "\(first)")
        // The output layer (one node) has no count; at the second example, x = (0, 1) gives
        // z = 0.1, −6 and 3.6, and σ′(3.6) = 0.0259 is not below 0.025: one node.
        app.tap(.right)
        let output = main()
        #expect(!output.contains("Saturated for this example"), "\(output)")
        app.tap(.right, .right, .right)
        let second = main()
        #expect(app.leader.shown.position.step == .feedforward(example: 2, layer: 1))
        #expect(second.contains("Saturated for this example: 1 of the 3 nodes of layer 1."), "\(second)")
    }
}
