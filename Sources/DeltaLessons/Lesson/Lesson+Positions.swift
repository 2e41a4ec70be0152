import DeltaCore
import DeltaText

extension Lesson {
    /// A trace position: `{epoch, update, example, step, layer}`, each optional, resolved
    /// as the screen's go-to prompt resolves what is typed (``PositionQuery``).
    static func tracePoint(_ node: YAMLNode, layout: TraceLayout) throws -> TracePoint {
        let m = try node.mapping("a trace position", allowed: ["epoch", "update", "example", "step", "layer"])
        var query = PositionQuery(epoch: try m["epoch"]?.int("`epoch`"), update: try m["update"]?.int("`update`"),
                                  example: try m["example"]?.int("`example`"), layer: try m["layer"]?.int("`layer`"))
        if let stepNode = m["step"] {
            let name = try stepNode.string("`step`")
            guard let phase = Phase(name: name) else {
                let (message, hint) = StepText.problem(.unknownStep(name), layout: layout)
                throw stepNode.error(message, hint: hint)
            }
            query.phase = phase
        }
        switch query.resolve(in: layout) {
        case .success(let position): return TracePoint(position: position, location: node.location)
        case .failure(let error):
            let (message, hint) = StepText.problem(error, layout: layout)
            throw node.error(message, hint: hint)
        }
    }

    /// The keys of a trace value.
    static let valueKeys = ["quantity", "layer", "node", "from"]

    /// A trace value: `{quantity, layer, node, from}` checked against the network.
    static func traceValue(_ node: YAMLNode, settings: Settings) throws -> TraceValue {
        let m = try node.mapping("a trace value", allowed: valueKeys)
        let quantity = try m.require("quantity", hint: "name it: \(Suggestion.listing(TraceValue.Quantity.allCases.map(\.rawValue)))")
            .choice("the quantity", TraceValue.Quantity.self)
        let L = settings.layers.count - 1
        let layer = try m["layer"]?.int("`layer`")
        let node = try m["node"]?.int("`node`"), from = try m["from"]?.int("`from`")
        // Which layers a quantity exists in: parameters from layer 1, output factors only at L.
        let layers: ClosedRange<Int>
        switch quantity {
        // Layer 0 holds the input: it has an a (x), but no z or δ.
        case .a: layers = 0...L
        case .z, .delta: layers = 1...L
        case .x: layers = 0...0
        case .y, .dCda, .fPrime, .cost, .batchCost: layers = L...L
        case .w, .b, .wAfter, .bAfter, .gradW, .gradB, .dw, .db: layers = 1...L
        }
        let l = layer ?? (quantity == .x ? 0 : L)
        guard layers.contains(l) else {
            throw (m["layer"] ?? m.node).error("`\(quantity.rawValue)` has no layer \(l)",
                                               hint: layers.count == 1 ? "it belongs to layer \(layers.lowerBound)" : "its layers are \(layers.lowerBound)…\(layers.upperBound)")
        }
        if let node, !(1...settings.layers[l]).contains(node) {
            throw m["node"]!.error("layer \(l) has no node \(node)", hint: "its nodes are 1…\(settings.layers[l])")
        }
        if let from {
            guard l >= 1, (1...settings.layers[l - 1]).contains(from) else {
                throw m["from"]!.error("layer \(max(l - 1, 0)) has no node \(from)", hint: "a weight of layer l comes from a node of layer l − 1")
            }
        }
        return TraceValue(quantity: quantity, layer: layer, node: node, from: from)
    }
}
