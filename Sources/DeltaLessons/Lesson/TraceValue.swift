import DeltaCore

/// A number in a trace: a quantity of one node, weight or bias at a step of an update.
public struct TraceValue: Sendable, Hashable {
    /// The kinds of value.
    public enum Quantity: String, Sendable, Hashable, CaseIterable {
        case z, a, delta, y, x
        /// ∂C/∂a of an output node.
        case dCda = "dC/da"
        /// f′(z) of an output node (for softmax the Jacobian's diagonal).
        case fPrime = "f'"
        /// A weight before the update.
        case w
        /// A bias before the update.
        case b
        /// A weight after the update.
        case wAfter = "w-after"
        /// A bias after the update.
        case bAfter = "b-after"
        /// The averaged gradient ∂C/∂w.
        case gradW = "grad-w"
        /// The averaged gradient ∂C/∂b.
        case gradB = "grad-b"
        /// Δw = w after − w before.
        case dw
        /// Δb.
        case db
        /// The example's cost C(m).
        case cost
        /// The minibatch's mean cost.
        case batchCost = "batch-cost"
    }

    /// Which quantity.
    public let quantity: Quantity
    /// The layer l (for a node, weight or bias).
    public let layer: Int?
    /// The node j, from 1.
    public let node: Int?
    /// The node i of layer l − 1 a weight comes from, from 1.
    public let from: Int?

    /// The value in a trace, for example m (from 1).
    public func value(in trace: UpdateTrace, example m: Int) -> Double {
        let l = layer ?? (quantity == .x ? 0 : trace.network.L), j = (node ?? 1) - 1, i = (from ?? 1) - 1
        switch quantity {
        case .z: return trace.z(m, l, j)
        case .a: return trace.a(m, l, j)
        case .delta: return trace.delta(m, l, j)
        case .y: return trace.y(m, j)
        case .x: return trace.x(m, j)
        case .dCda: return trace.costGradient(m, j)
        case .fPrime: return trace.outputDerivative(m, j)
        case .w: return trace.weightBefore(l, i, j)
        case .b: return trace.biasBefore(l, j)
        case .wAfter: return trace.weightAfter(l, i, j)
        case .bAfter: return trace.biasAfter(l, j)
        case .gradW: return trace.weightGradient(l, i, j)
        case .gradB: return trace.biasGradient(l, j)
        case .dw: return trace.weightChange(l, i, j)
        case .db: return trace.biasChange(l, j)
        case .cost: return trace.costs[m - 1]
        case .batchCost: return trace.cost
        }
    }
}
