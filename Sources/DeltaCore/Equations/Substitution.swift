/// One form of an equation with a step's numbers in place, and whether it may be shown with
/// "=" beside the result the engine stored.
///
/// Every substituted form is evaluated here, in DeltaCore, and compared with the stored
/// result, so that no screen can show "=" between a form and a number it does not equal.
/// Where the stored a has rounded away the digits of a sub-expression (1 − a of an a that
/// has rounded to 1) its value is taken from z instead and listed in ``notes``, so that the
/// form stays equal and the screen says what was computed from z; a form that still cannot
/// be evaluated (∞ · 0 where ∂C/∂a overflows) is marked, and the screen says so.
public struct Substitution: Sendable, Hashable {
    /// How the evaluated form relates to the stored result.
    public enum Agreement: Sendable, Hashable {
        /// Equal up to the last digits a double carries (relative difference ≤ 10⁻⁹): shown
        /// with "=".
        case equal
        /// Close but not equal (relative difference ≤ 10⁻⁴): the form lost digits to
        /// rounding; shown with "≈".
        case approximate
        /// The form evaluates to something else, or to NaN or ∞ beside a finite result: its
        /// numbers are not shown as equal to anything.
        case notEvaluable
    }

    /// The form with numbers substituted.
    public let expr: Expr
    /// Its value, if every leaf was substituted.
    public let value: Double?
    /// How that value relates to the stored result.
    public let agreement: Agreement
    /// The result the engine stored, which the form is judged against.
    public let result: Double
    /// The sub-expressions whose values were computed from z, not from the stored a the
    /// textbook form names, because that a has lost their digits (in the order they occur):
    /// the screen must say so beside the form.
    public let notes: [StableValue]

    /// The relative difference up to which a form counts as equal to the stored result.
    public static let equalTolerance = 1e-9
    /// The relative difference up to which a form counts as approximately equal.
    public static let approximateTolerance = 1e-4

    /// A substituted form, judged against the stored result, with the notes of the values
    /// it took from z (``Expr/substituting(_:stable:)``).
    public init(form: Expr, result: Double, notes: [StableValue] = []) {
        expr = form
        value = form.evaluated()
        agreement = Substitution.agreement(of: value, with: result)
        self.result = result
        self.notes = notes
    }

    /// Where the form stops being evaluable, for saying why it is ``Agreement/notEvaluable``:
    /// the innermost sub-expression of ``expr`` whose value is ∞ or NaN though its parts are
    /// finite (1/0, e^{800}, a product ∞·0), or a substituted number that is itself ∞ or NaN
    /// (an ∂C/∂a that overflowed). Nil when the form's value is finite.
    public var nonFinitePart: Expr? {
        guard let value, !value.isFinite else { return nil }
        return expr.innermostNonFinite()
    }

    /// How a form's value relates to a stored result. Equal non-finite values (an ∞ cost
    /// where the form also gives ∞) agree; NaN never does.
    public static func agreement(of value: Double?, with result: Double) -> Agreement {
        guard let value, !value.isNaN, !result.isNaN else { return .notEvaluable }
        if value == result { return .equal }
        guard value.isFinite, result.isFinite else { return .notEvaluable }
        let difference = abs(value - result), scale = max(abs(value), abs(result))
        if difference <= equalTolerance * scale || difference < Double.leastNormalMagnitude { return .equal }
        if difference <= approximateTolerance * scale { return .approximate }
        return .notEvaluable
    }
}
