extension SaturatedNode {
    /// How many of a step's facts are saturated hidden nodes of layer l: one number per
    /// layer and example, counted by the same predicate as every sentence and breakpoint
    /// about saturation (``SaturatedNode``). A claim's `saturated:` count and the screen's
    /// count line both use it.
    public static func hiddenCount(in facts: [StepFact], layer l: Int) -> Int {
        facts.count { fact in
            if case .saturated(let node) = fact { node.layer == l && node.output == nil } else { false }
        }
    }

    /// The hidden layers that a step's facts name saturated nodes of, in order.
    public static func hiddenLayers(in facts: [StepFact]) -> [Int] {
        var layers: [Int] = []
        for case .saturated(let node) in facts where node.output == nil && !layers.contains(node.layer) { layers.append(node.layer) }
        return layers
    }
}
