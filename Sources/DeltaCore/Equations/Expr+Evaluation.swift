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
}
