import DeltaCore

/// Writes formulas (``Expr``) as one line of text in the lecture's notation: subscripts as
/// Unicode subscripts where they exist (z₂,₁, δₗ₋₁,ᵢ), σ′, Σᵢ, ∂C/∂a, and numbers short
/// enough to read.
public struct ExprText: Sendable {
    /// Significant digits of substituted numbers.
    public var digits: Int
    /// Sums with more terms than this are shown as the first two, "…", and the last.
    public var maxTerms: Int
    /// Whether numbers are written as the shortest text that reads back as the same double
    /// (for two numbers no number of significant digits tells apart).
    private var writesRoundTrip = false

    /// A writer with the given precision and sum length.
    public init(digits: Int = 6, maxTerms: Int = 4) {
        self.digits = digits
        self.maxTerms = maxTerms
    }

    /// One equation: `lhs = form₁ = form₂ …` (or `lhs → form`).
    public func equation(_ e: Equation, forms: [Expr]? = nil) -> String {
        let relation = e.relation == .becomes ? " → " : " = "
        return render(e.lhs) + (forms ?? e.forms).map { relation + render($0) }.joined()
    }

    /// The expression as text.
    public func render(_ e: Expr) -> String { text(e, context: 0) }

    /// A number as short as it reads well: 4, 0.982014, −0.0561, 4.22e−18.
    public func number(_ x: Double) -> String {
        writesRoundTrip ? ExprText.roundTrip(x) : NumberText.format(x, digits: digits)
    }

    /// The significant digits at which two different numbers print differently: `digits`
    /// if they already do; else the fewest more at which they do, plus two so that their
    /// difference shows too (0.99999999794 − 1, not 0.999999998 − 1), or more where two more
    /// would round them alike again, up to 17. Nil if no
    /// number of digits tells them apart (outside 10⁻⁴ … 10⁶ numbers are written with at most
    /// 4 significant digits) or they are equal.
    public static func separatingDigits(_ x: Double, _ y: Double, from digits: Int) -> Int? {
        guard x != y, x.isFinite, y.isFinite else { return nil }
        func differ(_ d: Int) -> Bool { NumberText.format(x, digits: d) != NumberText.format(y, digits: d) }
        if differ(digits) { return digits }
        guard let least = (digits + 1...max(digits + 1, 17)).first(where: differ) else { return nil }
        // More digits may round both to the same text again (0.12499 and 0.12501 differ at 2
        // digits, not at 3 or 4): take the fewest from two more on at which they differ.
        return (min(least + 2, 17)...17).first(where: differ) ?? least
    }

    /// The shortest text that reads back as exactly x, in the screen's notation: "−",
    /// "e−5" (not "e-05").
    static func roundTrip(_ x: Double) -> String {
        guard x.isFinite else { return NumberText.format(x) }
        let parts = NumberText.exact(x).split(separator: "e", maxSplits: 1)
        var out = String(parts[0])
        if parts.count == 2, let exponent = Int(parts[1]) { out += "e" + String(exponent) }
        return out.replacingOccurrences(of: "-", with: "−")
    }

    /// Two numbers as text that tells them apart if they differ: at this writer's digits if
    /// that does, else with ``separatingDigits(_:_:from:)``, else their exact text. A screen
    /// must never show (1 − 1) beside a result that is not 0, nor "2.061e−9 ≈ 2.061e−9".
    public func separated(_ x: Double, _ y: Double) -> (String, String) {
        let writer = separating(x, y) ?? self
        return (writer.number(x), writer.number(y))
    }

    /// A writer that tells two different numbers apart, or nil if this one already does.
    private func separating(_ x: Double, _ y: Double) -> ExprText? {
        guard !writesRoundTrip, x != y, x.isFinite, y.isFinite, number(x) == number(y) else { return nil }
        var wider = self
        if let d = ExprText.separatingDigits(x, y, from: digits) { wider.digits = d } else { wider.writesRoundTrip = true }
        return wider
    }

    // Precedence: 1 sum/difference, 2 product/quotient, 3 unary minus, 4 power, 5 atom.
    private func precedence(_ e: Expr) -> Int {
        switch e {
        case .add, .subtract, .sum: return 1
        case .multiply, .divide: return 2
        case .negate: return 3
        case .number(let x): return x < 0 ? 1 : 5  // a negative number is bracketed after an operator
        case .power: return 4
        default: return 5
        }
    }

    /// An expression as text, bracketed when its precedence is below its context's.
    private func text(_ e: Expr, context: Int) -> String {
        let body: String
        switch e {
        case .number(let x): body = number(x)
        case .symbol(let s): body = symbol(s)
        case .sum(let s): body = "Σ" + ExprText.subscripted(s.index) + " " + text(s.body, context: 2)
        case .add(let terms):
            var parts = terms.enumerated().map { k, term -> String in
                let piece = text(term, context: 1)
                return k > 0 && piece.hasPrefix("−") ? "(" + piece + ")" : piece  // a + (−b)
            }
            if parts.count > maxTerms { parts = Array(parts.prefix(2)) + ["…"] + [parts.last!] }
            body = parts.joined(separator: " + ")
        case .subtract(let a, let b):
            if case .number(let x) = a, case .number(let y) = b, let wider = separating(x, y) {
                body = wider.text(a, context: 1) + " − " + wider.text(b, context: 2)
            } else {
                body = text(a, context: 1) + " − " + text(b, context: 2)
            }
        case .multiply(let factors):
            var out = ""
            for (k, factor) in factors.enumerated() {
                // A leading negative number needs no brackets: −2·(y − a).
                var leadingNegative = false
                if k == 0, context <= 2, case .number(let x) = factor, x < 0 { leadingNegative = true }
                // A quotient before another factor is bracketed: (2(y − a)/n)·a(1 − a).
                var isQuotient = false
                if case .divide = factor, k < factors.count - 1 { isQuotient = true }
                let piece = text(factor, context: leadingNegative ? 0 : (isQuotient ? 3 : 2))
                if k > 0 {
                    // a(1 − a) as the lecture writes it; a dot between anything else.
                    let previousIsSymbol: Bool
                    if case .symbol = factors[k - 1] { previousIsSymbol = true } else { previousIsSymbol = false }
                    out += (previousIsSymbol && piece.hasPrefix("(")) ? "" : "·"
                }
                out += piece
            }
            body = out
        case .divide(let a, let b): body = text(a, context: 2) + "/" + text(b, context: 3)
        case .negate(let a): body = "−" + text(a, context: 3)
        case .apply(let f, let a):
            switch f {
            case .exp: body = "e^" + (precedence(a) >= 3 && !ExprText.isCompound(a) ? text(a, context: 3) : "(" + text(a, context: 0) + ")")
            case .ln: body = "ln(" + text(a, context: 0) + ")"
            default: body = f.rawValue + "(" + text(a, context: 0) + ")"
            }
        case .partial(let a, let b): body = "∂" + text(a, context: 5) + "/∂" + text(b, context: 5)
        case .indicator(let j, let k): body = "1[" + ExprText.index(j) + "=" + ExprText.index(k) + "]"
        case .power(let a, let k): body = text(a, context: 5) + ExprText.superscript(k)
        }
        return precedence(e) < context ? "(" + body + ")" : body
    }

    /// Whether an exponent needs brackets after e^: a negated compound, not −z.
    private static func isCompound(_ e: Expr) -> Bool {
        if case .negate(let inner) = e, case .symbol = inner { return false }
        if case .negate = e { return true }
        return false
    }

    /// A symbol with its subscripts and example: z₂,₁, δₗ₋₁,ᵢ, a₀,₁(m).
    private func symbol(_ s: Symbol) -> String {
        var name: String
        switch s.name {
        case .nodes: name = "n"
        case .delta: name = "δ"
        case .eta: name = "η"
        case .lambda: name = "λ"
        default: name = s.name.rawValue
        }
        if !s.indices.isEmpty { name += ExprText.subscripted(s.indices.map(ExprText.index).joined(separator: ",")) }
        if let m = s.example { name += "(" + ExprText.index(m) + ")" }
        return name
    }

    /// A subscript as written: l, 2, l−1.
    public static func index(_ i: Index) -> String {
        switch i {
        case .variable(let v): return v
        case .literal(let k): return String(k)
        case .offset(let v, let k): return v + (k < 0 ? "−" : "+") + String(abs(k))
        }
    }

    /// The characters that have Unicode subscripts.
    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "i": "ᵢ", "j": "ⱼ", "k": "ₖ", "l": "ₗ", "m": "ₘ", "n": "ₙ", "−": "₋", "+": "₊", ",": ",",
    ]

    /// Text as a subscript: Unicode subscripts when every character has one, else `_{text}`.
    public static func subscripted(_ text: String) -> String {
        if text.allSatisfy({ subscripts[$0] != nil }) { return String(text.map { subscripts[$0]! }) }
        return text.count == 1 ? "_" + text : "_{" + text + "}"
    }

    /// A whole number as superscript digits: ² ³ ⁻¹.
    public static func superscript(_ k: Int) -> String {
        let table: [Character: Character] = ["0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹", "-": "⁻"]
        return String(String(k).map { table[$0]! })
    }
}
