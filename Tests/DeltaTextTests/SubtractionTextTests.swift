import DeltaCore
import Testing
@testable import DeltaText

/// A subtraction of two numbers never prints as (1 − 1) when the numbers differ.
@Suite struct SubtractionTextTests {
    let text = ExprText()

    @Test func numbersThatPrintAlikeGetTheDigitsThatTellThemApart() {
        let a = Activation.sigmoid(20)  // 0.99999999793884631
        #expect(text.render(.subtract(.number(1), .number(a))) == "1 − 0.99999999794")
        // The quadratic cost's a − y at z = 20, y = 1, beside a non-zero δ.
        #expect(text.render(.multiply([.subtract(.number(a), .number(1)), .multiply([.number(a), .number(Activation.sigmoid(-20))])]))
                == "(0.99999999794 − 1)·1·2.061e−9")
        #expect(text.render(.subtract(.number(-1), .number(-0.9999999999))) == "−1 − (−0.9999999999)")
        #expect(text.render(.subtract(.number(0.12499999), .number(0.12500001))) == "0.12499999 − 0.12500001")
        // Two more digits than the fewest that differ (2 here), or more where those round both
        // alike again: 0.12499 and 0.12501 are 0.125 at 3 and 4 digits.
        #expect(ExprText.separatingDigits(0.12499, 0.12501, from: 1) == 5)
        #expect(ExprText(digits: 1).render(.subtract(.number(0.12499), .number(0.12501))) == "0.12499 − 0.12501")
        #expect(ExprText.separatingDigits(a, 1, from: 6) == 11)
    }

    @Test func outsideTheFixedRangeTheShortestExactTextIsUsed() {
        // Scientific notation keeps at most 4 significant digits, so these need their exact text.
        #expect(text.render(.subtract(.number(1.2345678e-5), .number(1.2345679e-5))) == "1.2345678e−5 − 1.2345679e−5")
        #expect(text.render(.subtract(.number(1234567.8), .number(1234567.9))) == "1234567.8 − 1234567.9")
        #expect(ExprText.separatingDigits(1.2345678e-5, 1.2345679e-5, from: 6) == nil)
    }

    @Test func numbersThatAlreadyDifferOrAreEqualAreLeftAlone() {
        let a = 0.9820137900379085
        #expect(text.render(.multiply([.number(a), .subtract(.number(1), .number(a))])) == "0.982014·(1 − 0.982014)")
        #expect(text.render(.subtract(.number(1), .number(1))) == "1 − 1")
        #expect(text.render(.subtract(.number(0.5), .number(0.25))) == "0.5 − 0.25")
        // Only the subtraction is widened, not the numbers around it.
        #expect(text.render(.multiply([.number(a), .subtract(.number(1), .number(Activation.sigmoid(20)))])) == "0.982014·(1 − 0.99999999794)")
    }
}
