import Testing
@testable import DeltaText

/// A typed answer: decimals, signs (− too), e notation and fractions are read; what is not
/// a number is refused with its reason, never read as another number.
@Suite struct TypedAnswerTests {
    @Test func fractionsSignsAndENotationAreRead() {
        #expect(TypedAnswer.read("1/2") == .success(0.5))
        #expect(TypedAnswer.read("-3/4") == .success(-0.75))
        #expect(TypedAnswer.read("−3/4") == .success(-0.75))
        #expect(TypedAnswer.read("3/-4") == .success(-0.75))
        #expect(TypedAnswer.read("19/20") == .success(0.95))
        #expect(TypedAnswer.read("−1.5e-3") == .success(-0.0015))
        #expect(TypedAnswer.read("+.25") == .success(0.25))
        #expect(TypedAnswer.read("1/0") == .failure(.divisionByZero("1/0")))
        #expect(TypedAnswer.read("1/2/3") == .failure(.notANumber("1/2/3")))
        #expect(TypedAnswer.read("/2") == .failure(.notANumber("/2")))
        #expect(TypedAnswer.read("e") == .failure(.notANumber("e")))
        // A decimal comma is refused and the point suggested, never read as 98.
        #expect(TypedAnswer.read("0,98") == .failure(.decimalComma("0,98")))
        #expect(TypedAnswer.Problem.decimalComma("0,98").message.contains("e.g. 0.98"))
        #expect(TypedAnswer.read("") == .failure(.empty))
        #expect(TypedAnswer.read("1e999") == .failure(.notFinite("1e999")))
    }
}
