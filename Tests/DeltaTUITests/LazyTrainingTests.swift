import DeltaCore
import DeltaLessons
import Foundation
import Testing
@testable import DeltaTUI

/// The screen opens at once and trains in the background; drawing never trains.
@Suite struct LazyTrainingTests {
    /// 30 epochs of 20 updates on 200 digits.
    func digits() throws -> Lesson {
        try inlineLesson("""
            title: Digits
            summary: Thirty epochs of digits.
            network: {layers: [64, 30, 10], hidden: sigmoid, output: softmax, cost: log-likelihood}
            data: {file: ../datasets/digits-8x8.csv, class: digit, scale: 0.0625, rows: 200}
            train: {eta: 0.5, batch: 10, epochs: 30}
            """)
    }

    /// Renders at a size and returns how many updates each run had finished before and after.
    func updatesAroundRender(_ app: TraceApp, width: Int = 120, height: Int = 40) -> ([Int], [Int], String) {
        let before = app.panes.map(\.run.completedUpdates)
        let shown = screen(app, width: width, height: height)
        return (before, app.panes.map(\.run.completedUpdates), shown)
    }

    @Test func openingTrainsOnlyTheFirstUpdateAndTicksTrainTheRest() throws {
        let lesson = try digits()
        var app = try TraceApp(lesson: lesson)
        let run = app.leader.run
        #expect(run.layout.totalUpdates == 600)
        #expect(run.completedUpdates <= 1)
        #expect(app.isTraining && app.wantsTicks && !app.running)
        var (before, after, shown) = updatesAroundRender(app)
        #expect(before == after)
        #expect(shown.contains("training… epoch 1/30"))
        var ticks = 0
        while app.isTraining && ticks < 1_000_000 {
            _ = app.handle(.tick)
            ticks += 1
            (before, after, shown) = updatesAroundRender(app)
            #expect(before == after)
            if app.isTraining {
                #expect(shown.contains("training… epoch \(run.epochSummaries.count)/30"))
            }
        }
        #expect(run.isFinished && !app.wantsTicks)
        #expect(!screen(app, width: 120, height: 40).contains("training…"))
        // The same numbers as a run trained in one go.
        let eager = try lesson.makeRun()
        eager.finish()
        #expect(run.epochSummaries.map(\.cost) == eager.epochSummaries.map(\.cost))
        #expect(run.currentParameters == eager.currentParameters)
    }

    @Test func movingTrainsAsFarAsItNeeds() throws {
        var app = try TraceApp(lesson: try digits())
        app.tap(.character("e"), .character("e"))
        #expect(app.leader.shown.position.epoch == 3)
        #expect(app.leader.run.completedUpdates >= 41)
        #expect(app.leader.run.completedUpdates < 600)
        let (before, after, _) = updatesAroundRender(app)
        #expect(before == after)
    }

    @Test func drawingACompareScreenNeverTrains() throws {
        var app = try TraceApp(lesson: try lesson("03-mse-vs-cross-entropy.yaml"))
        for size in [(80, 24), (120, 40), (160, 48)] {
            let (before, after, _) = updatesAroundRender(app, width: size.0, height: size.1)
            #expect(before == after && before.allSatisfy { $0 <= 1 })
        }
        app.tap(.right)
        let (before, after, _) = updatesAroundRender(app)
        #expect(before == after)
    }
}
