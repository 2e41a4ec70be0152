import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// Lesson 2's neuron (w = b = 2, x = 1, y = 0, η = 0.15, quadratic cost) with one beat and the
/// numbers it states: the output first falls below ½ after epoch 232's update, so the screen
/// shows a = 0.5012378211857536 at epoch 232's feedforward and a = 0.4918403966285701 at
/// epoch 233's.
func saturatedLesson(beat: String) -> String {
    """
    title: Saturated
    summary: Nielsen's neuron.
    network: {layers: [1, 1], output: sigmoid, cost: quadratic}
    init: {weights: [[[2.0]]], biases: [[2.0]]}
    data: {inputs: [[1.0]], targets: [[0.0]]}
    train: {eta: 0.15, epochs: 300}
    variants:
      - {name: ce, cost: cross-entropy}
    beats:
    \(beat)
    """
}

@Suite struct BeatShowsTests {
    /// The bundled lesson `name`.
    func bundled(_ name: String) throws -> Lesson {
        try Lesson.load(path: lessonsReadme.deletingLastPathComponent().appendingPathComponent(name).path)
    }

    @Test func atGradientDescentABeatAndAClaimMeasureTheMinibatchsLastExampleAsTheScreenShowsIt() throws {
        // Two examples in one minibatch, x = 0 and x = 1, w = 2, b = 0: at gradient descent
        // the screen shows example M = 2's values, a = σ(2) = 0.8808 (example 1's is σ(0) = 0.5).
        let lesson = try Lesson.parse("""
            title: Two
            summary: Two examples.
            network: {layers: [1, 1], output: sigmoid, cost: quadratic}
            init: {weights: [[[2.0]]], biases: [[0.0]]}
            data: {inputs: [[0.0], [1.0]], targets: [[0.0], [1.0]]}
            train: {eta: 0.5, batch: 2}
            beats:
              - at: {step: gradient-descent}
                say: The last example's output is a ≈ 0.881.
                shows:
                  - {value: {quantity: a}, is: 0.881}
            expect:
              - value: {quantity: a}
                at: {step: gradient-descent}
                is: 0.881
            """, file: "two.yaml")
        #expect(try lesson.checkBeats().allSatisfy(\.result.passed))
        let claim = try #require(try lesson.checkClaims().first)
        #expect(claim.passed && abs((claim.actual ?? 0) - 1 / (1 + exp(-2))) < 1e-15)
    }

    @Test func aBeatWhoseNumbersTheScreenShowsPasses() throws {
        let lesson = try Lesson.parse(saturatedLesson(beat: """
              - at: {epoch: 233, step: feedforward}
                say: Epoch 232's update has brought the output below 1/2, a ≈ 0.49 here.
                shows:
                  - {value: {quantity: a}, is: 0.49}
                  - {value: {quantity: a}, below: 0.5}
              - at: {epoch: 233, step: output-error}
                say: δ ≈ 0.12 now, and σ′(z) is nearly 1/4.
                shows:
                  - {value: {quantity: delta}, is: 0.12}
                  - {value: {quantity: "f'"}, between: [0.24, 0.25]}
            """), file: "s.yaml")
        #expect(lesson.beats[0].shows.count == 2 && lesson.beats[1].shows.count == 2)
        let results = try lesson.checkBeats()
        #expect(results.map(\.result.passed) == [true, true, true, true])
        #expect(results[0].result.actual.map { abs($0 - 0.4918403966285701) < 1e-12 } == true)
        #expect(results[2].result.actual.map { abs($0 - 0.1229273528528236) < 1e-12 } == true)
        #expect(results[3].result.actual.map { abs($0 - 0.4918403966285701 * (1 - 0.4918403966285701)) < 1e-12 } == true)
        #expect(results[0].result.measured == "a_{1,1} at epoch 233, update 1, example 1, feedforward l=1")
    }

    /// A beat beside a waiting question must not state its answer: "a ≈ 0.98" is graded
    /// right for a = σ(4) = 0.98201 within 0.005, "near 1" (0.95 to 1) and "above ½" are not
    /// answers; and a question of another run or step is not given away.
    @Test func aBeatThatStatesAWaitingQuestionsAnswerFails() throws {
        let text = saturatedLesson(beat: """
              - at: {epoch: 1, step: feedforward}
                say: The output starts at a ≈ 0.98, near 1, above 1/2.
                shows:
                  - {value: {quantity: a}, is: 0.98}
                  - {value: {quantity: a}, between: [0.95, 1]}
                  - {value: {quantity: a}, above: 0.5}
            """) + """

            questions:
              - at: {epoch: 1, step: feedforward}
                ask: What is a?
                answer: {quantity: a, layer: 1, node: 1}
                tolerance: 0.005
              - at: {epoch: 2, step: feedforward}
                ask: What is a now?
                answer: {quantity: a, layer: 1, node: 1}
                tolerance: 0.5
            """
        let results = try Lesson.parse(text, file: "s.yaml").checkBeats()
        #expect(results.map(\.result.passed) == [false, true, true])
        #expect(results[0].result.problem == .answersQuestion(line: 17))
        #expect(results[0].result.actual.map { abs($0 - 0.9820137900379085) < 1e-12 } == true)
    }

    /// The issue's slip: "below ½ at epoch 232" beside a = 0.5012.
    @Test func aBeatTheScreenContradictsFailsAndSaysWhereItsWordsFit() throws {
        let lesson = try Lesson.parse(saturatedLesson(beat: """
              - at: {epoch: 232, step: feedforward}
                say: Only now, at epoch 232, does the output fall below ½.
                shows:
                  - {value: {quantity: a}, is: 0.49}
            """), file: "s.yaml")
        let result = try #require(try lesson.checkBeats().first)
        #expect(!result.result.passed && result.result.problem == nil)
        #expect(result.result.actual.map { abs($0 - 0.5012378211857536) < 1e-12 } == true)
        #expect(result.result.claim.location == SourceLocation(file: "s.yaml", line: 13, column: 9))
        #expect(result.beat.at.location.line == 10)
        let there = try #require(result.elsewhere)
        #expect(there.position == TracePosition(epoch: 233, update: 1, step: .feedforward(example: 1, layer: 1)))
        #expect(abs(there.value - 0.4918403966285701) < 1e-12)
    }

    @Test func aNumberTheBeatsStepHasNotComputedFails() throws {
        let lesson = try Lesson.parse(saturatedLesson(beat: """
              - at: {epoch: 233, step: feedforward}
                say: δ will be about 0.12.
                shows:
                  - {value: {quantity: delta}, is: 0.12}
                  - {value: {quantity: cost}, below: 1}
                  - {value: {quantity: w-after, from: 1}, below: 0}
                  - {value: {quantity: w}, is: -0.0163}
            """), file: "s.yaml")
        let results = try lesson.checkBeats()
        #expect(results.map(\.result.passed) == [false, false, false, true])
        for result in results.prefix(3) {
            #expect(result.result.problem == .notYetComputed(.feedforward(example: 1, layer: 1)) && result.result.actual == nil)
        }
        // w before the update is on the screen at every step: w_{1,1,1} = −0.0163206556657783.
        #expect(results[3].result.actual.map { abs($0 + 0.0163206556657783) < 1e-12 } == true)
    }

    /// A number without `variant:` is measured in every run the beat is for; with it, in that run.
    @Test func numbersAreMeasuredInTheBeatsRunsOrTheNamedOne() throws {
        let lesson = try Lesson.parse(saturatedLesson(beat: """
              - at: {epoch: 18, step: feedforward}
                variants: [lesson, ce]
                say: Cross-entropy's output is below ½ by now; the quadratic cost's is not.
                shows:
                  - {value: {quantity: a}, above: 0.4}
                  - {value: {quantity: a}, variant: ce, is: 0.47}
                  - {value: {quantity: a}, variant: lesson, above: 0.98}
            """), file: "s.yaml")
        #expect(lesson.beats[0].shows.map(\.variant) == [nil, "ce", "ce", nil])
        let results = try lesson.checkBeats()
        #expect(results.map(\.result.passed) == [true, true, true, true])
        // Cross-entropy's a after 17 epochs: 0.4724015749315044; the quadratic cost's 0.9803122041118176.
        #expect(results[2].result.actual.map { abs($0 - 0.4724015749315044) < 1e-12 } == true)
        #expect(results[3].result.actual.map { abs($0 - 0.9803122041118176) < 1e-12 } == true)
    }

    /// `first-epoch` gives 232 for lesson 2; the beat about it stands at epoch 233, where the
    /// screen shows a < ½ for the first time.
    @Test func firstEpochAndTheBeatAboutItAgreeInLesson2() throws {
        let lesson = try bundled("02-saturated-neuron.yaml")
        let firstBelowHalf = try #require(lesson.claims.firstIndex { if case .firstEpoch = $0.measure { $0.variant == nil } else { false } })
        let claims = try lesson.checkClaims()
        #expect(claims[firstBelowHalf].actual == 232)
        let beat = try #require(lesson.beats.first { $0.at.position == TracePosition(epoch: 233, update: 1, step: .feedforward(example: 1, layer: 1)) })
        #expect(beat.text.contains("Epoch 232's update") && beat.text.contains("below 1/2"))
        let shown = try lesson.checkBeats().filter { $0.beat == beat }
        #expect(shown.count == 2 && shown.allSatisfy(\.result.passed))
        #expect(shown.allSatisfy { $0.result.actual.map { abs($0 - 0.4918403966285701) < 1e-12 } == true })
        // One epoch earlier the screen still shows a ≥ ½: the beat could not stand there.
        let cursor = TraceCursor(run: try lesson.makeRun(), at: TracePosition(epoch: 232, update: 1, step: .feedforward(example: 1, layer: 1)))
        #expect(abs(cursor.trace.a(1, 1, 0) - 0.5012378211857536) < 1e-12)
    }

    /// Every number the bundled lessons' beats state is what the screen shows beside them.
    @Test(arguments: ["01-one-neuron.yaml", "02-saturated-neuron.yaml", "03-mse-vs-cross-entropy.yaml", "04-backprop-2-2-2.yaml", "05-minibatches.yaml",
                            "06-initialising-weights.yaml", "07-softmax-log-likelihood.yaml", "08-sigmoid-vs-softmax.yaml", "09-holdout.yaml", "10-cross-validation.yaml",
                            "11-overfitting-and-l2.yaml", "12-l1-vs-l2.yaml", "13-dropout.yaml", "14-expanding-data.yaml", "15-learning-rate.yaml"])
    func theBundledBeatsAgreeWithTheScreen(_ name: String) throws {
        let lesson = try bundled(name)
        let results = try lesson.checkBeats()
        #expect(!results.isEmpty)
        for result in results where !result.result.passed {
            Issue.record("\(result.result.claim.location): \(result.result.measured) is \(result.result.actual.map { "\($0)" } ?? "none")")
        }
    }

    /// (a beat's `shows`, line, column, a phrase of the message, a phrase of the hint)
    static let badShows: [(String, Int, Int, String, String)] = [
        ("    shows: [{valeu: {quantity: a}, is: 0.5}]", 12, 14, "unknown key `valeu` in a number a beat shows", "did you mean `value`?"),
        ("    shows: [{value: {quantity: detla}, is: 0.5}]", 12, 32, "detla", "did you mean `delta`?"),
        ("    shows: [{value: {quantity: a}, variant: cee, is: 0.5}]", 12, 45, "no variant is named `cee`", "did you mean `ce`?"),
        ("    shows: [{value: {quantity: a}, at: {epoch: 2}, is: 0.5}]", 12, 36, "measured at the beat's own step (epoch 233, update 1, example 1, feedforward l=1)", "leave out `at`"),
        ("    shows: [{value: {quantity: a}, epoch: 2, is: 0.5}]", 12, 36, "measured at the beat's own step", "leave out `epoch`"),
        ("    shows: [{output: [1.0], is: 0.5}]", 12, 14, "`output` is not a number the screen shows beside a beat", "write `output` claims under `expect:`"),
        ("    shows: [{first-epoch: {output: [1.0], below: 0.5}, is: 232}]", 12, 14, "`first-epoch` is not a number the screen shows", "under `expect:`"),
        ("    shows: [{value: {quantity: a}, node: 1, is: 0.5}]", 12, 36, "`node` belongs inside `value:`", "value: {quantity: a, layer: 1, node: 1}"),
        ("    shows: [{value: {quantity: a, layer: 2}, is: 0.5}]", 12, 42, "`a` has no layer 2", "its layers are 0…1"),
        ("    shows: [{value: {quantity: a}}]", 12, 13, "has no test", "add `is: 0.20`"),
        ("    shows: [{is: 0.5}]", 12, 13, "needs `value`", "value: {quantity: a, layer: 1, node: 1}"),
        ("    shows: []", 12, 12, "`shows` is empty", "leave `shows` out"),
        ("    shows: {value: {quantity: a}, is: 0.5}", 12, 12, "`shows`", "list the numbers the beat states"),
    ]

    @Test(arguments: 0..<badShows.count)
    func badShowsAreLocated(_ k: Int) throws {
        let (shows, line, column, message, hint) = Self.badShows[k]
        let text = saturatedLesson(beat: "  - at: {epoch: 233, step: feedforward}\n    say: a ≈ 0.49\n" + shows)
        try expectLocatedError(text, line: line, column: column, message: message, hint: hint)
    }

    /// A number measured in a variant whose run does not have the beat's step.
    @Test func aVariantWithoutTheBeatsStepIsRefused() throws {
        let text = saturatedLesson(beat: "  - at: {epoch: 233, step: feedforward}\n    say: a ≈ 0.49\n    shows: [{value: {quantity: a}, variant: short, is: 0.49}]")
            .replacingOccurrences(of: "  - {name: ce, cost: cross-entropy}", with: "  - {name: ce, cost: cross-entropy}\n  - {name: short, epochs: 100}")
        let error = try #require(lessonError(text))
        #expect(error.location == SourceLocation(file: "bad.yaml", line: 13, column: 45), "\(error)")
        #expect(error.message == "the beat's step (epoch 233, update 1, example 1, feedforward l=1) is not a step of `short`")
    }
}
