import DeltaCore
import DeltaLessons
import DeltaText

/// How a run's settings differ from its lesson's, written as the keys of a variant
/// (`cost: cross-entropy`, `eta: 0.25`), so that a student looking at a variant can see
/// what it changes.
enum SettingsChanges {
    /// Each changed key with its new value, in the order a lesson lists them (network, then
    /// initialisation, then training); empty when nothing differs.
    static func between(_ base: Settings, _ changed: Settings) -> [String] {
        var changes: [String] = []
        func note(_ differs: Bool, _ text: @autoclosure () -> String) { if differs { changes.append(text()) } }
        note(base.layers != changed.layers, "layers: " + changed.layers.map(String.init).joined(separator: "-"))
        note(base.hidden != changed.hidden, "hidden: \(changed.hidden)")
        note(base.output != changed.output, "output: \(changed.output)")
        note(base.cost != changed.cost, "cost: \(changed.cost)")
        if base.initialization != changed.initialization {
            switch changed.initialization {
            case .gaussian: changes.append("scheme: gaussian")
            case .unitGaussian: changes.append("scheme: unit-gaussian")
            case .slideSqrtN: changes.append("scheme: slide-sqrt-n")
            case .explicit: changes.append("its own initial weights and biases")
            }
        }
        note(base.initSeed != changed.initSeed, "initial seed: \(changed.initSeed.map(String.init) ?? "the training seed")")
        let (b, c) = (base.training, changed.training)
        note(b.eta != c.eta, "eta: \(NumberText.written(c.eta))")
        note(b.batchSize != c.batchSize, "batch: \(c.batchSize)")
        note(b.epochs != c.epochs, "epochs: \(c.epochs)")
        note(b.shuffle != c.shuffle, "shuffle: \(c.shuffle)")
        note(b.seed != c.seed, "seed: \(c.seed)")
        if b.regularization != c.regularization {
            switch c.regularization {
            case .none: changes.append("regularization: none")
            case .l2(let lambda): changes.append("regularization: l2, lambda: \(NumberText.written(lambda))")
            case .l1(let lambda): changes.append("regularization: l1, lambda: \(NumberText.written(lambda))")
            }
        }
        note(b.dropout != c.dropout, "dropout: \(NumberText.written(c.dropout))")
        note(b.optimizer != c.optimizer, "another optimiser")
        note(b.earlyStopping != c.earlyStopping, c.earlyStopping.map { "early stopping after \($0.patience) epochs without improvement" } ?? "no early stopping")
        return changes
    }
}
