/// The complement of a saturating node's activation — 1 − a for σ and softmax, 1 − a² for
/// tanh — computed so that it keeps its digits when the node saturates.
///
/// A stored a carries about 16 significant digits, so a difference of a from a number near
/// it keeps only the digits a has left: σ(20) = 0.99999999793884631 is stored to within
/// 10⁻¹⁶, so 1 − a = 2.0611536e−9 computed from it is right to only 8 digits, and at
/// σ(40) = 1.0 exactly it is 0. The criterion for "has lost digits" is one number,
/// ``roundingThreshold`` = 2⁻¹⁰: a difference from 1 smaller than that, computed from the
/// stored a, keeps fewer than 43 of a double's 53 bits. Only there is the complement taken
/// from z; everywhere else it is the textbook 1 − a of the stored a, bit for bit.
extension Activation {
    /// 2⁻¹⁰ ≈ 0.000977: a difference from 1 computed from a stored a (1 − a, a − 1, a − y
    /// with y near 1, and ln a ≈ a − 1) that is smaller than this has lost more than 10 of
    /// its 53 bits, so it is computed from z instead.
    public static let roundingThreshold = 0x1p-10

    /// Whether 1 − a (1 − a² for tanh) computed from the stored `a` has lost digits:
    /// whether it is below ``roundingThreshold``. Always false for ReLU and linear, which do
    /// not saturate.
    public func complementHasRounded(a: Double) -> Bool {
        switch self {
        case .sigmoid, .softmax: return 1 - a < Activation.roundingThreshold
        case .tanh: return 1 - a * a < Activation.roundingThreshold
        case .relu, .linear: return false
        }
    }

    /// The complement of node j's activation: 1 − a_j for σ and softmax, 1 − a_j² for tanh
    /// (the factor of f′ = a(1 − a), 1 − a² that vanishes as the node saturates).
    ///
    /// Where ``complementHasRounded(a:)`` it is computed from z: σ(−z_j) = 1/(1 + e^{z_j})
    /// for σ; tanh′(z_j) for tanh (the engine's own f′); for softmax Σ_{k≠j} a_k, the other
    /// outputs of the layer, which the max shift (a_k = e^{z_k − z_max} / Σ_i e^{z_i − z_max})
    /// computed to full relative precision. Elsewhere it is 1 − a_j (1 − a_j²) of the stored
    /// a, bit for bit as the textbook writes it.
    ///
    /// - Parameters:
    ///   - j: the node, from 0.
    ///   - z: the layer's z.
    ///   - a: the layer's stored a (without a dropout factor).
    ///   - n: the number of nodes of the layer.
    public func complement(of j: Int, z: UnsafePointer<Double>, a: UnsafePointer<Double>, count n: Int) -> Double {
        precondition(canSaturate, "\(self) has no complement")
        guard complementHasRounded(a: a[j]) else { return self == .tanh ? 1 - a[j] * a[j] : 1 - a[j] }
        switch self {
        case .sigmoid: return Activation.sigmoid(-z[j])
        case .tanh: return Activation.tanh.derivative(z[j])
        default:
            var others = 0.0
            for k in 0..<n where k != j { others += a[k] }
            return others
        }
    }

    /// a_j − y for a σ or softmax node and a number y (a target y_j, or 1).
    ///
    /// Where a_j and y are both within ``roundingThreshold`` of 1 (the stored a_j has then
    /// rounded away the digits of the difference) it is (1 − y) − (1 − a_j), with 1 − a_j
    /// from ``complement(of:z:a:count:)``; elsewhere a_j − y of the stored a, bit for bit.
    public func difference(of j: Int, minus y: Double, z: UnsafePointer<Double>, a: UnsafePointer<Double>, count n: Int) -> Double {
        precondition(self == .sigmoid || self == .softmax, "a − y is taken apart only for σ and softmax")
        guard differenceHasRounded(a: a[j], minus: y) else { return a[j] - y }
        return (1 - y) - complement(of: j, z: z, a: a, count: n)
    }

    /// Whether a − y computed from the stored `a` has lost digits, so that
    /// ``difference(of:minus:z:a:count:)`` takes it from z: a and y both within
    /// ``roundingThreshold`` of 1.
    public func differenceHasRounded(a: Double, minus y: Double) -> Bool {
        (self == .sigmoid || self == .softmax) && complementHasRounded(a: a) && abs(1 - y) < Activation.roundingThreshold
    }
}
