/// The mean and the spread of one measure over the K models of a cross-validation.
///
/// The spread is the *sample* standard deviation, dividing by K − 1:
/// s = √(Σ_k (x_k − x̄)² / (K − 1)) with x̄ = (Σ_k x_k) / K. The K folds are a sample of the
/// ways the data could have been split, and s estimates how much a model's validation
/// result varies from one split to another; dividing by K (the population form) would
/// understate it for small K. Sums run over the folds in order k = 1 … K, so the same folds
/// give bit-identical numbers.
public struct FoldSpread: Sendable, Hashable {
    /// x̄, the mean over the folds.
    public let mean: Double
    /// s, the sample standard deviation over the folds (dividing by K − 1).
    public let standardDeviation: Double

    /// The mean and sample standard deviation of K ≥ 2 values, in fold order.
    public init(_ values: [Double]) {
        precondition(values.count >= 2, "a spread needs at least two folds")
        let k = Double(values.count)
        let mean = values.reduce(0, +) / k
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        self.mean = mean
        standardDeviation = (squares / (k - 1)).squareRoot()
    }
}
