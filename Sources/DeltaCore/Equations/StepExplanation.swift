/// What one step computed, as formulas and numbers: for each node, weight or bias the step
/// touches, the formula in the lecture's notation, the same with this step's numbers
/// substituted, and the result; plus the facts worth pointing out (``StepFact``: a
/// saturated node, a derivative that cancels, a dropped node).
public struct StepExplanation: Sendable {
    /// Where in the run.
    public let position: TracePosition
    /// The formulas of the step for any node of the layer: indices l (and L) bound, node
    /// indices free.
    public let general: [Equation]
    /// The nodes, weights and biases this step computes, in order.
    public let targets: [Target]
    /// Facts about this step's numbers worth pointing out.
    public let facts: [StepFact]

    private let trace: UpdateTrace

    /// What a step computes one value of. Node indices i, j count from 0 here, as in
    /// storage; the formulas show them counted from 1, as the lecture does.
    public enum Target: Sendable, Hashable {
        /// Node j of layer l.
        case node(layer: Int, j: Int)
        /// The weight w_{l,i,j}.
        case weight(layer: Int, i: Int, j: Int)
        /// The bias b_{l,j}.
        case bias(layer: Int, j: Int)
        /// The cost C of the example (computed with the output, shown with its error).
        case cost
    }

    /// One target's equations, bound and substituted.
    public struct Derivation: Sendable, Hashable {
        /// The equation with every index bound, e.g. δ_{2,1} = ∂C/∂a_{2,1} σ′(z_{2,1}) = ….
        public let equation: Equation
        /// Each form of the equation with this step's numbers substituted, sums written
        /// out: `substituted[k]` belongs to `equation.forms[k]`. Where the stored a has
        /// rounded away the digits of a sub-expression (1 − a at saturation) its value is
        /// computed from z instead, and the substitution's notes say so
        /// (``stableValue(of:in:example:)``).
        public let substituted: [Substitution]
        /// The value the engine computed (and stored in the trace).
        public let result: Double
        /// The NaN or ∞ that stopped training before this value was computed (or, at
        /// gradient descent, before the update was applied); nil when ``result`` holds.
        public let stoppedBefore: NonFiniteEvent?
    }

    /// The explanation of the step at `position`, which must be a step of `trace`'s update.
    public init(trace: UpdateTrace, position: TracePosition) {
        self.trace = trace
        self.position = position
        let network = trace.network, L = network.L
        let formulas = Formulas(network: network, dropout: trace.dropout)
        switch position.step {
        case .feedforward(_, let l):
            general = formulas.feedforward(layer: l).map { $0.binding(["l": l]) }
            targets = (0..<network.n(l)).map { .node(layer: l, j: $0) }
        case .outputError:
            general = [formulas.outputError().binding(["L": L]), formulas.cost().binding(["L": L])]
            targets = (0..<network.n(L)).map { .node(layer: L, j: $0) } + [.cost]
        case .backpropagate(_, let l):
            general = [formulas.backpropagate(layer: l).binding(["l": l])]
            targets = (0..<network.n(l - 1)).map { .node(layer: l - 1, j: $0) }
        case .gradientDescent(let l):
            general = (trace.optimizer.weightEquations(regularization: trace.regularization)
                       + trace.optimizer.biasEquations(regularization: trace.regularization)).map { $0.binding(["l": l]) }
            targets = (0..<network.n(l - 1)).flatMap { i in (0..<network.n(l)).map { j in Target.weight(layer: l, i: i, j: j) } }
                + (0..<network.n(l)).map { .bias(layer: l, j: $0) }
        }
        facts = StepFact.facts(of: trace, at: position.step)
    }

    /// The equations of one target, with its indices bound and this step's numbers.
    public func derivations(for target: Target) -> [Derivation] {
        let network = trace.network
        let formulas = Formulas(network: network, dropout: trace.dropout)
        let m = position.step.example
        let equations: [Equation]
        let results: [Double]
        switch (position.step, target) {
        case (.feedforward(_, let l), .node(_, let j)):
            equations = formulas.feedforward(layer: l).map { $0.binding(["l": l, "j": j + 1]) }
            results = [trace.z(m!, l, j), trace.a(m!, l, j)]
        case (.outputError, .cost):
            equations = [formulas.cost().binding(["L": network.L])]
            results = [trace.costs[m! - 1]]
        case (.outputError, .node(let L, let j)):
            equations = [formulas.outputError().binding(["L": L, "j": j + 1])]
            results = [trace.delta(m!, L, j)]
        case (.backpropagate(_, let l), .node(_, let i)):
            equations = [formulas.backpropagate(layer: l).binding(["l": l, "i": i + 1])]
            results = [trace.delta(m!, l - 1, i)]
        case (.gradientDescent, .weight(let l, let i, let j)):
            equations = trace.optimizer.weightEquations(regularization: trace.regularization).map { $0.binding(["l": l, "i": i + 1, "j": j + 1]) }
            results = [trace.weightGradient(l, i, j), trace.weightAfter(l, i, j)]
        case (.gradientDescent, .bias(let l, let j)):
            equations = trace.optimizer.biasEquations(regularization: trace.regularization).map { $0.binding(["l": l, "j": j + 1]) }
            results = [trace.biasGradient(l, j), trace.biasAfter(l, j)]
        default:
            preconditionFailure("\(target) is not computed by \(position.step)")
        }
        let value = { (leaf: Expr) in StepExplanation.value(of: leaf, in: self.trace, example: m) }
        let stable = { (part: Expr) in StepExplanation.stableValue(of: part, in: self.trace, example: m) }
        return zip(equations, results).enumerated().map { k, pair in
            let (equation, result) = pair
            return Derivation(equation: equation, substituted: equation.forms.map { form in
                let (expr, notes) = form.substituting(value, stable: stable)
                return Substitution(form: expr, result: result, notes: notes)
            }, result: result, stoppedBefore: stoppedBefore(target, equation: k))
        }
    }

    /// The non-finite value that kept the `k`-th equation of a target from being computed, if training stopped in this update before it was:
    /// - at the failing feedforward step, a = f(z) when z itself was the failure;
    /// - at the failing output error, δ_L when the example's cost was the failure;
    /// - at every gradient-descent step of an update whose descent failed, the update itself
    ///   (new values are checked before any is written, so none was applied).
    func stoppedBefore(_ target: Target, equation k: Int) -> NonFiniteEvent? {
        guard let failure = trace.failure else { return nil }
        switch position.step {
        case .gradientDescent:
            return failure.position.step.phase == .gradientDescent && k == 1 ? failure : nil
        case .feedforward:
            return failure.position == position && failure.quantity == .z && k == 1 ? failure : nil
        case .outputError:
            guard failure.position == position, failure.quantity == .cost, case .node = target else { return nil }
            return failure
        case .backpropagate:
            return nil
        }
    }

    /// The value of a bound leaf in the trace: a symbol's stored number (weights and biases
    /// as they were before the update), or the stored ∂C/∂a and averaged gradients.
    static func value(of leaf: Expr, in trace: UpdateTrace, example current: Int?) -> Double? {
        let network = trace.network
        switch leaf {
        case .symbol(let s):
            let k = s.literalIndices
            var m = current
            if case .literal(let e)? = s.example { m = e }
            switch (s.name, k.count) {
            case (.z, 2): return m.map { trace.z($0, k[0], k[1] - 1) }
            case (.a, 2): return m.map { trace.a($0, k[0], k[1] - 1) }
            case (.delta, 2): return m.map { trace.delta($0, k[0], k[1] - 1) }
            case (.y, 1): return m.map { trace.y($0, k[0] - 1) }
            case (.r, 2): return m.map { trace.isDropped($0, k[0], k[1] - 1) ? 0 : 1 }
            case (.w, 3): return trace.weightBefore(k[0], k[1] - 1, k[2] - 1)
            case (.b, 2): return trace.biasBefore(k[0], k[1] - 1)
            case (.nodes, 1): return Double(network.n(k[0]))
            case (.eta, 0): return trace.eta
            case (.lambda, 0): return trace.regularization.lambda
            case (.n, 0): return Double(trace.trainingSetSize)
            case (.M, 0): return Double(trace.M)
            case (.p, 0): return trace.dropout
            default: return nil
            }
        case .partial(.symbol(let c), .symbol(let x)) where c.name == .C:
            let k = x.literalIndices
            switch (x.name, k.count) {
            case (.a, 2) where k[0] == network.L: return current.map { trace.costGradient($0, k[1] - 1) }
            case (.w, 3): return trace.weightGradient(k[0], k[1] - 1, k[2] - 1)
            case (.b, 2): return trace.biasGradient(k[0], k[1] - 1)
            default: return nil
            }
        default:
            return nil
        }
    }
}
