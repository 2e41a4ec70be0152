/// Why a target does not suit a cost.
public enum TargetProblem: Sendable, Hashable {
    /// Cross-entropy reads each y_j as a probability: this value is outside [0, 1].
    case outsideUnitInterval(Double)
    /// Log-likelihood needs the targets of an example to be a probability distribution
    /// (one-hot for a class): non-negative and summing to 1.
    case notADistribution
}
