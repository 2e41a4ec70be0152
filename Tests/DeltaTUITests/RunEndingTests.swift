import DeltaCore
import DeltaLessons
import Foundation
import Testing
@testable import DeltaTUI

/// How a run ended is said on the screen when the student reaches its end.
@Suite struct RunEndingTests {
    /// A linear neuron with η far too large: w ← w − η·x²·w multiplies w by −99 each update,
    /// until the cost overflows in epoch 78.
    func diverging() throws -> TraceApp {
        try TraceApp(lesson: try inlineLesson("""
            title: Diverging
            summary: η far too large.
            network: {layers: [1, 1], output: linear, cost: quadratic}
            init: {weights: [[[1]]], biases: [[0]]}
            data: {inputs: [[10]], targets: [[0]]}
            train: {eta: 1, batch: 1, epochs: 1000}
            """))
    }

    static let overflow = "training stopped at the first non-finite value: C = ∞ at epoch 78, update 1, example 1, output error (output node 1 furthest from its target)"

    @Test func theStepOfANaNOrInfinitySaysTrainingStoppedThere() throws {
        var app = try diverging()
        app.tap(.character("g"))
        app.type("78 1 1 oe")
        app.tap(.enter)
        #expect(app.leader.shown.position == TracePosition(epoch: 78, update: 1, step: .outputError(example: 1)))
        #expect(app.leader.shown.isAtEnd)
        #expect(app.message == RunEndingTests.overflow)
        app.tap(.right)
        #expect(app.message == RunEndingTests.overflow)
        #expect(text(of: canvas(app), in: Rect(x: 0, y: 17, width: 80, height: 6)).contains(RunEndingTests.overflow))
        app.tap(.character("g"))
        app.type("100")
        app.tap(.enter)
        #expect(app.message == "the run does not reach epoch 100, update 1, example 1, feedforward l=1: " + RunEndingTests.overflow)
    }

    @Test func runningStopsAtTheBreakpointOfANaN() throws {
        var app = try diverging()
        app.tap(.character("r"))
        app.runUntilStopped()
        #expect(app.leader.shown.position == TracePosition(epoch: 78, update: 1, step: .outputError(example: 1)))
        #expect(app.message == "breakpoint: C = ∞ at epoch 78, update 1, example 1, output error (output node 1 furthest from its target)")
    }

    @Test func anEarlyStopIsSaidAtTheEndOfItsEpoch() throws {
        let lesson = try inlineLesson("""
            title: Early
            summary: Stops early.
            network: {layers: [2, 4, 1], hidden: sigmoid, output: sigmoid, cost: cross-entropy}
            data: {generator: {name: circle, count: 40}, holdout: 10}
            train: {eta: 8, batch: 10, epochs: 200, seed: 3}
            """)
        var settings = lesson.settings
        settings.training.earlyStopping = EarlyStopping(patience: 2)
        let reference = try lesson.makeRun(settings)
        reference.finish()
        let stop = try #require(reference.ending?.earlyStop)
        #expect(stop.epoch < 200)
        var app = try TraceApp(lesson: lesson, contenders: [("patience=2", settings)])
        app.finishTraining()
        for _ in 0..<stop.epoch { app.tap(.character("e")) }
        app.tap(.character("N"))  // the last gradient descent of the last epoch trained
        for _ in 0..<2 { app.tap(.right) }
        #expect(app.leader.shown.isAtEnd)
        #expect(app.leader.shown.position.epoch == stop.epoch)
        #expect(app.message?.hasPrefix("this is the end of the run: stopped early after epoch \(stop.epoch): the validation cost has not improved for 2 epochs") == true)
    }

    @Test func aPaneWhoseRunEndedSoonerSaysWhereItIsAndWhy() throws {
        let lesson = try inlineLesson("""
            title: Diverging
            summary: η far too large.
            network: {layers: [1, 1], output: linear, cost: quadratic}
            init: {weights: [[[1]]], biases: [[0]]}
            data: {inputs: [[10]], targets: [[0]]}
            train: {eta: 0.001, batch: 1, epochs: 100}
            variants:
              - name: too-fast
                eta: 1
            """)
        var app = try TraceApp(lesson: lesson, variants: [nil, "too-fast"])
        app.tap(.character("g"))
        app.type("90")
        app.tap(.enter)
        #expect(app.leader.shown.position.epoch == 90)
        #expect(app.panes[1].shown.position == TracePosition(epoch: 78, update: 1, step: .outputError(example: 1)))
        let follower = text(of: canvas(app, width: 120, height: 40), in: Rect(x: 60, y: 2, width: 60, height: 20))
        #expect(follower.contains("here: epoch 78, update 1, example 1, output error"))
        #expect(follower.contains(RunEndingTests.overflow))
    }
}

