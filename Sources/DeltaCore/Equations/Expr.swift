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
