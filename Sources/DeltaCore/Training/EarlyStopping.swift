/// The rule that stops training when the validation data stops improving: after an epoch,
/// if the metric has not improved on its best value (from epoch 0, before training, on)
/// for `patience` epochs, training stops — Nielsen's "no improvement in n epochs".
///
/// "Improved" means strictly lower for the validation cost and strictly higher for the
/// validation accuracy. The rule needs validation data.
public struct EarlyStopping: Sendable, Hashable {
    /// What is watched.
    public enum Metric: String, Sendable, Hashable, CaseIterable {
        /// The mean validation cost C_0 (lower is better).
        case validationCost = "validation-cost"
        /// The fraction of validation examples classified correctly (higher is better).
        case validationAccuracy = "validation-accuracy"
    }

    /// P: how many epochs without improvement are tolerated.
    public var patience: Int
    /// The metric watched.
    public var metric: Metric
    /// Whether the run keeps the parameters of its best epoch rather than its last.
    public var restoreBest: Bool

    /// A rule; see each property.
    public init(patience: Int, metric: Metric = .validationCost, restoreBest: Bool = true) {
        self.patience = patience
        self.metric = metric
        self.restoreBest = restoreBest
    }

    /// The metric's value in an epoch's summary, or nil without validation data (or, for
    /// accuracy, when the task is not a classification).
    public func value(in summary: EpochSummary) -> Double? {
        switch metric {
        case .validationCost: return summary.validationCost
        case .validationAccuracy: return summary.validationAccuracy
        }
    }

    /// Whether `value` improves on `best`.
    public func improves(_ value: Double, on best: Double) -> Bool {
        switch metric {
        case .validationCost: return value < best
        case .validationAccuracy: return value > best
        }
    }

    /// The epoch with the best finite value of the metric among `summaries` (the earliest,
    /// on a tie), and that value.
    public func best(in summaries: [EpochSummary]) -> (epoch: Int, value: Double)? {
        var best: (epoch: Int, value: Double)?
        for s in summaries {
            guard let v = value(in: s), v.isFinite else { continue }
            if best.map({ improves(v, on: $0.value) }) ?? true { best = (s.epoch, v) }
        }
        return best
    }

    /// The stop after the last of `summaries` (epochs 0 … e), if the rule calls for one:
    /// the best epoch lies `patience` or more epochs back.
    public func stop(after summaries: [EpochSummary]) -> EarlyStop? {
        guard let last = summaries.last, last.epoch >= 1, let best = best(in: summaries),
              last.epoch - best.epoch >= patience else { return nil }
        return EarlyStop(rule: self, epoch: last.epoch, bestEpoch: best.epoch, bestValue: best.value)
    }
}
