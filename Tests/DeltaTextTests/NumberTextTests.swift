import Testing
@testable import DeltaText

/// The one number formatter: each way of writing a number, and non-finite values never silent.
@Suite struct NumberTextTests {
    @Test func shortForTheScreen() {
        #expect(NumberText.format(0.98201379003790845) == "0.982014")
        #expect(NumberText.format(0.017345021270, digits: 8) == "0.017345021")
        #expect(NumberText.format(4.2483542552915889e-18) == "4.248e−18")
        #expect(NumberText.format(-0.0561) == "−0.0561")
        #expect(NumberText.format(2_500_000) == "2.5e6")
        #expect(NumberText.format(-2.5e-7, minus: .ascii) == "-2.5e-7")
        #expect(NumberText.format(0) == "0" && NumberText.format(4) == "4")
    }

    @Test func fixedForColumnsStaysBoundedForLargeNumbers() {
        #expect(NumberText.fixed(0.98201379) == "0.9820")
        #expect(NumberText.fixed(-0.05612, decimals: 3) == "−0.056")
        #expect(NumberText.fixed(165_324.83501720, decimals: 8, minus: .ascii) == "165324.83501720")
        #expect(NumberText.fixed(2_386_740.0440, decimals: 8, minus: .ascii) == "2.38674004e6")
        // Too small for the decimals: its digits, never 0.00000000 for a number that is not 0.
        #expect(NumberText.fixed(2.06e-9, decimals: 8, minus: .ascii) == "2.06e-9" && NumberText.fixed(0, decimals: 3) == "0.000")
    }

    @Test func writtenAsAPersonWouldAndExactForScripts() {
        #expect(NumberText.written(0.15) == "0.15" && NumberText.written(300) == "300" && NumberText.written(1e-7) == "1e-07")
        #expect(NumberText.written(-2.5) == "-2.5")
        #expect(NumberText.exact(0.1 + 0.2) == "0.30000000000000004")
        #expect(Double(NumberText.exact(0.7513650695523157)) == 0.7513650695523157)
    }

    @Test func nonFiniteValuesAreSpelledOut() {
        #expect(NumberText.format(.nan) == "NaN" && NumberText.format(.infinity) == "∞" && NumberText.format(-.infinity) == "−∞")
        #expect(NumberText.fixed(.infinity, minus: .ascii) == "inf" && NumberText.exact(-.infinity) == "-inf")
        #expect(NumberText.written(.nan) == "nan")
    }
}

/// Tables whose columns fit their contents and never run together.
@Suite struct TextTableTests {
    @Test func wideNumbersStaySeparated() {
        var table = TextTable(headers: ["epoch", "cost", "val cost"])
        table.append(["0", "0.48217602", "0.50000000"])
        table.append(["12", "165324.83501720", "238674.04405631"])
        #expect(table.lines == [
            "epoch             cost         val cost",
            "    0       0.48217602       0.50000000",
            "   12  165324.83501720  238674.04405631",
        ])
        #expect(!table.lines[2].contains("0165324") && table.lines[2].contains("  238674"))
    }

    @Test func textColumnsKeepLeft() {
        var table = TextTable(headers: ["name", "epoch"], alignments: [.left, .right])
        table.append(["cross-entropy", "8"])
        table.append(["mse", "107"])
        #expect(table.lines == ["name           epoch", "cross-entropy      8", "mse              107"])
    }
}

/// Numbers that must fit a cell keep their digits, or say they cannot.
@Suite struct FittingNumberTests {
    @Test func aCellGetsTheMostDigitsThatFitAndNeverAZeroForANonZero() {
        #expect(NumberText.fitting(0.98201379, width: 9) == "0.9820")
        #expect(NumberText.fitting(-4.2483542552915889e-18, width: 9) == "−4.25e−18")
        #expect(NumberText.fitting(-4.2483542552915889e-18, width: 10) == "−4.248e−18")
        #expect(NumberText.fitting(1000, width: 8) == "1000.000" && NumberText.fitting(-2000, width: 8) == "−2000.00")
        #expect(NumberText.fitting(-125456, width: 10, decimals: 5) == "−125456.00")
        #expect(NumberText.fitting(2.06e-9, width: 9) == "2.06e−9")
        #expect(NumberText.fitting(0, width: 3) == "0.0" && NumberText.fitting(-234.25, width: 4) == "−234")
        #expect(NumberText.fitting(-4.2483542552915889e-18, width: 4) == "…")
        for width in 1...12 {
            for x in [0.5, -3.75e-12, 123456789.0, -0.000123] { #expect(NumberText.fitting(x, width: width).count <= width) }
        }
    }
}

/// IEEE negative zero (0·(−0.01)) is written as 0, never as "−0.0000", which reads as a
/// tiny negative number.
@Suite struct NegativeZeroTests {
    @Test func negativeZeroIsWrittenAsZero() {
        let negativeZero = 0.0 * -0.0103
        #expect(negativeZero.sign == .minus)
        #expect(NumberText.fixed(negativeZero) == "0.0000")
        #expect(NumberText.fitting(negativeZero, width: 7) == NumberText.fitting(0, width: 7))
        #expect(!NumberText.fitting(negativeZero, width: 7).contains("−"))
        #expect(NumberText.format(negativeZero) == NumberText.format(0))
    }
}
