extension Optimizer {
    /// The gradient-descent equations of layer l's weight w_{l,i,j}, in the lecture's
    /// notation with indices free: the averaged gradient
    /// ∂C_0/∂w_{l,i,j} = Σ_m a_{l−1,i}(m) δ_{l,j}(m) / M, then the update.
    ///
    /// For SGD the update is w → w − η ∂C/∂w, written with the regulariser's term in the
    /// lecture's forms: (1 − ηλ/n) w − η ∂C_0/∂w for L2 ("weight decay"),
    /// w − (ηλ/n) sgn(w) − η ∂C_0/∂w for L1. C_0 is the cost before the penalty; without a
    /// penalty it is written C.
    public func weightEquations(regularization: Regularization) -> [Equation] {
        let l = Formulas.l, i = Formulas.i, j = Formulas.j, m = Formulas.m
        let w = Expr.sym(.w, l, i, j)
        let gradient = Expr.partial(Optimizer.costWithoutPenalty(regularization), w)
        let average = Expr.divide(
            .sum(Summation("m", to: .sym(.M), .multiply([.sym(.a, Formulas.lMinus1, i, example: m), .sym(.delta, l, j, example: m)]))),
            .sym(.M))
        let step = Expr.multiply([.sym(.eta), gradient])
        let rate = Expr.divide(.multiply([.sym(.eta), .sym(.lambda)]), .sym(.n))
        let update: Expr
        switch (self, regularization) {
        case (.sgd, .none): update = .subtract(w, step)
        case (.sgd, .l2): update = .subtract(.multiply([w, .subtract(.number(1), rate)]), step)
        case (.sgd, .l1): update = .subtract(.subtract(w, .multiply([rate, .apply(.sgn, w)])), step)
        }
        return [Equation(gradient, [average]), Equation(w, [update], relation: .becomes)]
    }

    /// The gradient-descent equations of layer l's bias b_{l,j}: ∂C_0/∂b_{l,j} =
    /// Σ_m δ_{l,j}(m) / M, then (SGD) b → b − η ∂C/∂b; biases are never regularised.
    public func biasEquations(regularization: Regularization) -> [Equation] {
        let l = Formulas.l, j = Formulas.j
        let b = Expr.sym(.b, l, j)
        let gradient = Expr.partial(Optimizer.costWithoutPenalty(regularization), b)
        let average = Expr.divide(.sum(Summation("m", to: .sym(.M), .sym(.delta, l, j, example: Formulas.m))), .sym(.M))
        switch self {
        case .sgd:
            return [Equation(gradient, [average]),
                    Equation(b, [.subtract(b, .multiply([.sym(.eta), gradient]))], relation: .becomes)]
        }
    }

    /// C_0, the cost before the penalty, when there is a penalty; otherwise C.
    static func costWithoutPenalty(_ regularization: Regularization) -> Expr {
        if case .none = regularization { return .sym(.C) }
        return .sym(.C, .literal(0))
    }
}
