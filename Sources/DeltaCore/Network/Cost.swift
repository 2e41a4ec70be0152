/// The cost C of one example: how far the output a = a_L is from the target y.
///
/// Each cost is kept under its own name so that the numbers of every textbook reproduce
/// exactly (the lecture's MSE and Nielsen's quadratic cost differ by a factor 2/n_L). The
/// cost of a minibatch is the mean of its examples' costs.
public enum Cost: String, CaseIterable, Sendable, Hashable, Codable {
    /// The lecture's mean squared error: C = (1/n_L) Σ_j (y_j − a_j)², so
    /// ∂C/∂a_j = −2 (y_j − a_j) / n_L.
    case mse
    /// Nielsen's quadratic cost: C = ½ ‖y − a‖² = ½ Σ_j (y_j − a_j)², so ∂C/∂a_j = a_j − y_j.
    case quadratic
    /// Binary cross-entropy, summed over the output nodes:
    /// C = −Σ_j [y_j ln a_j + (1 − y_j) ln(1 − a_j)], so
    /// ∂C/∂a_j = −y_j / a_j + (1 − y_j) / (1 − a_j). For sigmoid outputs.
    case crossEntropy = "cross-entropy"
    /// Log-likelihood: C = −ln a_k for the true class k, written −Σ_j y_j ln a_j so that it
    /// also reads off a one-hot y; ∂C/∂a_j = −y_j / a_j. Needs positive outputs.
    case logLikelihood = "log-likelihood"

    /// Whether the cost is defined for every output this activation can produce:
    /// cross-entropy needs each output in (0, 1) on its own (sigmoid), log-likelihood needs
    /// positive outputs (sigmoid, or softmax as the lecture pairs it).
    public func isDefined(for output: Activation) -> Bool {
        switch self {
        case .mse, .quadratic: return true
        case .crossEntropy: return output == .sigmoid
        case .logLikelihood: return output == .sigmoid || output == .softmax
        }
    }

    /// Why one example's target y cannot be used with this cost, or nil if it can:
    /// cross-entropy needs every y_j in [0, 1]; log-likelihood needs a probability
    /// distribution (non-negative, summing to 1 within 10⁻¹², as a one-hot class is).
    public func problem(withTarget y: ArraySlice<Double>) -> TargetProblem? {
        switch self {
        case .mse, .quadratic: return nil
        case .crossEntropy:
            return y.first { !(0...1).contains($0) }.map(TargetProblem.outsideUnitInterval)
        case .logLikelihood:
            return y.contains(where: { $0 < 0 }) || abs(y.reduce(0, +) - 1) > 1e-12 ? .notADistribution : nil
        }
    }

    /// The exact simplification of δ_L = ∂C/∂a ⊙ f′(z) for this cost with this output
    /// activation, if the derivative of the activation cancels.
    public func simplification(with output: Activation) -> OutputErrorSimplification? {
        switch (self, output) {
        case (.crossEntropy, .sigmoid): return .activationMinusTarget
        case (.logLikelihood, .softmax): return .activationMinusTarget
        case (.logLikelihood, .sigmoid): return .targetTimesActivationMinusOne
        default: return nil
        }
    }

    /// The cost of one example.
    ///
    /// The logarithmic costs are computed from z, not from a: ln σ(z) = −softplus(−z),
    /// ln(1 − σ(z)) = −softplus(z) and ln softmax_j(z) = z_j − ln Σ_k e^{z_k}. So a node that
    /// saturates to a = 1.0 exactly still has a finite, correct cost, and y ln a counts as 0
    /// when y = 0.
    @inlinable
    public func value(
        z: UnsafePointer<Double>, a: UnsafePointer<Double>, y: UnsafePointer<Double>,
        count n: Int, output: Activation
    ) -> Double {
        var s = 0.0
        switch self {
        case .mse, .quadratic:
            for j in 0..<n {
                let e = y[j] - a[j]
                s += e * e
            }
            return self == .mse ? s / Double(n) : s / 2
        case .crossEntropy:
            for j in 0..<n {
                s += Cost.weighted(y[j], -Cost.softplus(-z[j])) + Cost.weighted(1 - y[j], -Cost.softplus(z[j]))
            }
        case .logLikelihood:
            let lse = output == .softmax ? Cost.logSumExp(z, n) : 0
            for j in 0..<n where y[j] != 0 {
                s += y[j] * (output == .softmax ? Cost.logSoftmax(z, n, j, logSumExp: lse) : -Cost.softplus(-z[j]))
            }
        }
        return -s
    }

    /// ∂C/∂a_j for every output node j.
    ///
    /// For the logarithmic costs the quotients are taken from z, so they keep their
    /// precision when a node saturates: for a sigmoid output 1/a = 1 + e^−z and
    /// 1/(1 − a) = 1 + e^z, for softmax 1/a_j = e^{ln Σ_k e^{z_k} − z_j}. (Beyond |z| ≈ 709
    /// they are honestly ∞; δ_L then comes from the exact simplification.)
    @inlinable
    public func gradient(
        z: UnsafePointer<Double>, a: UnsafePointer<Double>, y: UnsafePointer<Double>, count n: Int,
        output: Activation, into dCda: UnsafeMutablePointer<Double>
    ) {
        let lse = self == .logLikelihood && output == .softmax ? Cost.logSumExp(z, n) : 0
        for j in 0..<n {
            switch self {
            case .mse: dCda[j] = -2 * (y[j] - a[j]) / Double(n)
            case .quadratic: dCda[j] = a[j] - y[j]
            case .crossEntropy:
                let first = y[j] == 0 ? 0 : y[j] * (1 + PortableMath.exp(-z[j]))
                let second = y[j] == 1 ? 0 : (1 - y[j]) * (1 + PortableMath.exp(z[j]))
                dCda[j] = -first + second
            case .logLikelihood:
                let inverse = output == .softmax ? PortableMath.exp(lse - z[j]) : 1 + PortableMath.exp(-z[j])
                dCda[j] = y[j] == 0 ? 0 : -y[j] * inverse
            }
        }
    }

    /// y · ln v with the convention 0 · ln 0 = 0 (the limit of y ln a as y → 0).
    @usableFromInline
    static func weighted(_ y: Double, _ lnV: Double) -> Double {
        y == 0 ? 0 : y * lnV
    }

    /// ln Σ_k e^{z_k}, as z_max + ln(1 + Σ_{k≠max} e^{z_k − z_max}) so that it neither
    /// overflows nor loses the small terms when one z dominates.
    @usableFromInline
    static func logSumExp(_ z: UnsafePointer<Double>, _ n: Int) -> Double {
        var top = 0
        for k in 1..<max(n, 1) where z[k] > z[top] { top = k }
        var others = 0.0
        for k in 0..<n where k != top { others += PortableMath.exp(z[k] - z[top]) }
        return z[top] + PortableMath.log1p(others)
    }

    /// ln a_j of a softmax layer, ln softmax_j(z) = z_j − ln Σ_k e^{z_k}.
    ///
    /// Where node j holds nearly all the probability (1 − a_j < 2⁻¹⁰, the criterion of
    /// ``Activation/roundingThreshold``), z_j − ln Σ_k e^{z_k} subtracts two nearly equal
    /// numbers and loses the small ln a_j ≈ a_j − 1; there it is evaluated as
    /// −ln(1 + Σ_{k≠j} e^{z_k − z_j}), which keeps every digit (at z = (40, 0, 0):
    /// −8.5e−18, where the first form gives 0). Elsewhere the first form, bit for bit.
    @usableFromInline
    static func logSoftmax(_ z: UnsafePointer<Double>, _ n: Int, _ j: Int, logSumExp lse: Double) -> Double {
        let direct = z[j] - lse
        guard direct > -Activation.roundingThreshold else { return direct }
        var others = 0.0
        for k in 0..<n where k != j { others += PortableMath.exp(z[k] - z[j]) }
        return -PortableMath.log1p(others)
    }

    /// ln a_j of a softmax layer from its z (``logSoftmax(_:_:_:logSumExp:)``).
    public static func logSoftmax(of j: Int, z: [Double]) -> Double {
        z.withUnsafeBufferPointer { logSoftmax($0.baseAddress!, $0.count, j, logSumExp: logSumExp($0.baseAddress!, $0.count)) }
    }

    /// softplus(x) = ln(1 + e^x), without overflow for large x.
    @usableFromInline
    static func softplus(_ x: Double) -> Double {
        max(x, 0) + PortableMath.log1p(PortableMath.exp(-abs(x)))
    }
}

extension Cost: CustomStringConvertible {
    public var description: String { rawValue }
}
