import Testing
@testable import DeltaTUI

/// The colour-pair table gives every combination its own pair, for any number of colours.
@Suite struct ColorPairsTests {
    @Test func everyCombinationOf256ColoursHasItsOwnPair() {
        var defined: [Int16: (Int16, Int16)] = [:]
        var pairs = ColorPairs(limit: 32_767, defaultsAvailable: true) { pair, fg, bg in
            defined[pair] = (fg, bg)
            return true
        }
        var seen: [Int16: (Int16, Int16)] = [:]
        // (fg + 1)·16 + (bg + 1) used to give (16, −1) and (15, 15) the same pair.
        for fg in Int16(-1)..<100 {
            for bg in Int16(-1)..<100 {
                let pair = pairs.pair(foreground: fg, background: bg)
                #expect(pair > 0)
                #expect(seen[pair] == nil, "pair \(pair) for (\(fg), \(bg)) was already (\(seen[pair]!))")
                seen[pair] = (fg, bg)
                #expect(defined[pair]! == (fg, bg))
            }
        }
        #expect(pairs.pair(foreground: 16, background: -1) == pairs.pair(foreground: 16, background: -1))
        #expect(pairs.pair(foreground: 16, background: -1) != pairs.pair(foreground: 15, background: 15))
    }

    @Test func stylesWithoutColourUsePairZeroAndAFullTableFallsBackToIt() {
        var pairs = ColorPairs(limit: 3, defaultsAvailable: false) { _, _, _ in true }
        #expect(pairs.pair(for: Style(bold: true)) == 0)
        #expect(pairs.pair(for: Style(foreground: .red)) == 1)
        #expect(pairs.pair(for: Style(foreground: .green)) == 2)
        #expect(pairs.pair(for: Style(foreground: .blue)) == 0)  // pairs 1 and 2 were all there were
        #expect(pairs.pair(for: Style(foreground: .red)) == 1)
    }
}
