import DeltaCore
import DeltaText
import Foundation

extension Lesson {
    /// The keys that say what a claim measures: exactly one per claim.
    static let measureKeys = ["output", "cost", "regularized-cost", "accuracy", "validation-cost", "validation-accuracy", "first-epoch", "value", "gradient-check", "test-cost", "test-accuracy", "cv", "saturated"] + trainingMeasureKeys
    /// The keys of a claim's test, and `tolerance`, which goes with `is`.
    static let testKeys = ["is", "tolerance", "below", "above", "between"]

    /// A claim of `expect:`: an optional `variant`, one measure, one test and a `note`, checked
    /// against the run it is about (its layers, epochs, and whether it has validation and test data).
    /// `layout` is the lesson's over its training rows, before `expand` makes copies of them.
    static func claim(_ node: YAMLNode, settings: Settings, variants: [Variant], layout: TraceLayout, hasValidation: Bool, hasTest: Bool = false) throws -> Claim {
        let m = try node.mapping("a claim", allowed: ["variant", "note", "epoch", "node", "at"] + measureKeys + testKeys)
        var chosen = settings
        var variantName: String?
        if let v = m["variant"] {
            let name = try v.string("`variant`")
            guard let variant = variants.first(where: { $0.name == name }) else {
                let guess = Suggestion.didYouMean(name, among: variants.map(\.name))
                throw v.error("no variant is named `\(name)`", hint: variants.isEmpty ? "define it under `variants:` first" : "\(guess)the variants are: \(Suggestion.listing(variants.map(\.name)))")
            }
            chosen = variant.settings
            variantName = name
        }
        let variantLayout = TraceLayout(layers: chosen.layers.count - 1, trainingSetSize: chosen.data.trainingSetSize(rows: layout.trainingSetSize),
                                        batchSize: chosen.training.batchSize, epochs: chosen.training.epochs)
        let measure = try measure(m, settings: chosen, layout: variantLayout, hasValidation: hasValidation, hasTest: hasTest, allowEpoch: true)
        let test = try test(m, required: true)!
        return Claim(location: node.location, variant: variantName, measure: measure, test: test, note: try m["note"]?.string("`note`"))
    }

    /// The measure of a claim (or of `first-epoch`): exactly one measure key.
    static func measure(_ m: YAMLMapping, settings: Settings, layout: TraceLayout, hasValidation: Bool, hasTest: Bool = false, allowEpoch: Bool) throws -> Claim.Measure {
        let present = m.entries.filter { measureKeys.contains($0.key) }
        guard present.count == 1, let (key, _, value) = present.first else {
            throw (present.count > 1 ? present[1].keyNode : m.node).error(
                present.isEmpty ? "\(m.what) does not say what to measure" : "\(m.what) measures more than one thing",
                hint: "use exactly one of: \(Suggestion.listing(measureKeys))")
        }
        let epochs = settings.training.epochs
        func epoch() throws -> Int? {
            guard let node = m["epoch"] else { return nil }
            guard allowEpoch else { throw node.error("`first-epoch` finds the epoch itself", hint: "leave out `epoch:` here") }
            let e = try node.int("`epoch`")
            guard (0...epochs).contains(e) else { throw node.error("epoch \(e) is outside the run", hint: "epochs are 0 (before training) to \(epochs)") }
            return e
        }
        switch key {
        case "output":
            let input = try value.doubles("the input of `output`")
            guard input.count == settings.layers[0] else {
                throw value.error("the input has \(input.count) values; the network takes \(settings.layers[0])")
            }
            let node = try m["node"]?.int("`node`") ?? 1
            guard (1...settings.layers.last!).contains(node) else {
                throw m["node"]!.error("the output layer has no node \(node)", hint: "its nodes are 1…\(settings.layers.last!)")
            }
            return .output(input: input, node: node, epoch: try epoch())
        case "first-epoch":
            let inner = try value.mapping("`first-epoch`", allowed: measureKeys + ["node"] + testKeys)
            guard let test = try test(inner, required: true) else { fatalError("unreachable") }
            let innerMeasure = try measure(inner, settings: settings, layout: layout, hasValidation: hasValidation, allowEpoch: false)
            if case .firstEpoch = innerMeasure { throw value.error("`first-epoch` cannot be nested") }
            if case .value = innerMeasure { throw value.error("`first-epoch` works with per-epoch measures: output, cost, accuracy, …") }
            if case .gradientCheck = innerMeasure { throw value.error("`first-epoch` works with per-epoch measures: output, cost, accuracy, …") }
            return .firstEpoch(innerMeasure, test)
        case "value":
            let at = try tracePoint(try m.require("at", hint: "say at which step: at: {epoch: 1, step: output-error}"), layout: layout)
            return .value(try traceValue(value, settings: settings), at: at.position)
        case "gradient-check":
            guard try value.bool("`gradient-check`") else { throw value.error("write `gradient-check: true`") }
            return .gradientCheck
        case "test-cost", "test-accuracy", "cv":
            return try splitMeasure(key, value, in: m, layout: layout, hasTest: hasTest, allowEpoch: allowEpoch)
        case "saturated":
            return try saturationMeasure(value, claim: m, settings: settings, layout: layout, epoch: epoch)
        case _ where trainingMeasureKeys.contains(key):
            return try trainingMeasure(key, value, in: m, settings: settings, layout: layout, allowEpoch: allowEpoch, epoch: epoch)
        default:
            let statistic = Claim.Statistic(rawValue: key)!
            if (statistic == .validationCost || statistic == .validationAccuracy) && !hasValidation {
                throw value.error("the lesson holds out no validation data", hint: "add `holdout:` under `data:`")
            }
            if value.described == "nothing" { return .statistic(statistic, epoch: try epoch()) }
            guard allowEpoch else { throw value.error("`first-epoch` finds the epoch itself", hint: "write `\(key):` with nothing after it") }
            let e = try value.int("the epoch of `\(key)`")
            guard (0...epochs).contains(e) else { throw value.error("epoch \(e) is outside the run", hint: "epochs are 0 (before training) to \(epochs)") }
            return .statistic(statistic, epoch: e)
        }
    }

    /// A claim's test: `is` (with the tolerance of its digits, or `tolerance`), `below`,
    /// `above` or `between`; nil when not `required` and none is written.
    static func test(_ m: YAMLMapping, required: Bool) throws -> Claim.Test? {
        let present = m.entries.filter { ["is", "below", "above", "between"].contains($0.key) }
        guard present.count <= 1 else { throw present[1].keyNode.error("\(m.what) has more than one test", hint: "use one of is, below, above or between") }
        guard let (key, _, value) = present.first else {
            if required { throw m.node.error("\(m.what) has no test", hint: "add `is: 0.20` (to the digits written), `below:`, `above:` or `between: [a, b]`") }
            return nil
        }
        if m.has("tolerance") && key != "is" { throw m.keyNode("tolerance")!.error("`tolerance` goes with `is`") }
        switch key {
        case "is":
            let v = try value.double("`is`")
            let tolerance = try m["tolerance"]?.double("`tolerance`") ?? value.decimalPlaces.map { 0.5 * pow(10, -Double($0)) } ?? abs(v) * 5e-7
            return .equals(v, tolerance: tolerance)
        case "below": return .below(try value.double("`below`"))
        case "above": return .above(try value.double("`above`"))
        default:
            let bounds = try value.doubles("`between`")
            guard bounds.count == 2, bounds[0] <= bounds[1] else { throw value.error("`between` takes two numbers, the lower first: [a, b]") }
            return .between(bounds[0], bounds[1])
        }
    }
}
