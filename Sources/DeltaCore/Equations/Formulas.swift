/// The formulas of the forward and backward steps in the lecture's notation, specialised to
/// a network's activations and cost and its dropout. (Gradient descent's formulas belong to
/// the update rule: `Optimizer+Equations.swift`.)
///
/// Each equation lists its forms from the most general (the chain rule as the lecture
/// derives it) to the most specific (the activation's derivative and the cost's gradient
/// written out, then any exact simplification), so a screen can show why a number is what
/// it is.
struct Formulas {
    let network: Network
    let dropout: Double

    private typealias E = Expr
    static let l = Index.variable("l"), lMinus1 = Index.offset("l", -1)
    static let L = Index.variable("L")
    static let i = Index.variable("i"), j = Index.variable("j"), k = Index.variable("k")
    static let m = Index.variable("m")

    private var C: Expr { .sym(.C) }
    private func one() -> Expr { .number(1) }

    // MARK: Feedforward

    /// z_{l,j} = Σ_i a_{l−1,i} w_{l,i,j} + b_{l,j}, and a_{l,j} = f(z_{l,j}) (× r/(1 − p) on a
    /// hidden layer with dropout).
    func feedforward(layer: Int) -> [Equation] {
        let l = Formulas.l, i = Formulas.i, j = Formulas.j
        let z = E.sym(.z, l, j)
        let weighted = E.add([
            .sum(Summation("i", to: .sym(.nodes, Formulas.lMinus1),
                           .multiply([.sym(.a, Formulas.lMinus1, i), .sym(.w, l, i, j)]))),
            .sym(.b, l, j),
        ])
        var forms: [Expr]
        switch network.activation(layer) {
        case .sigmoid:
            forms = [.apply(.sigmoid, z), .divide(one(), .add([one(), .apply(.exp, .negate(z))]))]
        case .tanh: forms = [.apply(.tanh, z)]
        case .relu: forms = [.apply(.relu, z)]
        case .linear: forms = [z]
        case .softmax:
            forms = [.divide(.apply(.exp, z),
                             .sum(Summation("k", to: .sym(.nodes, l), .apply(.exp, .sym(.z, l, Formulas.k)))))]
        }
        if hasDropout(layer) {
            let factor = E.divide(.sym(.r, l, j), .subtract(one(), .sym(.p)))
            forms = forms.map { .multiply([$0, factor]) }
        }
        return [Equation(z, [weighted]), Equation(.sym(.a, l, j), forms)]
    }

    // MARK: Output error

    /// δ_{L,j} = ∂C/∂a_{L,j} · f′(z_{L,j}), then the cost's and activation's own forms, then
    /// the exact simplification where f′ cancels.
    func outputError() -> Equation {
        let L = Formulas.L, j = Formulas.j, k = Formulas.k
        let output = network.outputActivation
        var forms: [Expr]
        if output.isElementwise {
            forms = [
                .multiply([.partial(C, .sym(.a, L, j)), derivativeName(output, z: .sym(.z, L, j))]),
                .multiply([costGradient(j: j), derivativeForm(output, node: j, layer: L)]),
            ]
        } else {
            // Softmax: δ_j = Σ_k ∂C/∂a_k ∂a_k/∂z_j with ∂a_k/∂z_j = a_k (1[j = k] − a_j).
            let jacobian = E.multiply([.sym(.a, L, k), .subtract(.indicator(j, k), .sym(.a, L, j))])
            forms = [
                .sum(Summation("k", to: .sym(.nodes, L), .multiply([.partial(C, .sym(.a, L, k)), jacobian]))),
                .sum(Summation("k", to: .sym(.nodes, L), .multiply([costGradient(j: k), jacobian]))),
            ]
        }
        switch network.cost.simplification(with: output) {
        case .activationMinusTarget?: forms.append(.subtract(.sym(.a, L, j), .sym(.y, j)))
        case .targetTimesActivationMinusOne?: forms.append(.multiply([.sym(.y, j), .subtract(.sym(.a, L, j), one())]))
        case nil: break
        }
        return Equation(.sym(.delta, L, j), forms)
    }

    /// C, the cost of one example, written out for the cost function (summed over the
    /// output nodes j).
    func cost() -> Equation {
        let L = Formulas.L, j = Formulas.j
        let a = E.sym(.a, L, j), y = E.sym(.y, j)
        func sum(_ body: Expr) -> Expr { .sum(Summation("j", to: .sym(.nodes, L), body)) }
        let form: Expr
        switch network.cost {
        case .mse: form = .divide(sum(.power(.subtract(y, a), 2)), .sym(.nodes, L))
        case .quadratic: form = .multiply([.number(0.5), sum(.power(.subtract(y, a), 2))])
        case .crossEntropy:
            form = .negate(sum(.add([.multiply([y, .apply(.ln, a)]),
                                     .multiply([.subtract(one(), y), .apply(.ln, .subtract(one(), a))])])))
        case .logLikelihood: form = .negate(sum(.multiply([y, .apply(.ln, a)])))
        }
        return Equation(C, [form])
    }

    /// ∂C/∂a_{L,j} written out for the cost.
    private func costGradient(j: Index) -> Expr {
        let a = E.sym(.a, Formulas.L, j), y = E.sym(.y, j)
        switch network.cost {
        case .mse:
            return .divide(.multiply([.number(-2), .subtract(y, a)]), .sym(.nodes, Formulas.L))
        case .quadratic:
            return .subtract(a, y)
        case .crossEntropy:
            return .negate(.subtract(.divide(y, a), .divide(.subtract(one(), y), .subtract(one(), a))))
        case .logLikelihood:
            return .negate(.divide(y, a))
        }
    }

    // MARK: Backpropagation

    /// δ_{l−1,i} = f′(z_{l−1,i}) Σ_j w_{l,i,j} δ_{l,j} (× r/(1 − p) with dropout), with the
    /// lecture's a(1 − a) for sigmoid.
    func backpropagate(layer: Int) -> Equation {
        let l = Formulas.l, lMinus1 = Formulas.lMinus1, i = Formulas.i, j = Formulas.j
        let f = network.activation(layer - 1)
        let back = E.sum(Summation("j", to: .sym(.nodes, l), .multiply([.sym(.w, l, i, j), .sym(.delta, l, j)])))
        let dropped = hasDropout(layer - 1)
        let factor: [Expr] = dropped ? [.divide(.sym(.r, lMinus1, i), .subtract(one(), .sym(.p)))] : []
        var forms: [Expr] = [.multiply([derivativeName(f, z: .sym(.z, lMinus1, i))] + factor + [back])]
        // With dropout the stored a is scaled, so the a(1 − a) form would not hold.
        if !dropped, f == .sigmoid || f == .tanh {
            forms.append(.multiply([derivativeForm(f, node: i, layer: lMinus1), back]))
        }
        return Equation(.sym(.delta, lMinus1, i), forms)
    }

    // MARK: Derivatives

    /// f′(z) by name: σ′(z), tanh′(z), relu′(z), or 1 for linear.
    private func derivativeName(_ f: Activation, z: Expr) -> Expr {
        switch f {
        case .sigmoid: return .apply(.sigmoidPrime, z)
        case .tanh: return .apply(.tanhPrime, z)
        case .relu: return .apply(.reluPrime, z)
        case .linear: return one()
        case .softmax: preconditionFailure("softmax has a Jacobian")
        }
    }

    /// f′ written through the activation where the lecture does: a(1 − a) for σ,
    /// 1 − a² for tanh; otherwise by name.
    private func derivativeForm(_ f: Activation, node: Index, layer: Index) -> Expr {
        let a = E.sym(.a, layer, node)
        switch f {
        case .sigmoid: return .multiply([a, .subtract(one(), a)])
        case .tanh: return .subtract(one(), .power(a, 2))
        default: return derivativeName(f, z: .sym(.z, layer, node))
        }
    }

    private func hasDropout(_ layer: Int) -> Bool {
        dropout > 0 && layer > 0 && layer < network.L
    }
}
