/// Σ_{index=1}^{upper} body.
public struct Summation: Sendable, Hashable {
    /// The summation index, e.g. "i".
    public var index: String
    /// The upper bound, e.g. n_{l−1} or M.
    public var upper: Expr
    /// The summand.
    public var body: Expr

    /// A summation; see each property.
    public init(_ index: String, to upper: Expr, _ body: Expr) {
        self.index = index
        self.upper = upper
        self.body = body
    }
}
