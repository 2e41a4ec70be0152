import DeltaCore
import DeltaLessons
import Testing
@testable import DeltaTUI

/// A beat that ties numbers to the screen shows them: arriving at it focuses the first of its
/// `shows:` targets; and side by side, each pane shows the same weight by name.
@Suite struct BeatFocusTests {
    @Test func arrivingAtABeatFocusesTheWeightItsWordsAreAbout() throws {
        // Lesson 7: the questions at the output error focus δ₂ (node 2); the gradient-descent
        // beat after them talks about w₁,₁,₁, and the equations must show that one.
        let lesson = try lesson("07-softmax-log-likelihood.yaml")
        var app = try TraceApp(lesson: lesson)
        let beat = try #require(lesson.beats.first { $0.at.position.step.phase == .gradientDescent })
        guard case .value(let value, _) = try #require(beat.shows.first).measure else { Issue.record("not a value"); return }
        var steps = 0
        while app.leader.shown.position != beat.at.position && steps < 200 {
            if app.prompt != nil { app.tap(.escape) }
            app.tap(.down, .right)
            steps += 1
        }
        #expect(app.leader.shown.position == beat.at.position)
        let target = try #require(value.target(layers: app.leader.shown.trace.network.L))
        #expect(app.leader.shown.target(focus: app.focus) == target)
        #expect(screen(app).contains("w₁,₁,₁"))
    }

    @Test func sideBySideEveryPaneShowsTheWeightOfTheSameName() throws {
        // Lesson 8: one sigmoid beside a two-node softmax; the third target of the sigmoid's
        // output error is not the third of the softmax's, so the panes follow the name.
        var app = try TraceApp(lesson: try lesson("08-sigmoid-vs-softmax.yaml"))
        var steps = 0
        while app.leader.shown.position.step.phase != .gradientDescent && steps < 50 {
            if app.prompt != nil { app.tap(.escape) }
            app.tap(.right)
            steps += 1
        }
        while app.prompt != nil { app.tap(.escape) }
        app.tap(.down)
        var checked = 0
        let focused = try #require(app.leader.shown.target(focus: app.focus))
        for k in app.panes.indices.dropFirst() {
            let targets = app.panes[k].shown.explanation.targets
            if targets.contains(focused) {
                #expect(app.comparePane(k).focusedTarget == focused)
                checked += 1
            }
        }
        #expect(checked >= 1)
    }
}
