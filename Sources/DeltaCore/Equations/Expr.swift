/// A formula in the lecture's notation, as data: the TUI and the CLI render it; DeltaCore
/// only builds it, binds its indices, substitutes numbers and evaluates it.
///
/// Node and example indices in symbols are the lecture's: nodes i, j, k count from 1,
/// examples m count from 1, layers l from 0 (the input). A ``Summation`` runs its index from
/// 1 to its upper bound.
public indirect enum Expr: Sendable, Hashable {
    /// A number: a value substituted for a symbol, or a constant such as 1 or 2.
    case number(Double)
    /// A quantity such as z_{l,j}, w_{l,i,j}(m), η or n_L.
    case symbol(Symbol)
    /// Σ_{index=1}^{upper} body.
    case sum(Summation)
    /// Terms added: t_1 + t_2 + ….
    case add([Expr])
    /// lhs − rhs.
    case subtract(Expr, Expr)
    /// Factors multiplied: f_1 · f_2 · ….
    case multiply([Expr])
    /// numerator / denominator.
    case divide(Expr, Expr)
    /// −x.
    case negate(Expr)
    /// A named function applied to an argument: σ(z), σ′(z), ln a, e^x, sgn w, ….
    case apply(Function, Expr)
    /// ∂ numerator / ∂ denominator, e.g. ∂C/∂a_{L,j}.
    case partial(Expr, Expr)
    /// 1[j = k]: 1 when the two indices are equal, else 0.
    case indicator(Index, Index)
    /// base^exponent.
    case power(Expr, Int)

    /// A symbol with indices.
    public static func sym(_ name: Symbol.Name, _ indices: Index..., example: Index? = nil) -> Expr {
        .symbol(Symbol(name, indices, example: example))
    }
}

/// A named quantity with its indices.
public struct Symbol: Sendable, Hashable {
    /// The quantities of the lecture.
    public enum Name: String, Sendable, Hashable, CaseIterable {
        /// z, the weighted input of a node.
        case z
        /// a, the activation of a node (a_0 is the input x).
        case a
        /// δ = ∂C/∂z.
        case delta = "δ"
        /// w, a weight.
        case w
        /// b, a bias.
        case b
        /// y, a target value.
        case y
        /// C, the cost.
        case C
        /// η, the learning rate.
        case eta = "η"
        /// λ, the regularisation strength.
        case lambda = "λ"
        /// n, the size of the training set.
        case n
        /// M, the size of the minibatch.
        case M
        /// n_l, the number of nodes of a layer (written n with the layer as index).
        case nodes = "n_"
        /// r, a dropout mask entry (1 kept, 0 dropped).
        case r
        /// p, the dropout probability.
        case p
        /// e, Euler's number (as the base of an exponential).
        case e
    }

    /// The quantity.
    public var name: Name
    /// Its subscripts, e.g. (l, i, j) for w_{l,i,j}.
    public var indices: [Index]
    /// The example m it belongs to, written "(m)", if shown.
    public var example: Index?

    /// A symbol; see each property.
    public init(_ name: Name, _ indices: [Index] = [], example: Index? = nil) {
        self.name = name
        self.indices = indices
        self.example = example
    }
}

/// A subscript: a variable such as l, j or m, a number, or a variable plus an offset
/// (l − 1).
public enum Index: Sendable, Hashable {
    /// A free index such as "l", "i", "j", "k", "m" or "L".
    case variable(String)
    /// A bound index.
    case literal(Int)
    /// A variable plus a constant, such as l − 1.
    case offset(String, Int)
}

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

/// The functions formulas apply.
public enum Function: String, Sendable, Hashable, CaseIterable {
    /// σ(z) = 1 / (1 + e^−z).
    case sigmoid = "σ"
    /// σ′(z) = σ(z)(1 − σ(z)).
    case sigmoidPrime = "σ′"
    /// tanh z.
    case tanh
    /// tanh′(z) = 1 − tanh² z.
    case tanhPrime = "tanh′"
    /// max(0, z).
    case relu
    /// relu′(z): 1 for z > 0, else 0.
    case reluPrime = "relu′"
    /// e^x.
    case exp
    /// ln x.
    case ln
    /// sgn x: −1, 0 or 1.
    case sgn

    /// The function's value.
    public func callAsFunction(_ x: Double) -> Double {
        switch self {
        case .sigmoid: return Activation.sigmoid.value(x)
        case .sigmoidPrime: return Activation.sigmoid.derivative(x)
        case .tanh: return Activation.tanh.value(x)
        case .tanhPrime: return Activation.tanh.derivative(x)
        case .relu: return Activation.relu.value(x)
        case .reluPrime: return Activation.relu.derivative(x)
        case .exp: return PortableMath.exp(x)
        case .ln: return PortableMath.log(x)
        case .sgn: return Regularization.sgn(x)
        }
    }
}

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

// MARK: - Binding, substituting, evaluating

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

extension Symbol {
    /// Whether every index is a number, so that the symbol names one value.
    public var isBound: Bool {
        func bound(_ index: Index) -> Bool { if case .literal = index { return true } else { return false } }
        return indices.allSatisfy(bound) && (example.map(bound) ?? true)
    }

    /// The numeric indices of a bound symbol.
    public var literalIndices: [Int] {
        indices.compactMap { if case .literal(let k) = $0 { return k } else { return nil } }
    }
}

extension Equation {
    /// The equation with index variables bound.
    public func binding(_ bindings: [String: Int]) -> Equation {
        Equation(lhs.binding(bindings), forms.map { $0.binding(bindings) }, relation: relation)
    }
}
