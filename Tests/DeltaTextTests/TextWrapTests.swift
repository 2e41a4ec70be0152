import Testing
@testable import DeltaText

/// Wrapped text keeps every character and never exceeds its width.
@Suite struct TextWrapTests {
    @Test func aLongWordAfterTheFirstLineIsCutToTheContinuationWidth() {
        let text = "     = (−2·(y₁ − a₁,₁)/n₁)·a₁,₁(1 − a₁,₁)"
        let lines = wrap(text, width: 18, indent: "    ")
        #expect(lines == ["     = (−2·(y₁ −", "    a₁,₁)/n₁)·a₁,₁", "    (1 − a₁,₁)"])
        for line in lines { #expect(line.count <= 18, "\(line)") }
        // Nothing is lost: the words, joined again, are the text's.
        #expect(lines.map { $0.trimmingPrefix("    ") }.joined().filter { $0 != " " } == text.filter { $0 != " " })
    }

    @Test func everyWidthKeepsEveryCharacter() {
        let text = "σ′(z) = 0.0177 is tiny: output node 1 is saturated at a = 0.982, far from its target y = 0. δ = ∂C/∂a · σ′(z) carries this factor."
        for width in 9...60 {
            let lines = wrap(text, width: width, indent: "  ")
            for line in lines { #expect(line.count <= width, "width \(width): \(line)") }
            #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "width \(width)")
        }
    }
}

private extension String {
    func trimmingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
