/// An exact closed form of the output error δ_L in which f′(z) has cancelled.
public enum OutputErrorSimplification: Sendable, Hashable {
    /// δ_{L,j} = a_{L,j} − y_j: cross-entropy with sigmoid, log-likelihood with softmax
    /// (for targets that sum to 1, which a run requires).
    case activationMinusTarget
    /// δ_{L,j} = y_j (a_{L,j} − 1): log-likelihood with sigmoid outputs.
    case targetTimesActivationMinusOne
}
