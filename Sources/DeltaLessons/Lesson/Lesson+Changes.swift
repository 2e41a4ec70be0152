import DeltaCore
import DeltaText

extension Lesson {
    /// The settings of the lesson (or a variant) with some keys changed, each written as in a
    /// variant: by path (`train.seed: 7`) or by bare name where that is unambiguous
    /// (`cost: cross-entropy`, `eta: 0.5`); values are YAML (`layers: [1, 3, 1]`). Checked as
    /// a variant is.
    ///
    /// - Parameter source: how messages name where the changes came from (`--vary`).
    public func settings(variant: String?, changing changes: [(key: String, value: String)],
                         source: String = "command line") throws -> Settings {
        var s = try settings(variant: variant)
        guard !changes.isEmpty else { return s }
        let before = s
        let text = changes.map { "\($0.key): \($0.value)" }.joined(separator: "\n")
        let node = try YAMLNode.parse(text, file: source)
        try LessonKey.readChanges(node, what: "the changes from \(source)", into: &s)
        // λ alone changes nothing without a regulariser: say so rather than train the lesson as
        // it is (with `regularization` changed too, `none` beside λ is a choice).
        let changed = changes.map { LessonKey.named($0.key)?.path }
        if s.training.regularization == .none, s.lambda != before.lambda, !changed.contains(LessonKey.regularization.path),
           let lambda = changes.first(where: { LessonKey.named($0.key)?.path == LessonKey.lambda.path }) {
            throw LessonError(node.location, "`\(lambda.key): \(lambda.value)` has no effect: these settings use no regularization",
                              hint: "change `regularization` to l2 or l1 too, e.g. --vary regularization=l2 --vary lambda=\(lambda.value)")
        }
        // New layers cannot take the lesson's own explicit weights: say so where the change is.
        if s.layers != before.layers, case .explicit = s.initialization, changed.contains(LessonKey.layers.path),
           !changed.contains(LessonKey.weights.path) {
            throw LessonError(node.location, "`layers: \(LessonKey.layers.write!(s)!)` does not fit the lesson's explicit initial weights",
                              hint: "change the initial weights too, e.g. --vary scheme=gaussian (drawn for any shape) or --vary init.weights=…")
        }
        try Lesson.validate(s, at: node.location)
        try data.check(fits: s, at: node.location)
        return s
    }
}
