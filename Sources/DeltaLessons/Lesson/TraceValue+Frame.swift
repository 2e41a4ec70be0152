import DeltaCore

extension TraceValue {
    /// Whether the value has been computed by the frame's step, for example m (from 1): what
    /// the screen shows beside that step, where a value not yet computed is drawn as "·".
    ///
    /// The lecture's order decides (``TraceFrame``): z and a of layer l from feedforward l on;
    /// δ_L from the output error, δ_{l−1} from backpropagate l; ∂C/∂a, f′(z) and C(m) with the
    /// output error of example m; the minibatch's mean cost once every example's cost is;
    /// the averaged gradients at gradient descent; w and b after the update, Δw and Δb once
    /// gradient descent has updated layer l. The input x, the target y and the parameters
    /// before the update are known at every step.
    public func isComputed(in frame: TraceFrame, example m: Int) -> Bool {
        let l = layer ?? (quantity == .x ? 0 : frame.trace.network.L)
        switch quantity {
        case .x, .y, .w, .b: return true
        case .z, .a: return frame.isComputed(.activation, example: m, layer: l)
        case .delta: return frame.isComputed(.error, example: m, layer: l)
        case .dCda, .fPrime, .cost: return frame.isCostComputed(example: m)
        case .batchCost: return frame.isCostComputed(example: frame.trace.M)
        case .gradW, .gradB: return frame.isGradientComputed
        case .wAfter, .bAfter, .dw, .db: return frame.isUpdated(layer: l)
        }
    }
}
