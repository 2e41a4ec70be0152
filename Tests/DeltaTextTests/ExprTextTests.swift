import DeltaCore
import Testing
@testable import DeltaText

/// Formulas written as one line of text.
@Suite struct ExprTextTests {
    @Test func negativeNumbersAreBracketedAfterAnOperator() {
        let text = ExprText()
        #expect(text.render(.add([.number(1), .multiply([.number(-0.5), .number(2)])])) == "1 + (−0.5·2)")
        #expect(text.render(.subtract(.number(0.2), .multiply([.number(1), .number(-0.05)]))) == "0.2 − 1·(−0.05)")
        #expect(text.render(.multiply([.number(-2), .sym(.a, .literal(1), .literal(1))])) == "−2·a₁,₁")
    }
}
