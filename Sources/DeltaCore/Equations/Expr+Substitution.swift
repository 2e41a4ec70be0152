extension Expr {
    /// The expression with every sum written out term by term and every leaf — a symbol
    /// whose indices are all bound, or a partial derivative such as ∂C/∂a_{2,1} — replaced by
    /// its value from `value` (leaves it returns nil for stay as they are). Indicators of
    /// bound indices become 0 or 1. A sum whose upper bound has no value stays a sum.
    public func substituting(_ value: (Expr) -> Double?) -> Expr {
        switch self {
        case .number: return self
        case .symbol(let s):
            guard s.isBound, let v = value(self) else { return self }
            return .number(v)
        case .sum(let s):
            guard let upper = s.upper.substituting(value).evaluated(), upper >= 0, upper == upper.rounded() else {
                return .sum(Summation(s.index, to: s.upper.substituting(value), s.body))
            }
            let count = Int(upper)
            guard count > 0 else { return .number(0) }
            return .add((1...count).map { s.body.binding([s.index: $0]).substituting(value) })
        case .add(let terms): return .add(terms.map { $0.substituting(value) })
        case .subtract(let x, let y): return .subtract(x.substituting(value), y.substituting(value))
        case .multiply(let factors): return .multiply(factors.map { $0.substituting(value) })
        case .divide(let x, let y): return .divide(x.substituting(value), y.substituting(value))
        case .negate(let x): return .negate(x.substituting(value))
        case .apply(let f, let x): return .apply(f, x.substituting(value))
        case .partial: return value(self).map(Expr.number) ?? self
        case .indicator(.literal(let j), .literal(let k)): return .number(j == k ? 1 : 0)
        case .indicator: return self
        case .power(let x, let k): return .power(x.substituting(value), k)
        }
    }
}
