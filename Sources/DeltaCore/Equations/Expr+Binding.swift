extension Expr {
    /// The expression with index variables replaced by numbers (e.g. l = 2, j = 1).
    public func binding(_ bindings: [String: Int]) -> Expr {
        func bind(_ index: Index) -> Index {
            switch index {
            case .variable(let v): return bindings[v].map(Index.literal) ?? index
            case .offset(let v, let k): return bindings[v].map { .literal($0 + k) } ?? index
            case .literal: return index
            }
        }
        switch self {
        case .number: return self
        case .symbol(let s):
            return .symbol(Symbol(s.name, s.indices.map(bind), example: s.example.map(bind)))
        case .sum(let s):
            var inner = bindings
            inner[s.index] = nil
            return .sum(Summation(s.index, to: s.upper.binding(bindings), s.body.binding(inner)))
        case .add(let terms): return .add(terms.map { $0.binding(bindings) })
        case .subtract(let x, let y): return .subtract(x.binding(bindings), y.binding(bindings))
        case .multiply(let factors): return .multiply(factors.map { $0.binding(bindings) })
        case .divide(let x, let y): return .divide(x.binding(bindings), y.binding(bindings))
        case .negate(let x): return .negate(x.binding(bindings))
        case .apply(let f, let x): return .apply(f, x.binding(bindings))
        case .partial(let x, let y): return .partial(x.binding(bindings), y.binding(bindings))
        case .indicator(let j, let k): return .indicator(bind(j), bind(k))
        case .power(let x, let k): return .power(x.binding(bindings), k)
        }
    }
}
