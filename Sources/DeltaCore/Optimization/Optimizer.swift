/// The update rule of gradient descent: how a parameter's averaged gradient becomes its new
/// value, and which state the rule carries from one update to the next.
///
/// g below is the averaged minibatch gradient of a parameter, ∂C_0/∂θ = Σ_m ∂C(m)/∂θ / M,
/// with the regulariser's term (λ/n) w or (λ/n) sgn w added for weights (biases are never
/// regularised). An optimiser owns its hyper-parameters, its state (``OptimizerState``:
/// one array per moment, in the flat layout of the parameters, all 0 before the first
/// update), its step (``step(_:eta:regularization:trainingSetSize:)``), its equations
/// (`Optimizer+Equations.swift`) and its facts (`Optimizer+Facts.swift`). Checkpoints,
/// replay and the trace's before/after all hold the parameters and this state together as
/// one ``TrainingState``.
public enum Optimizer: Sendable, Hashable {
    /// Plain stochastic gradient descent, the lecture's rule: θ ← θ − η g. It keeps no
    /// state.
    case sgd

    /// The names of the moments this optimiser keeps per parameter, in order (none for SGD).
    public var momentNames: [String] {
        switch self {
        case .sgd: return []
        }
    }

    /// The state before the first update: every moment 0.
    public func initialState(for network: Network) -> OptimizerState {
        OptimizerState(moments: momentNames.map {
            OptimizerState.Moment(name: $0, weights: Array(repeating: 0, count: network.weightCount),
                                  biases: Array(repeating: 0, count: network.biasCount))
        })
    }

    /// The new values of one kind of parameter (a layer's weights, or its biases), written
    /// into `next` without touching the current values, so that the engine can check every
    /// new value before committing any.
    ///
    /// For SGD: w ← w − η g, evaluated as ``Regularization/update(_:gradient:eta:trainingSetSize:)``
    /// does (the lecture's weight-decay form for L2); a bias is never regularised.
    @inlinable
    public func step(_ slice: ParameterSlice, eta: Double, regularization: Regularization, trainingSetSize n: Int) {
        let penalty = slice.isRegularized ? regularization : .none
        switch self {
        case .sgd:
            for k in 0..<slice.count {
                slice.next[k] = penalty.update(slice.current[k], gradient: slice.gradient[k], eta: eta, trainingSetSize: n)
            }
        }
    }
}
