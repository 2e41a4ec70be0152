/// Everything an update starts from and replay needs: the parameters and the optimiser's
/// state. Checkpoints are values of this type, and so are the trace's before and after.
///
/// Nothing else is needed to replay an update: the random numbers it draws (shuffle,
/// dropout) come from streams keyed by its position (``RandomStream``).
public struct TrainingState: Sendable, Hashable {
    /// The weights and biases.
    public var parameters: Parameters
    /// The optimiser's moments.
    public var optimizer: OptimizerState

    /// A state; see each property.
    public init(parameters: Parameters, optimizer: OptimizerState) {
        self.parameters = parameters
        self.optimizer = optimizer
    }

    /// How many numbers the state holds, for sizing checkpoints.
    public var count: Int { parameters.weights.count + parameters.biases.count + optimizer.count }
}
