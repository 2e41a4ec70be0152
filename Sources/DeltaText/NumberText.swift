import Foundation

/// Every number DeltaTrace shows a person or a script, formatted in one place.
///
/// Four ways of writing a number, each for one purpose:
/// - ``format(_:digits:minus:)`` — as short as it reads well, on the screen and in
///   sentences: significant digits, trailing zeros dropped, scientific notation outside
///   10⁻⁴ … 10⁶ (0.982014, 4.22e−18);
/// - ``fixed(_:decimals:minus:)`` — a fixed number of decimals, for aligned columns;
///   scientific from 10⁶ so a column never grows without bound;
/// - ``written(_:)`` — as a person writes a setting back in a message or a claim: whole
///   numbers without a point, others with up to 10 significant digits (0.15, 300, 1e-07);
/// - ``exact(_:)`` — the shortest text that reads back as the same double, for JSON and CSV.
///
/// NaN and ±∞ are written as `NaN`, `∞` and `−∞` (ASCII: `nan`, `inf`, `-inf`), never silently.
public enum NumberText {
    /// How the minus sign is written.
    public enum Minus: Sendable, Hashable {
        /// U+2212 MINUS SIGN, as typeset mathematics writes it (the screen).
        case unicode
        /// U+002D HYPHEN-MINUS, which scripts and spreadsheets read (the command line).
        case ascii
    }

    /// Up to `digits` significant digits, trailing zeros dropped; scientific notation below
    /// 10⁻⁴ and from 10⁶ (with at most 4 significant digits there: 4.22e−18).
    public static func format(_ x: Double, digits: Int = 6, minus: Minus = .unicode) -> String {
        let x = x == 0 ? 0 : x  // −0 (a product like 0·(−0.01)) reads as 0, not as a tiny negative
        if let special = special(x, minus: minus) { return special }
        if x == 0 { return "0" }
        let magnitude = abs(x)
        var text: String
        if magnitude >= 1e-4 && magnitude < 1e6 {
            text = String(format: "%.\(digits)g", x)
            if text.contains("e") { text = String(format: "%.\(max(0, digits - 1))f", x) }
            text = trimmingZeros(text)
        } else {
            text = scientific(x, significant: max(1, min(digits, 4)))
        }
        return signed(text, minus)
    }

    /// A fixed number of decimals, for aligned columns ("−0.0561", "0.9820"); from 10⁶ on,
    /// scientific with the same number of digits after the point, so that a column of
    /// costs stays readable however large they grow; and a number too small for the
    /// decimals with its significant digits (2.06e−9), never as 0.0000 when it is not 0.
    public static func fixed(_ x: Double, decimals: Int = 4, minus: Minus = .unicode) -> String {
        let x = x == 0 ? 0 : x  // −0 (a product like 0·(−0.01)) reads as 0, not as a tiny negative
        if let special = special(x, minus: minus) { return special }
        if abs(x) >= 1e6 { return signed(scientific(x, significant: decimals + 1, trim: false), minus) }
        if x != 0 && abs(x) < 0.5 * pow(10, -Double(decimals)) { return format(x, digits: 4, minus: minus) }
        return signed(String(format: "%.\(decimals)f", x), minus)
    }

    /// A number in at most `width` columns, for a cell of a table or a node of the network:
    /// `decimals` fixed decimals when they fit and show the number (never 0.0000 for a
    /// number that is not 0), fewer decimals, then scientific notation with as many
    /// significant digits as fit (−4.25e−18); "…" when not even that fits, so that no digit
    /// is ever clipped or run into a neighbour.
    public static func fitting(_ x: Double, width: Int, decimals: Int = 4, minus: Minus = .unicode) -> String {
        let x = x == 0 ? 0 : x  // −0 (a product like 0·(−0.01)) reads as 0, not as a tiny negative
        if let special = special(x, minus: minus) { return special.count <= width ? special : "…" }
        var candidates: [String] = []
        for d in stride(from: decimals, through: 0, by: -1) where x == 0 || abs(x) >= 0.5 * pow(10, -Double(d)) {
            if abs(x) < 1e6 { candidates.append(signed(String(format: "%.\(d)f", x), minus)) }
        }
        for digits in stride(from: 4, through: 1, by: -1) {
            candidates.append(signed(scientific(x, significant: digits), minus))
        }
        return candidates.first { $0.count <= width } ?? "…"
    }

    /// A number as a person writes it: whole numbers without a decimal point, others with up
    /// to 10 significant digits and no trailing zeros; ASCII minus, so it can be pasted back
    /// into a lesson or onto a command line.
    public static func written(_ x: Double) -> String {
        if let special = special(x, minus: .ascii) { return special }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        var text = String(format: "%.10g", x)
        if !text.contains("e") { text = trimmingZeros(text) }
        return text
    }

    /// The shortest decimal text that reads back as exactly this double (Swift's own
    /// round-trip description), for JSON and CSV; non-finite values as `nan`, `inf`, `-inf`.
    public static func exact(_ x: Double) -> String {
        if let special = special(x, minus: .ascii) { return special }
        return "\(x)"
    }

    // MARK: Pieces

    /// NaN, ∞ and −∞ in words, or nil for a finite number.
    private static func special(_ x: Double, minus: Minus) -> String? {
        if x.isNaN { return minus == .unicode ? "NaN" : "nan" }
        if x.isInfinite {
            switch minus {
            case .unicode: return x > 0 ? "∞" : "−∞"
            case .ascii: return x > 0 ? "inf" : "-inf"
            }
        }
        return nil
    }

    /// "4.220e-18" → "4.22e-18" (with `trim`), exponent without "+" and leading zeros.
    private static func scientific(_ x: Double, significant: Int, trim: Bool = true) -> String {
        let text = String(format: "%.\(max(0, significant - 1))e", x)
        guard let e = text.firstIndex(of: "e") else { return text }
        var mantissa = String(text[..<e]), exponent = String(text[text.index(after: e)...])
        if trim { mantissa = trimmingZeros(mantissa) }
        if exponent.hasPrefix("+") { exponent.removeFirst() }
        while exponent.hasPrefix("0") || exponent.hasPrefix("-0") {
            exponent = exponent.hasPrefix("-") ? "-" + exponent.dropFirst(2) : String(exponent.dropFirst())
        }
        return mantissa + "e" + exponent
    }

    /// "0.50" → "0.5", "2.000" → "2"; text without a point is left alone.
    private static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var text = text
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// The text with its minus signs as `minus` asks.
    private static func signed(_ text: String, _ minus: Minus) -> String {
        minus == .unicode ? text.replacingOccurrences(of: "-", with: "−") : text
    }
}
