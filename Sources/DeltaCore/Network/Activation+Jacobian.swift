/// The softmax layer's output error through its Jacobian, for a cost whose derivative does
/// not cancel (quadratic, MSE).
extension Activation {
    /// δ_j = Σ_k ∂C/∂a_k · a_k (1[j = k] − a_j) for every node j of a softmax layer, written
    /// into `delta`.
    ///
    /// Computed as a_j (∂C/∂a_j − Σ_k ∂C/∂a_k a_k), one pass over the layer. Where that
    /// difference has cancelled to below ``roundingThreshold`` (2⁻¹⁰) of the size of its
    /// parts, |∂C/∂a_j| + Σ_k |∂C/∂a_k a_k|, it has lost more than 10 bits (at saturation,
    /// a_j → 1, or where two outputs share the rest of the probability equally); δ_j is then
    /// computed as the same sum with Σ_k a_k = 1 taken apart,
    /// a_j Σ_{k≠j} a_k (∂C/∂a_j − ∂C/∂a_k), in which equal terms cancel exactly. Everywhere
    /// else the arithmetic is the first, bit for bit.
    ///
    /// - Parameters:
    ///   - g: ∂C/∂a_k of every node.
    ///   - a: a_k of every node.
    ///   - n: the number of nodes.
    ///   - delta: where δ_j is written.
    ///   - paired: if given, whether each δ_j was computed the second way.
    public func jacobianProduct(
        gradient g: UnsafePointer<Double>, a: UnsafePointer<Double>, count n: Int,
        into delta: UnsafeMutablePointer<Double>, paired: UnsafeMutablePointer<Bool>? = nil
    ) {
        precondition(self == .softmax, "only softmax has a Jacobian")
        var weighted = 0.0, size = 0.0
        for k in 0..<n {
            weighted += g[k] * a[k]
            size += abs(g[k] * a[k])
        }
        for j in 0..<n {
            let difference = g[j] - weighted
            let cancelled = abs(difference) < Activation.roundingThreshold * (abs(g[j]) + size)
            if cancelled {
                var sum = 0.0
                for k in 0..<n where k != j { sum += a[k] * (g[j] - g[k]) }
                delta[j] = a[j] * sum
            } else {
                delta[j] = a[j] * difference
            }
            paired?[j] = cancelled
        }
    }
}
