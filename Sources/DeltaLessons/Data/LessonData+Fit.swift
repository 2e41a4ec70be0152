import DeltaCore
import DeltaText

extension LessonData {
    /// Checks that the examples, as a run of some settings reads them (``datasets(for:)``),
    /// fit the network and the cost of those settings.
    ///
    /// - Parameter place: where a problem that no key of the settings locates is reported
    ///   (the command line's changes); by default the lesson's `data`.
    func check(fits s: Settings, at place: SourceLocation? = nil) throws {
        // The expansion first: ``datasets(for:)`` makes the copies, which needs it checked.
        try checkExpansion(s)
        let sets = datasets(for: s)
        try LessonData.check(training: sets.training, validation: sets.validation, test: sets.test, fit: s, location: place ?? location)
    }

    /// Checks that examples fit the network, the cost and the early stopping of some settings.
    static func check(training: Dataset, validation: Dataset?, test: Dataset? = nil, fit s: Settings, location: SourceLocation) throws {
        if let rule = s.training.earlyStopping {
            guard validation != nil else {
                throw LessonError(s.location(.earlyStopping, or: location), "early stopping watches the validation data, and the lesson holds out none",
                                  hint: "add `holdout: N` under `data:` to hold out N examples for validation")
            }
            if rule.metric == .validationAccuracy, let network = try? s.network(),
               AccuracyRule.inferred(network: network, targets: training) == .none {
                throw LessonError(s.location(.earlyStopping, or: location), "the validation accuracy is not measured: the targets are not classes",
                                  hint: "use `metric: validation-cost`; accuracy needs one-hot targets, or one sigmoid output with targets 0 and 1")
            }
        }
        let nIn = s.layers.first ?? 0, nOut = s.layers.last ?? 0
        guard training.inputWidth == nIn else {
            throw LessonError(s.location(.layers, or: location),
                              "the network takes \(nIn) input\(nIn == 1 ? "" : "s") but each example has \(training.inputWidth)",
                              hint: "make the first layer size \(training.inputWidth), or give \(nIn) input values per example")
        }
        guard training.targetWidth == nOut else {
            throw LessonError(s.location(.layers, or: location),
                              "the network has \(nOut) output\(nOut == 1 ? "" : "s") but each target has \(training.targetWidth) value\(training.targetWidth == 1 ? "" : "s")",
                              hint: "make the last layer size \(training.targetWidth), or give \(nOut) target values per example")
        }
        // The same rule a run applies (``Cost/problem(withTarget:)``), located at `cost`.
        for dataset in [training] + [validation, test].compactMap({ $0 }) {
            for m in 0..<dataset.count {
                switch s.cost.problem(withTarget: dataset.y(m)) {
                case .outsideUnitInterval(let y)?:
                    throw LessonError(s.location(.cost, or: location), "target \(NumberText.written(y)) of example \(m + 1) is outside [0, 1], which cross-entropy needs",
                                      hint: "scale the targets to between 0 and 1, or use `cost: mse`")
                case .notADistribution?:
                    throw LessonError(s.location(.cost, or: location), "the target of example \(m + 1) is not one-hot",
                                      hint: "log-likelihood needs each target row to mark one class with 1 and the rest 0 (use `class:` for a class column)")
                case nil: break
                }
            }
        }
    }
}
