import DeltaCore

extension TraceValue {
    /// What a step's equations show this value under (the node, weight or bias it belongs
    /// to, or the cost), in a network of `L` layers after the input; nil for x, which no
    /// step computes. A question focuses it, so the equations and the network's weights row
    /// show what the question is about.
    public func target(layers L: Int) -> StepExplanation.Target? {
        let l = layer ?? L, j = (node ?? 1) - 1, i = (from ?? 1) - 1
        switch quantity {
        case .z, .a, .delta, .dCda, .fPrime: return .node(layer: l, j: j)
        case .y: return .node(layer: L, j: j)
        case .w, .wAfter, .gradW, .dw: return .weight(layer: l, i: i, j: j)
        case .b, .bAfter, .gradB, .db: return .bias(layer: l, j: j)
        case .cost, .batchCost: return .cost
        case .x: return nil
        }
    }
}
