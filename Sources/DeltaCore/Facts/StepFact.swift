/// Something about one step's numbers worth pointing out to a student, as a value with every
/// condition that makes it true. DeltaText's narrator words facts; the screen's breakpoints
/// test the same values (``SaturatedNode/slowsLearning``), so a sentence and a stop never
/// disagree.
public enum StepFact: Sendable, Hashable {
    /// A node whose f′(z) is below a tenth of its largest value (see ``SaturatedNode``).
    case saturated(SaturatedNode)
    /// The cost's ∂C/∂a cancels f′(z) in the output error: δ_L has an exact simple form.
    case derivativeCancels(cost: Cost, activation: Activation, simplification: OutputErrorSimplification)
    /// Node j of layer l is dropped out for this example: its a and δ are 0.
    case droppedOut(layer: Int, j: Int)
    /// A ReLU node with z ≤ 0: relu′ = 0, so no error passes back through it.
    case inactive(layer: Int, j: Int, z: Double)
    /// L2 with plain SGD: every weight is first multiplied by 1 − ηλ/n.
    case weightDecay(factor: Double)
    /// L1 with plain SGD: every weight first moves ηλ/n towards 0.
    case weightShrink(amount: Double)

    /// The node the fact is about (layer l, node j from 0), if it is about one node.
    public var node: (layer: Int, j: Int)? {
        switch self {
        case .saturated(let s): return (s.layer, s.node)
        case .droppedOut(let l, let j), .inactive(let l, let j, _): return (l, j)
        case .derivativeCancels, .weightDecay, .weightShrink: return nil
        }
    }

    /// The facts of a step of an update: about the nodes the step computes (saturated,
    /// dropped, inactive), the output error's cancelling derivative, and the update rule's
    /// own facts at gradient descent.
    public static func facts(of trace: UpdateTrace, at step: Step) -> [StepFact] {
        let network = trace.network, L = network.L
        switch step {
        case .feedforward(let m, let l):
            return nodeFacts(trace, example: m, layer: l, deltaKnown: false)
        case .outputError(let m):
            var facts: [StepFact] = []
            if let simplification = network.cost.simplification(with: network.outputActivation) {
                facts.append(.derivativeCancels(cost: network.cost, activation: network.outputActivation, simplification: simplification))
            }
            return facts + nodeFacts(trace, example: m, layer: L, deltaKnown: true)
        case .backpropagate(let m, let l):
            return nodeFacts(trace, example: m, layer: l - 1, deltaKnown: true)
        case .gradientDescent:
            return trace.optimizer.facts(eta: trace.eta, regularization: trace.regularization, trainingSetSize: trace.trainingSetSize)
        }
    }

    /// Facts about the nodes of layer l for example m, once their z and a are known (and,
    /// with `deltaKnown`, their δ).
    public static func nodeFacts(_ trace: UpdateTrace, example m: Int, layer l: Int, deltaKnown: Bool) -> [StepFact] {
        let network = trace.network, f = network.activation(l), isOutput = l == network.L
        var facts: [StepFact] = []
        for j in 0..<network.n(l) {
            if trace.isDropped(m, l, j) {
                facts.append(.droppedOut(layer: l, j: j))
                continue
            }
            let z = trace.z(m, l, j)
            if f == .relu && z <= 0 { facts.append(.inactive(layer: l, j: j, z: z)) }
            let derivative = isOutput ? trace.outputDerivative(m, j) : f.derivative(z)
            let output = isOutput ? SaturatedNode.Output(
                cost: network.cost, target: trace.y(m, j),
                simplification: network.cost.simplification(with: f),
                delta: deltaKnown ? trace.delta(m, l, j) : nil) : nil
            if let node = SaturatedNode(layer: l, node: j, activation: f, z: z, a: trace.a(m, l, j),
                                        derivative: derivative, output: output, derivativeComputed: deltaKnown) {
                facts.append(.saturated(node))
            }
        }
        return facts
    }
}
