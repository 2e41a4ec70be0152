/// The test set evaluated once (`run --test`, the `test-cost` and `test-accuracy` claims):
/// the network the run ends with, judged on examples it never trained on and that nothing
/// was chosen by.
public struct TestEvaluation: Sendable, Hashable {
    /// The epoch whose parameters were evaluated: the run's last, or with early stopping's
    /// `restore-best` its best.
    public let epoch: Int
    /// How many test examples there are.
    public let count: Int
    /// The mean cost C_0 over the test examples.
    public let cost: Double
    /// The fraction of test examples classified right, for a classification.
    public let accuracy: Double?
}
