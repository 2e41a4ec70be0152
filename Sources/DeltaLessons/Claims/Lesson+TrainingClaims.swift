import DeltaCore
import DeltaText

extension Lesson {
    /// The measure keys this file reads (``trainingMeasure(_:_:in:settings:layout:allowEpoch:epoch:)``).
    static let trainingMeasureKeys = ["near-zero-weights", "non-finite-at", "dropped-nodes"]

    /// A claim on what regularisation, dropout and the learning rate do to a run:
    ///
    /// - `near-zero-weights: {within: 0.01, layer: 1}`: how many weights w_{l,i,j} of layer l
    ///   (without `layer`: of every layer) have |w| ≤ `within` (default 0.01,
    ///   ``NearZeroWeight``) after `epoch:` (without it, the epoch the run ends with). A
    ///   per-epoch measure, so `first-epoch` takes it too.
    /// - `non-finite-at: epoch` (or `update`, `example`, `layer`): that coordinate, from 1, of
    ///   the step where the run met its first NaN or ∞ and stopped.
    /// - `dropped-nodes: {layer: 1}` with `at:`: how many nodes of hidden layer l dropout
    ///   dropped for the example of that step.
    ///
    /// - Parameter epoch: reads the claim's `epoch:` (nil without one), refusing it inside
    ///   `first-epoch`.
    static func trainingMeasure(_ key: String, _ value: YAMLNode, in m: YAMLMapping, settings: Settings, layout: TraceLayout,
                                allowEpoch: Bool, epoch: () throws -> Int?) throws -> Claim.Measure {
        let L = settings.layers.count - 1
        switch key {
        case "near-zero-weights":
            let spec = try value.mapping("`near-zero-weights`", allowed: ["within", "layer"])
            let within = try spec["within"]?.double("`within`") ?? NearZeroWeight.defaultWithin
            guard within >= 0, within.isFinite else {
                throw spec["within"]!.error("`within` must be a number 0 or more, not \(NumberText.written(within))",
                                            hint: "a weight w counts when |w| ≤ within, e.g. within: 0.01")
            }
            var layer: Int?
            if let node = spec["layer"] {
                let l = try node.int("`layer`")
                guard (1...L).contains(l) else { throw node.error("layer \(l) has no weights", hint: "the weights belong to layers 1…\(L)") }
                layer = l
            }
            return .nearZeroWeights(within: within, layer: layer, epoch: try epoch())
        case "non-finite-at":
            guard allowEpoch else {
                throw value.error("`first-epoch` works with per-epoch measures; `non-finite-at` is where the run stopped",
                                  hint: "claim `non-finite-at` on its own under `expect:`")
            }
            if let node = m.keyNode("epoch") {
                throw node.error("`non-finite-at` measures where the run stopped, not an epoch's result",
                                 hint: "write `non-finite-at: epoch` to claim the epoch it stopped in")
            }
            return .nonFiniteAt(try value.choice("the coordinate of `non-finite-at`", Claim.StopCoordinate.self))
        default:
            guard allowEpoch else {
                throw value.error("`first-epoch` works with per-epoch measures; `dropped-nodes` counts at one step",
                                  hint: "claim `dropped-nodes` on its own under `expect:`, with `at:`")
            }
            if let node = m.keyNode("epoch") {
                throw node.error("`dropped-nodes` counts at the step `at:` names", hint: "leave out `epoch:`; give the epoch inside `at:`")
            }
            let spec = try value.mapping("`dropped-nodes`", allowed: ["layer"])
            let layerNode = try spec.require("layer", hint: "name the hidden layer: dropped-nodes: {layer: 1}")
            let l = try layerNode.int("`layer`")
            guard L > 1 else { throw layerNode.error("the network has no hidden layer, and dropout drops hidden nodes alone") }
            guard (1..<L).contains(l) else {
                throw layerNode.error("dropout drops nodes of the hidden layers alone, not of layer \(l)",
                                      hint: L == 2 ? "the hidden layer is layer 1" : "the hidden layers are 1…\(L - 1)")
            }
            guard settings.training.dropout > 0 else {
                throw value.error("the run drops no nodes: its dropout is 0", hint: "set `dropout:` under `train:` (or in the variant)")
            }
            let at = try tracePoint(try m.require("at", hint: "say at which step: at: {epoch: 1, example: 1, step: feedforward}"), layout: layout)
            return .droppedNodes(layer: l, at: at.position)
        }
    }
}
