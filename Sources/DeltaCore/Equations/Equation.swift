/// A relation between a quantity and its forms: `lhs = forms[0] = forms[1] = …` (or, for
/// an update, `lhs → forms[0] = …`).
public struct Equation: Sendable, Hashable {
    /// Whether the left side is defined by the forms or replaced by them.
    public enum Relation: Sendable, Hashable {
        /// lhs = form.
        case equals
        /// lhs → form: the gradient-descent update of a parameter.
        case becomes
    }

    /// The quantity the equation computes, e.g. δ_{L,j}.
    public var lhs: Expr
    /// Equal forms of its value, most general first; each later form is a rewriting of the
    /// one before (a specialisation to this activation and cost, or an exact simplification).
    public var forms: [Expr]
    /// = or →.
    public var relation: Relation

    /// An equation; see each property.
    public init(_ lhs: Expr, _ forms: [Expr], relation: Relation = .equals) {
        self.lhs = lhs
        self.forms = forms
        self.relation = relation
    }
}

extension Equation {
    /// The equation with index variables bound.
    public func binding(_ bindings: [String: Int]) -> Equation {
        Equation(lhs.binding(bindings), forms.map { $0.binding(bindings) }, relation: relation)
    }
}
