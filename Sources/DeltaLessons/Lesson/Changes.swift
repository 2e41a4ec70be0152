import DeltaCore
import DeltaText

extension Lesson {
    /// The settings of the lesson (or a variant) with some keys changed, each written as in a
    /// variant (`cost: cross-entropy`, `eta: 0.5`), checked as a variant is.
    ///
    /// - Parameter source: how messages name where the changes came from.
    public func settings(variant: String?, changing changes: [(key: String, value: String)],
                         source: String = "command line") throws -> Settings {
        var s = try settings(variant: variant)
        guard !changes.isEmpty else { return s }
        let text = changes.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        let node = try YAMLNode.parse(text, file: source)
        let keys = Lesson.networkKeys + Lesson.initKeys + Lesson.trainKeys
        try Lesson.apply(try node.mapping("the changes", allowed: keys), to: &s, keys: keys)
        try Lesson.validate(s, at: node.location)
        try LessonData.check(training: training, validation: validation, fit: s, location: node.location)
        return s
    }
}

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
        return parts.joined(separator: ", ")
    }
}
