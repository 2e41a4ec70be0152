import DeltaCore
import DeltaText

extension Lesson {
    /// The measure of a `saturated: {layer: l}` claim: how many nodes of hidden layer l are
    /// saturated (``SaturatedNode``, the screen's own predicate).
    ///
    /// With `at:` it is the count for the example of that step, as the screen's z column
    /// shows it there (``Claim/Measure/saturatedNodes(layer:at:)``); without, the mean count
    /// over the training examples after `epoch` (``Claim/Measure/meanSaturatedNodes(layer:epoch:)``),
    /// a per-epoch measure that `first-epoch` can search.
    ///
    /// - Throws: ``LessonError`` at a layer that is not hidden, at a hidden activation that
    ///   cannot saturate (relu, linear), at `at:` and `epoch:` together, and at a step that
    ///   has no example or has not computed layer l's z yet.
    static func saturationMeasure(_ value: YAMLNode, claim m: YAMLMapping, settings: Settings, layout: TraceLayout,
                                  epoch: () throws -> Int?) throws -> Claim.Measure {
        let spec = try value.mapping("`saturated`", allowed: ["layer"])
        let layerNode = try spec.require("layer", hint: "name the hidden layer: saturated: {layer: 1}")
        let l = try layerNode.int("`layer`"), L = settings.layers.count - 1
        guard L > 1 else {
            throw layerNode.error("the network has no hidden layer", hint: "`saturated` counts the saturated nodes of a hidden layer; add one to `layers`")
        }
        guard (1..<L).contains(l) else {
            throw layerNode.error("layer \(l) is not a hidden layer", hint: L == 2 ? "the hidden layer is 1" : "the hidden layers are 1…\(L - 1)")
        }
        guard settings.hidden.canSaturate else {
            throw layerNode.error("\(settings.hidden) nodes do not saturate: their f′ does not flatten out towards 0 on both sides",
                                  hint: "`saturated` counts sigmoid or tanh nodes; use `hidden: sigmoid` or `hidden: tanh`")
        }
        guard let atNode = m["at"] else { return .meanSaturatedNodes(layer: l, epoch: try epoch()) }
        if let epochKey = m.keyNode("epoch") {
            throw epochKey.error("`at:` already says when", hint: "leave out `epoch:` to count at the step `at:`, or `at:` for the mean over the training examples after `epoch:`")
        }
        let at = try tracePoint(atNode, layout: layout)
        switch at.position.step {
        case .gradientDescent:
            throw atNode.error("gradient descent works on the whole minibatch, not on one example",
                               hint: "count at a step of one example: at: {epoch: 1, example: 1, step: feedforward, layer: \(l)}")
        case .feedforward(_, let fl) where fl < l:
            throw atNode.error("layer \(l)'s z is not computed yet at feedforward l=\(fl)",
                               hint: "count from feedforward l=\(l) on: at: {…, step: feedforward, layer: \(l)}")
        default:
            return .saturatedNodes(layer: l, at: at.position)
        }
    }

    /// The number of saturated nodes of hidden layer l for example m (from 1) of an update:
    /// the facts the screen states about that layer's nodes
    /// (``StepFact/nodeFacts(_:example:layer:deltaKnown:)``), counted
    /// (``SaturatedNode/hiddenCount(in:layer:)``). A dropped node is not saturated: its a is 0
    /// for this example.
    static func saturatedNodes(layer l: Int, in trace: UpdateTrace, example m: Int) -> Int {
        SaturatedNode.hiddenCount(in: StepFact.nodeFacts(trace, example: m, layer: l, deltaKnown: false), layer: l)
    }
}
