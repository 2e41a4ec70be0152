import DeltaCore
import DeltaText

extension Settings {
    /// One line on the settings: "quadratic cost, sigmoid output, η = 0.15, M = 1, 300 epochs".
    public var headline: String {
        var parts = ["\(cost) cost", layers.count > 2 ? "\(hidden) hidden, \(output) output" : "\(output) output",
                     "layers \(layers.map(String.init).joined(separator: "-"))",
                     "η = \(NumberText.written(training.eta))", "M = \(training.batchSize)", "\(training.epochs) epoch\(training.epochs == 1 ? "" : "s")"]
        switch training.regularization {
        case .none: break
        case .l2(let lambda): parts.append("L2 λ = \(NumberText.written(lambda))")
        case .l1(let lambda): parts.append("L1 λ = \(NumberText.written(lambda))")
        }
        if training.dropout > 0 { parts.append("dropout p = \(NumberText.written(training.dropout))") }
        if data.standardize { parts.append("inputs standardised with the training split's mean and sd") }
        if let rule = training.earlyStopping {
            parts.append("early stopping after \(rule.patience) epoch\(rule.patience == 1 ? "" : "s") without a better \(rule.metric == .validationCost ? "validation cost" : "validation accuracy")")
        }
        return parts.joined(separator: ", ")
    }
}
