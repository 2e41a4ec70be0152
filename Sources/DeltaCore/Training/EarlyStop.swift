/// Where and why early stopping ended a run.
public struct EarlyStop: Sendable, Hashable {
    /// The rule that stopped it.
    public let rule: EarlyStopping
    /// The last epoch trained.
    public let epoch: Int
    /// The epoch with the best value of the metric (0: before training).
    public let bestEpoch: Int
    /// That best value.
    public let bestValue: Double

    /// A stop; see each property.
    public init(rule: EarlyStopping, epoch: Int, bestEpoch: Int, bestValue: Double) {
        self.rule = rule
        self.epoch = epoch
        self.bestEpoch = bestEpoch
        self.bestValue = bestValue
    }

    /// The epoch whose parameters the run keeps: the best with `restore-best`, else the last.
    public var keptEpoch: Int { rule.restoreBest ? bestEpoch : epoch }
}
