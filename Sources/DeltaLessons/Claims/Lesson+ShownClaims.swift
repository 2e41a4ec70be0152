import DeltaCore
import DeltaText

extension Lesson {
    /// The keys of one number under a beat's `shows:` (lessons/README.md's second `beats`
    /// table; tested to agree): the value, the run it is measured in, a note, and a test.
    static let shownKeys = ["value", "variant", "note"] + testKeys

    /// Keys of `expect:` claims that a number beside a beat cannot have: it is measured at the
    /// beat's own step, so it has no position or epoch of its own and no per-epoch measure.
    static let notShownKeys = ["at", "epoch", "node"] + measureKeys.filter { $0 != "value" }

    /// A beat's `shows:`: the numbers its words state, each a claim about a value of the trace
    /// at the beat's own position, read with the claim parser's ``traceValue(_:settings:)``
    /// and ``test(_:required:)``.
    ///
    /// A number without `variant:` is measured in every run the beat is written for (one
    /// ``Claim`` each, nil variant for the lesson itself); `variant: NAME` measures it in that
    /// run alone (`lesson` for the lesson itself), for a beat that speaks of a run shown
    /// beside it side by side.
    ///
    /// - Throws: ``LessonError`` at an empty list, at a key a number beside a beat cannot
    ///   have (`at`, `epoch`, `output`, `first-epoch` …, with what to write instead), at an
    ///   unknown key or quantity (with a did-you-mean), at a value the run's network does not
    ///   have, and at a run whose steps do not include the beat's position.
    static func shownClaims(_ node: YAMLNode, at: TracePoint, runs: [String], settings: Settings, variants: [Variant], examples: Int) throws -> [Claim] {
        let example = "shows: [{value: {quantity: a, layer: 1, node: 1}, is: 0.49}]"
        let items = try node.list("`shows`", hint: "list the numbers the beat states, e.g. \(example)")
        guard !items.isEmpty else { throw node.error("`shows` is empty", hint: "list the numbers the beat states, or leave `shows` out") }
        return try items.flatMap { item -> [Claim] in
            let m = try item.mapping("a number a beat shows", allowed: shownKeys + notShownKeys, listed: Suggestion.listing(shownKeys))
            if let (key, keyNode, _) = m.entries.first(where: { notShownKeys.contains($0.key) }) {
                switch key {
                case "at", "epoch":
                    throw keyNode.error("a number a beat shows is measured at the beat's own step (\(StepText.position(at.position)))",
                                        hint: "leave out `\(key)`; write claims about other steps or epochs under `expect:`")
                case "node":
                    throw keyNode.error("`node` belongs inside `value:`", hint: "write value: {quantity: a, layer: 1, node: 1}")
                default:
                    throw keyNode.error("`\(key)` is not a number the screen shows beside a beat",
                                        hint: "name a number of the beat's step with `value: {quantity, layer, node, from}`; write `\(key)` claims under `expect:`")
                }
            }
            let valueNode = try m.require("value", hint: "name the number the beat states: value: {quantity: a, layer: 1, node: 1}")
            let test = try test(m, required: true)!
            let note = try m["note"]?.string("`note`")
            var measured = runs
            if let v = m["variant"] {
                let name = try v.string("`variant`")
                let known = [Lesson.baseName] + variants.map(\.name)
                guard known.contains(name) else {
                    throw v.error("no variant is named `\(name)`",
                                  hint: "\(Suggestion.didYouMean(name, among: known))use `\(Lesson.baseName)` for the lesson itself, or one of: \(Suggestion.listing(known))")
                }
                measured = [name]
            }
            return try measured.map { name in
                let s = variants.first { $0.name == name }?.settings ?? settings
                let layout = TraceLayout(layers: s.layers.count - 1, trainingSetSize: s.data.trainingSetSize(rows: examples),
                                         batchSize: s.training.batchSize, epochs: s.training.epochs)
                guard layout.contains(at.position) else {
                    throw (m["variant"] ?? item).error("the beat's step (\(StepText.position(at.position))) is not a step of `\(name)`",
                                                       hint: "measure the number in a run that has the beat's step")
                }
                let value = written(try traceValue(valueNode, settings: s), outputLayer: s.layers.count - 1)
                return Claim(location: item.location, variant: name == Lesson.baseName ? nil : name,
                             measure: .value(value, at: at.position), test: test, note: note)
            }
        }
    }

    /// A value with the indices it defaults to written out (layer L, node 1, from node 1), so
    /// that `check` names the number the screen shows: `delta_{1,1}`, not `delta`.
    static func written(_ v: TraceValue, outputLayer L: Int) -> TraceValue {
        switch v.quantity {
        case .cost, .batchCost: return v
        case .x: return TraceValue(quantity: .x, layer: v.layer ?? 0, node: v.node ?? 1, from: nil)
        case .w, .wAfter, .gradW, .dw: return TraceValue(quantity: v.quantity, layer: v.layer ?? L, node: v.node ?? 1, from: v.from ?? 1)
        default: return TraceValue(quantity: v.quantity, layer: v.layer ?? L, node: v.node ?? 1, from: nil)
        }
    }
}
