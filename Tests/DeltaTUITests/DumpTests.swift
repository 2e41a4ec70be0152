import DeltaCore
import DeltaLessons
import Foundation
import Testing
@testable import DeltaTUI

@Suite struct DumpTests {
    @Test func dump() throws {
        var app = try TraceApp(lesson: try inlineLesson("""
            title: Saturated and right
            summary: A neuron saturated at its target.
            network: {layers: [1, 1], output: sigmoid, cost: quadratic}
            init: {weights: [[[5]]], biases: [[5]]}
            data: {inputs: [[1]], targets: [[1]]}
            train: {eta: 1, batch: 1, epochs: 2}
            """))
        print(screen(app, width: 100, height: 30))
        app.tap(.right)
        print(screen(app, width: 100, height: 30))
        print(screen(app, width: 80, height: 24))
    }
}
