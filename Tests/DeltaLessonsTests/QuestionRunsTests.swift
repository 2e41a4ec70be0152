import DeltaCore
import Testing
@testable import DeltaLessons

/// Questions written for several runs, and values that exist only where the lecture has them.
@Suite struct QuestionRunsTests {
    @Test func aQuestionForTwoVariantsOfOneShapeIsTakenAndDifferentShapesAreRefused() throws {
        let variants = "\nvariants:\n  - {name: v1, layers: [2, 3, 2]}\n  - {name: v2, layers: [2, 3, 2], eta: 1}\n  - {name: v3, layers: [2, 4, 2]}\n"
        let question = "questions:\n  - {at: {step: output-error}, ask: δ?, answer: {quantity: delta, layer: 2, node: 1}, variants: VS}\n"
        let lesson = try Lesson.parse(minimalLesson + variants + question.replacingOccurrences(of: "VS", with: "[v1, v2]"), file: "q.yaml")
        #expect(lesson.questions(forVariant: "v1").count == 1 && lesson.questions(forVariant: "v2").count == 1)
        #expect(lesson.questions(forVariant: nil).isEmpty)
        let error = try #require(lessonError(minimalLesson + variants + question.replacingOccurrences(of: "VS", with: "[v1, v3]")))
        #expect(error.message == "variant `v3` has another network shape than the other runs this question is asked in")
    }

    @Test func theInputLayerHasAnAButNoZOrDelta() throws {
        let claim = "\nexpect:\n  - {value: {quantity: Q, layer: 0, node: 1}, at: {step: feedforward}, is: 0}\n"
        let z = try #require(lessonError(minimalLesson + claim.replacingOccurrences(of: "Q", with: "z")))
        #expect(z.message == "`z` has no layer 0" && z.hint == "it belongs to layer 1")
        #expect(lessonError(minimalLesson + claim.replacingOccurrences(of: "Q", with: "delta")) != nil)
        #expect(lessonError(minimalLesson + claim.replacingOccurrences(of: "Q", with: "a")) == nil)
    }
}
