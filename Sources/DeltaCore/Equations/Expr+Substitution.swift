extension Expr {
    /// The expression with every sum written out term by term and every leaf — a symbol
    /// whose indices are all bound, or a partial derivative such as ∂C/∂a_{2,1} — replaced by
    /// its value from `value` (leaves it returns nil for stay as they are). Indicators of
    /// bound indices become 0 or 1. A sum whose upper bound has no value stays a sum.
    public func substituting(_ value: (Expr) -> Double?) -> Expr {
        substituting(value, stable: { _ in nil }).expr
    }

    /// The expression with its numbers substituted as ``substituting(_:)`` does, except that
    /// `stable` is asked first about every sub-expression (after the indices of a sum written
    /// out are bound): where it returns a ``StableValue`` — a sub-expression such as
    /// 1 − a_{2,1} whose value from the stored leaves would have lost its digits — its value
    /// replaces the whole sub-expression, and the note is listed (once) in `notes`.
    public func substituting(_ value: (Expr) -> Double?, stable: (Expr) -> StableValue?) -> (expr: Expr, notes: [StableValue]) {
        var notes: [StableValue] = []
        let expr = substituted(value, stable, &notes)
        return (expr, notes)
    }

    private func substituted(_ value: (Expr) -> Double?, _ stable: (Expr) -> StableValue?, _ notes: inout [StableValue]) -> Expr {
        if case .number = self { return self }
        if let note = stable(self) {
            if !notes.contains(note) { notes.append(note) }
            return .number(note.value)
        }
        func inner(_ e: Expr) -> Expr { e.substituted(value, stable, &notes) }
        switch self {
        case .number: return self
        case .symbol(let s):
            guard s.isBound, let v = value(self) else { return self }
            return .number(v)
        case .sum(let s):
            let upper = inner(s.upper)
            guard let count = upper.evaluated(), count >= 0, count == count.rounded() else {
                return .sum(Summation(s.index, to: upper, s.body))
            }
            guard count > 0 else { return .number(0) }
            return .add((1...Int(count)).map { inner(s.body.binding([s.index: $0])) })
        case .add(let terms): return .add(terms.map(inner))
        case .subtract(let x, let y): return .subtract(inner(x), inner(y))
        case .multiply(let factors): return .multiply(factors.map(inner))
        case .divide(let x, let y): return .divide(inner(x), inner(y))
        case .negate(let x): return .negate(inner(x))
        case .apply(let f, let x): return .apply(f, inner(x))
        case .partial: return value(self).map(Expr.number) ?? self
        case .indicator(.literal(let j), .literal(let k)): return .number(j == k ? 1 : 0)
        case .indicator: return self
        case .power(let x, let k): return .power(inner(x), k)
        }
    }
}
