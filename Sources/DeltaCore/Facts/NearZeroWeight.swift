/// A weight w_{l,i,j} within ±ε of zero: |w| ≤ ε, with ε = 0.01 unless said otherwise.
///
/// L1 regularisation subtracts the same (ηλ/n)·sgn(w) from every weight at each update, so a
/// weight the data does not hold up is driven to zero and then hovers there, stepping across
/// it by at most ηλ/n; L2 multiplies every weight by (1 − ηλ/n), which shrinks a weight in
/// proportion to its size and so never quite reaches zero. Counting the weights within ±ε of
/// zero tells the two apart ("sparse weights" against "small weights"). ε is a half-width
/// rather than exact zero because plain subgradient steps under L1 land beside zero, not on it.
///
/// This is the one definition of "near zero": a claim's `near-zero-weights` count and a
/// weight histogram's bin around zero both use ``isNearZero(_:within:)``. Biases are not
/// weights here, as they are not regularised.
public enum NearZeroWeight {
    /// ε, the default half-width: a weight within ±0.01 of zero counts as near zero.
    public static let defaultWithin = 0.01

    /// Whether a weight is near zero: |w| ≤ ε (ε itself counts; NaN never does).
    @inlinable
    public static func isNearZero(_ w: Double, within epsilon: Double = defaultWithin) -> Bool {
        abs(w) <= epsilon
    }

    /// How many weights w_{l,i,j} of layer l (nil: of every layer 1 … L) are near zero.
    ///
    /// - Precondition: the parameters fit the network, and layer l is 1 … L.
    public static func count(in parameters: Parameters, of network: Network, layer l: Int? = nil,
                             within epsilon: Double = defaultWithin) -> Int {
        precondition(parameters.weights.count == network.weightCount, "the parameters do not fit the network")
        let range: Range<Int>
        if let l {
            precondition((1...network.L).contains(l), "layer \(l) has no weights")
            range = network.weightOffset(l)..<network.weightOffset(l + 1)
        } else {
            range = 0..<network.weightCount
        }
        return parameters.weights[range].reduce(0) { $0 + (isNearZero($1, within: epsilon) ? 1 : 0) }
    }
}
