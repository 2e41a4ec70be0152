extension Expr {
    /// The value of an expression that holds only numbers, or nil if a symbol, sum or
    /// partial derivative remains.
    public func evaluated() -> Double? {
        switch self {
        case .number(let v): return v
        case .symbol, .sum, .partial, .indicator: return nil
        case .add(let terms):
            var total = 0.0
            for t in terms {
                guard let v = t.evaluated() else { return nil }
                total += v
            }
            return total
        case .subtract(let x, let y):
            guard let x = x.evaluated(), let y = y.evaluated() else { return nil }
            return x - y
        case .multiply(let factors):
            var product = 1.0
            for f in factors {
                guard let v = f.evaluated() else { return nil }
                product *= v
            }
            return product
        case .divide(let x, let y):
            guard let x = x.evaluated(), let y = y.evaluated() else { return nil }
            return x / y
        case .negate(let x): return x.evaluated().map { -$0 }
        case .apply(let f, let x): return x.evaluated().map { f($0) }
        case .power(let x, let k):
            guard let x = x.evaluated() else { return nil }
            var result = 1.0
            for _ in 0..<abs(k) { result *= x }
            return k < 0 ? 1 / result : result
        }
    }

    /// The innermost sub-expression whose value is ∞ or NaN: the first (left to right) part
    /// that is non-finite itself — a number, or an operation on finite parts such as 1/0 —
    /// with every part inside it finite. Nil if the expression is finite or not evaluable.
    public func innermostNonFinite() -> Expr? {
        guard let v = evaluated(), !v.isFinite else { return nil }
        let parts: [Expr]
        switch self {
        case .number, .symbol, .sum, .partial, .indicator: parts = []
        case .add(let terms): parts = terms
        case .multiply(let factors): parts = factors
        case .subtract(let x, let y), .divide(let x, let y): parts = [x, y]
        case .negate(let x), .apply(_, let x), .power(let x, _): parts = [x]
        }
        for part in parts {
            if let inner = part.innermostNonFinite() { return inner }
        }
        return self
    }
}
