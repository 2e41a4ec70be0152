/// Where numbers are in a line of text, as ``NumberText`` and ``ExprText`` write them:
/// digits with a point, a sign (− or -), an exponent (4.22e−18) or superscript digits
/// (10⁻³); so that a clip or a line break can keep a number whole. A "·" between two
/// numbers is a product, not part of either.
public enum NumberToken {
    /// Whether a character can be part of a number: a digit, a point, a sign, e (of an
    /// exponent), superscript digits and minus.
    static func isNumberCharacter(_ c: Character) -> Bool {
        c.isASCII && c.isNumber || ".−-e⁰¹²³⁴⁵⁶⁷⁸⁹⁻".contains(c)
    }

    /// Whether a character is a digit, ASCII or superscript.
    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber || "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c) }

    /// The number a cut between `characters[index − 1]` and `characters[index]` falls inside,
    /// as the range of its characters; nil when the cut is between two tokens (or inside
    /// text that is not a number). A run of number characters counts only if it has a
    /// digit: "−0.0474|753", "4.22|e−18", "−|0.5"; not "0.68·|0.37" or a word's "e".
    public static func cut(_ characters: [Character], at index: Int) -> Range<Int>? {
        guard index > 0, index < characters.count,
              isNumberCharacter(characters[index - 1]), isNumberCharacter(characters[index]) else { return nil }
        var lower = index - 1, upper = index
        while lower > 0, isNumberCharacter(characters[lower - 1]) { lower -= 1 }
        while upper < characters.count - 1, isNumberCharacter(characters[upper + 1]) { upper += 1 }
        // An "e" at an end is a letter, not part of a number.
        while lower < index, characters[lower] == "e" { lower += 1 }
        while upper >= index, characters[upper] == "e" { upper -= 1 }
        guard lower < index, upper >= index else { return nil }
        // A run with a digit: a number (or its sign) is being cut.
        guard characters[lower...upper].contains(where: isDigit) else { return nil }
        return lower..<(upper + 1)
    }
}
