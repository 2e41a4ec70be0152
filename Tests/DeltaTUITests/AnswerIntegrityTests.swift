import DeltaCore
import DeltaLessons
import DeltaText
import Foundation
import Testing
@testable import DeltaTUI

/// A grade belongs to the run it was given in; a waiting answer is hidden in every pane;
/// `g 2 Enter` is not graded unnoticed; a question is asked with its run on the screen; the
/// score counts only the questions the screen can reach.
@Suite struct AnswerIntegrityTests {
    /// Lesson 2's neuron (w = b = 2, x = 1, y = 0, quadratic cost, η = 0.15) trained for
    /// `epochs` epochs: the start of each lesson here, its variants and questions after.
    static func neuron(epochs: Int) -> String {
        """
        title: One neuron
        summary: The saturated neuron.
        network: {layers: [1, 1], output: sigmoid, cost: quadratic}
        init: {weights: [[[2.0]]], biases: [[2.0]]}
        data: {inputs: [[1.0]], targets: [[0.0]]}
        train: {eta: 0.15, epochs: \(epochs)}

        """
    }

    /// The neuron with a variant of another η, and a question for a at epoch 2 asked in the
    /// lesson and in the variant.
    static let twoRuns = neuron(epochs: 5) + """
        variants:
          - {name: third, eta: 3.0}
        questions:
          - at: {epoch: 2, step: feedforward}
            variants: [lesson, third]
            ask: What is a now?
            answer: {quantity: a, layer: 1, node: 1}
            tolerance: 0.0001
        """

    /// Goes to a position typed as for `g`.
    func go(_ app: inout TraceApp, _ position: String) {
        app.tap(.character("g"))
        app.type(position)
        app.tap(.enter)
    }

    @Test func aGradeIsNotCarriedToARunWhoseAnswerDiffers() throws {
        var app = try TraceApp(lesson: try inlineLesson(Self.twoRuns))
        go(&app, "2")
        #expect(app.prompt == .answer(question: 0, text: ""))
        let lessonTruth = try #require(app.truth(of: 0))
        app.type(NumberText.format(lessonTruth, digits: 8))
        app.tap(.enter)
        #expect(app.answers[0]?.correct == true)
        // The variant menu: 1 the lesson, 2 third, 3 all side by side.
        app.tap(.character("v"), .character("2"))
        #expect(app.leader.identity == .variant("third") && app.leader.shown.position.epoch == 2)
        let thirdTruth = try #require(app.truth(of: 0))
        #expect(abs(thirdTruth - lessonTruth) > 0.001)  // ten times the tolerance: the lesson's answer is wrong here
        // Asked again in this run, and no "✓ Right" beside the other run's number.
        #expect(app.answers[0] == nil && app.prompt == .answer(question: 0, text: ""))
        #expect(!screen(app).contains("✓ Right"))
        // Back to the lesson: the same run again, so its own grade comes back; and the skip
        // given in `third` comes back when `third` is chosen again.
        app.tap(.escape, .character("v"), .character("1"))
        #expect(app.leader.identity == .lesson && app.answers[0]?.correct == true && app.skipped.isEmpty)
        app.tap(.character("v"), .character("2"))
        #expect(app.leader.identity == .variant("third") && app.answers[0] == nil && app.skipped == [0])
        #expect(app.prompt == .answer(question: 0, text: ""))  // a skipped question is asked again at its step
        app.tap(.escape, .character("v"), .character("1"))
        #expect(app.answers[0]?.correct == true && abs((app.answers[0]?.typed ?? 0) - lessonTruth) < 1e-6)
    }

    @Test func aQuestionSkippedHereStaysSkippedWhenAnotherRunIsOpenedHere() throws {
        // Lesson 2: skip the first question, open all runs side by side at the same step:
        // it is not asked again until the student moves (and is asked when they come back).
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"))
        app.tap(.escape, .character("v"), .character("5"))
        #expect(app.isCompare && app.leader.shown.index == 0)
        #expect(app.prompt == nil && app.skipped == [0])
        app.tap(.right, .escape, .left)
        #expect(app.prompt == .answer(question: 0, text: ""))
    }

    @Test func aReloadThatChangesTheAnswerDropsTheGrade() throws {
        let (path, text) = try copyOfLesson1()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        var app = try TraceApp(lesson: try Lesson.load(path: path))
        // z = 1.5·0.5 + 0.2 = 0.95, right.
        app.type("0.95")
        app.tap(.enter)
        #expect(app.answers[0]?.correct == true)
        // The instructor changes b to 0.70: z is now 1.45, so 0.95 is no longer right.
        try text.replacingOccurrences(of: "biases: [[0.2]]", with: "biases: [[0.70]]").write(toFile: path, atomically: false, encoding: .utf8)
        _ = app.handle(.tick)
        #expect(app.control.reloadProblem == nil && app.truth(of: 0) == 1.45)
        #expect(app.answers[0] == nil && app.prompt == .answer(question: 0, text: ""))
        #expect(!screen(app).contains("✓ Right"))
        // An edit of the words only keeps the grade of the same run.
        app.type("1.45")
        app.tap(.enter)
        try text.replacingOccurrences(of: "biases: [[0.2]]", with: "biases: [[0.70]]")
            .replacingOccurrences(of: "title: One sigmoid neuron, by hand", with: "title: One neuron").write(toFile: path, atomically: false, encoding: .utf8)
        _ = app.handle(.tick)
        #expect(app.lesson.title == "One neuron" && app.answers[0]?.correct == true)
    }

    @Test func aBrokenFileStaysShownAfterAVariantIsChosen() throws {
        let (path, text) = try copyOfLesson1()
        defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
        var app = try TraceApp(lesson: try Lesson.load(path: path))
        app.tap(.escape, .escape)
        try text.replacingOccurrences(of: "  eta: 1.0", with: "  eta: fast").write(toFile: path, atomically: false, encoding: .utf8)
        _ = app.handle(.tick)
        #expect(app.control.reloadProblem?.hasPrefix("\(path):14:8: error:") == true)
        app.tap(.character("v"), .character("2"))
        #expect(app.leader.identity == .variant("small-steps"))
        _ = app.handle(.tick)
        #expect(app.control.reloadProblem?.hasPrefix("\(path):14:8: error:") == true)
        #expect(screen(app, width: 160, height: 48).contains("01-one-neuron.yaml:14:8: error:"))
        // Fixed, it is reloaded on the variant shown.
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        _ = app.handle(.tick)
        #expect(app.control.reloadProblem == nil && app.leader.identity == .variant("small-steps"))
    }

    @Test func anotherRunsBeatIsNotShownWhileAQuestionWaits() throws {
        // Lesson 2, all four runs: at epoch 1's output error the lesson asks for δ = 0.01735,
        // and gentle-start's beat there says "the lesson's first δ of 0.017".
        var app = try TraceApp(lesson: try lesson("02-saturated-neuron.yaml"), variants: [nil, "gentle-start", "lecture-mse", "cross-entropy"])
        app.tap(.escape, .right)
        guard case .answer(let q, _)? = app.prompt else { Issue.record("no question at the output error"); return }
        #expect(app.lesson.questions[q].ask == "What is δ for this example?")
        let waiting = screen(app, width: 160, height: 48)
        #expect(!waiting.contains("0.017") && !waiting.contains("seven times"))
        app.type("1")
        app.tap(.enter)
        #expect(screen(app, width: 160, height: 48).contains("seven times the lesson's first δ of 0.017"))
    }

    @Test func digitsTypedAfterARefusedKeyAreCheckedOnlyOnASecondEnter() throws {
        var app = try TraceApp(lesson: try lesson("01-one-neuron.yaml"))
        // The issue's `g 2 Enter`: g is refused, 2 is typed, and Enter asks before grading.
        app.tap(.character("g"))
        app.type("2")
        app.tap(.enter)
        #expect(app.answers.isEmpty && app.prompt == .answer(question: 0, text: "2"))
        #expect(app.message?.contains("Enter again checks 2 as your answer") == true)
        app.tap(.enter)
        #expect(app.answers[0]?.correct == false && app.answers[0]?.typed == 2)
        // Without a refused key, Enter grades at once.
        app.type("0.7211")
        app.tap(.enter)
        #expect(app.answers[1]?.correct == true)
    }

    @Test func aQuestionIsAskedWithItsRunOnTheScreen() throws {
        // Four runs at 80 columns show two at a time; a question for the fourth run moves
        // the page to it.
        let text = Self.neuron(epochs: 3) + """
            variants:
              - {name: second, eta: 0.2}
              - {name: third, eta: 0.3}
              - {name: fourth, eta: 0.4}
            questions:
              - at: {epoch: 2, step: feedforward}
                variants: [fourth]
                ask: What is a in this run?
                answer: {quantity: a, layer: 1, node: 1}
                tolerance: 0.001
            """
        var app = try TraceApp(lesson: try inlineLesson(text), variants: [nil, "second", "third", "fourth"])
        _ = app.handle(.resize(width: 80, height: 24))
        #expect(app.shownRuns(width: 80) == 0..<2)
        app.tap(.character("e"))
        #expect(app.prompt == .answer(question: 0, text: ""))
        #expect(app.shownRuns(width: 80).contains(3))
        #expect(screen(app).contains("fourth · quadratic"))
    }

    @Test func aQuestionFocusesWhatItAsksAbout() throws {
        // XOR asks for a of hidden node 2 at the first step: the equations and the weights
        // row show node 2 (the arrows that would choose it do nothing while it waits).
        let app = try TraceApp(lesson: try fixtureLesson("xor-2-3-1.yaml"))
        #expect(app.prompt == .answer(question: 0, text: ""))
        #expect(app.focus == 1 && app.leader.shown.target(focus: app.focus) == .node(layer: 1, j: 1))
        let shown = screen(app)
        #expect(shown.contains("node 2 of layer 1") && shown.contains("into ●₁,₂"))
        // Going to it again with g focuses it again.
        var again = app
        again.tap(.escape, .down, .down)
        again.tap(.character("g"))
        again.type("1 1 1 ff l1")
        again.tap(.enter)
        #expect(again.prompt == .answer(question: 0, text: "") && again.focus == 1)
    }

    @Test func theMinibatchViewMarksAWaitingδAsHiddenNotUncomputed() throws {
        // Lesson 4 asks for δ₁,₁ at the backpropagation: beside the equations at 160×48 the
        // minibatch sum shows it as "?" (computed, hidden), not "·" (not computed yet).
        var app = try TraceApp(lesson: try lesson("04-backprop-2-2-2.yaml"))
        app.tap(.right, .right)
        app.type("0.1385")
        app.tap(.enter, .right)
        #expect(app.prompt == .answer(question: 1, text: ""))
        let waiting = screen(app, width: 160, height: 48)
        #expect(waiting.contains("Σ so far (1 of 1 examples) = ?") && !waiting.contains("0.0087"))
        let δ = try #require(app.truth(of: 1))
        app.type(NumberText.format(δ, digits: 8))
        app.tap(.enter)
        // Answered, the term and the sum show: a₀,₁·δ₁,₁ = 0.05 × 0.00877135.
        #expect(screen(app, width: 160, height: 48).contains("Σ so far (1 of 1 examples) = \(NumberText.format(0.05 * δ, digits: 8))"))
    }

    @Test func theScoreCountsOnlyQuestionsTheScreenCanReach() throws {
        // The lesson trains 2 epochs, the variant 4; a question for the variant at epoch 3
        // cannot be reached side by side (the lesson leads), so it is neither counted nor offered.
        let text = Self.neuron(epochs: 2) + """
            variants:
              - {name: longer, epochs: 4}
            questions:
              - at: {epoch: 1, step: feedforward}
                ask: What is a?
                answer: {quantity: a, layer: 1, node: 1}
                tolerance: 0.001
              - at: {epoch: 3, step: feedforward}
                variants: [longer]
                ask: What is a now?
                answer: {quantity: a, layer: 1, node: 1}
                tolerance: 0.001
            """
        var app = try TraceApp(lesson: try inlineLesson(text), variants: [nil, "longer"])
        app.finishTraining()
        #expect(app.askedQuestions == [0])
        app.tap(.escape)
        go(&app, "2 1 1 gd")
        #expect(app.leader.shown.isAtEnd)
        #expect(app.score.skipped == [0] && app.score.right.isEmpty && app.score.wrong.isEmpty)
        app.tap(.character("s"))
        #expect(app.prompt == .answer(question: 0, text: ""))
        // Alone, the longer run reaches its question.
        var longer = try TraceApp(lesson: try inlineLesson(text), variants: ["longer"])
        longer.finishTraining()
        #expect(longer.askedQuestions == [1])
    }
}
