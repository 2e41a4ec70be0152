/// How well the network did after an epoch.
public struct EpochSummary: Sendable, Hashable {
    /// The epoch (0: before training).
    public let epoch: Int
    /// The mean cost C_0 over the training set, without regularisation.
    public let cost: Double
    /// The regularisation term added to C_0: (λ/2n) Σ w² or (λ/n) Σ |w|.
    public let penalty: Double
    /// The fraction of training examples classified correctly, for a classification.
    public let accuracy: Double?
    /// The mean cost C_0 over the validation set, if there is one.
    public let validationCost: Double?
    /// The validation accuracy, for a classification with a validation set.
    public let validationAccuracy: Double?

    /// The regularised training cost C = C_0 + penalty.
    public var totalCost: Double { cost + penalty }
}
