/// The number a student typed as an answer: a decimal with an optional sign (`-` or the
/// minus sign `−`) and `e` notation (`-1.5e-3`), or a fraction of two such numbers
/// (`1/2`, `-3/4`), evaluated as numerator ÷ denominator. The screen reads a student's
/// answer with it and words its problems with ``Problem/message``.
public enum TypedAnswer {
    /// Why what was typed is not a number.
    public enum Problem: Error, Equatable {
        /// Nothing was typed.
        case empty
        /// The text is not a decimal or a fraction of two.
        case notANumber(String)
        /// A fraction whose denominator is 0.
        case divisionByZero(String)
        /// A number too large to hold (1e400).
        case notFinite(String)
        /// A decimal comma (`0,98`): refused rather than read as another number.
        case decimalComma(String)
    }

    /// The value of the typed text, or why it has none.
    public static func read(_ text: String) -> Result<Double, Problem> {
        let plain = text.replacingOccurrences(of: "−", with: "-")
        guard !plain.isEmpty else { return .failure(.empty) }
        guard !plain.contains(",") else { return .failure(.decimalComma(text)) }
        let parts = plain.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, let numerator = Double(parts[0]) else { return .failure(.notANumber(text)) }
        var value = numerator
        if parts.count == 2 {
            guard let denominator = Double(parts[1]) else { return .failure(.notANumber(text)) }
            guard denominator != 0 else { return .failure(.divisionByZero(text)) }
            value = numerator / denominator
        }
        return value.isFinite ? .success(value) : .failure(.notFinite(text))
    }
}

extension TypedAnswer.Problem {
    /// The problem in words, for the lesson's box.
    public var message: String {
        let examples = "e.g. 0.25, -1.5e-3 or 1/2"
        switch self {
        case .empty: return "type a number first, \(examples)"
        case .notANumber(let text): return "“\(text)” is not a number: type one, \(examples)"
        case .divisionByZero(let text): return "\(text) divides by zero: type another number"
        case .notFinite(let text): return "\(text) is too large to be an answer"
        case .decimalComma(let text): return "“\(text)”: write the decimal point as a point, e.g. \(text.replacingOccurrences(of: ",", with: "."))"
        }
    }
}
