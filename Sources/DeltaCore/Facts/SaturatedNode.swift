/// A node whose activation has flattened out: f′(z) is below a tenth of its largest value
/// (for σ, σ′ < 0.025, that is a > 0.974 or a < 0.026; for tanh, tanh′ < 0.1).
///
/// Whether that slows learning depends on where the node is and on the cost:
/// - a **hidden** node's δ is f′(z) times the error that reaches it, so the weights into it
///   learn slowly;
/// - an **output** node's δ_L = ∂C/∂a · f′(z) is throttled by f′ only where the cost does
///   not cancel it (MSE, quadratic), and that slows learning only while the answer is
///   **wrong**: a node saturated at the right answer has nothing left to learn. Where the
///   cost cancels f′ (cross-entropy with sigmoid, log-likelihood with softmax), δ_L = a − y
///   is as large as the error, and learning stays fast.
///
/// ``slowsLearning`` is the one predicate for all of this; the screen's sentence and its
/// "saturated node" breakpoint both use it.
public struct SaturatedNode: Sendable, Hashable {
    /// What an output node's saturation means for its δ.
    public struct Output: Sendable, Hashable {
        /// The cost.
        public let cost: Cost
        /// The target y_j.
        public let target: Double
        /// The exact form of δ_L where the cost cancels f′, if it does.
        public let simplification: OutputErrorSimplification?
        /// δ_{L,j}, once the step has computed it (nil at feedforward).
        public let delta: Double?

        /// An output's context; see each property.
        public init(cost: Cost, target: Double, simplification: OutputErrorSimplification?, delta: Double?) {
            self.cost = cost
            self.target = target
            self.simplification = simplification
            self.delta = delta
        }

        /// Whether the cost's ∂C/∂a cancels f′(z), so that f′ does not throttle δ_L.
        public var cancels: Bool { simplification != nil }
    }

    /// The fraction of its largest value below which f′ counts as saturated.
    public static let fraction = 0.1
    /// An output is wrong when it is at least this fraction of the activation's range away
    /// from its target (for σ, |a − y| ≥ 0.1).
    public static let wrongFraction = 0.1

    /// The layer l.
    public let layer: Int
    /// The node j, from 0.
    public let node: Int
    /// The node's activation function.
    public let activation: Activation
    /// Its weighted input z.
    public let z: Double
    /// Its activation a.
    public let a: Double
    /// f′(z) (for softmax the Jacobian's diagonal a(1 − a)).
    public let derivative: Double
    /// For a node of the output layer: its target and what the cost does with f′.
    public let output: Output?
    /// Whether the step has computed f′(z) itself (the output error, backpropagation), or
    /// only z and a (feedforward), where f′ is still to come: a screen then says that f′
    /// will be tiny without giving its value away before the step that computes it.
    public let derivativeComputed: Bool

    /// The saturation threshold of an activation: ``fraction`` × its largest f′.
    public static func threshold(for f: Activation) -> Double { fraction * f.maximumDerivative }

    /// The saturated node, or nil when the node is not saturated (or its activation cannot
    /// saturate).
    public init?(layer: Int, node: Int, activation: Activation, z: Double, a: Double, derivative: Double, output: Output?,
                 derivativeComputed: Bool = true) {
        guard activation.canSaturate, derivative < SaturatedNode.threshold(for: activation) else { return nil }
        self.layer = layer
        self.node = node
        self.activation = activation
        self.z = z
        self.a = a
        self.derivative = derivative
        self.output = output
        self.derivativeComputed = derivativeComputed
    }

    /// The output's error a − y (nil for a hidden node).
    public var error: Double? { output.map { a - $0.target } }

    /// Whether an output node's answer is wrong: |a − y| is at least ``wrongFraction`` of
    /// the activation's range (1 for σ and softmax, 2 for tanh). False for hidden nodes.
    public var isWrong: Bool {
        guard let error else { return false }
        return abs(error) >= SaturatedNode.wrongFraction * activation.outputRange
    }

    /// Whether this saturation slows learning: always for a hidden node; for an output
    /// node, only where f′ stays in δ (the cost does not cancel it) and the answer is wrong.
    public var slowsLearning: Bool {
        guard let output else { return true }
        return !output.cancels && isWrong
    }
}
