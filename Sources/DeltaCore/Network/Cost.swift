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
    /// ∂C/∂a_j = −y_j / a_j + (1 − y_j) / (1 − a_j). Needs outputs in (0, 1).
    case crossEntropy = "cross-entropy"
    /// Log-likelihood: C = −ln a_k for the true class k, written −Σ_j y_j ln a_j so that it
    /// also reads off a one-hot y; ∂C/∂a_j = −y_j / a_j. Needs positive outputs.
    case logLikelihood = "log-likelihood"

    /// Whether the cost is defined for every output this activation can produce: the two
    /// logarithmic costs need outputs in (0, 1), which only sigmoid and softmax guarantee.
    public func isDefined(for output: Activation) -> Bool {
        switch self {
        case .mse, .quadratic: return true
        case .crossEntropy, .logLikelihood: return output == .sigmoid || output == .softmax
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
    /// The logarithmic costs are computed from z, not from a, when the output is sigmoid
    /// or softmax: ln σ(z) = −softplus(−z), ln(1 − σ(z)) = −softplus(z) and
    /// ln softmax_j(z) = z_j − ln Σ_k e^{z_k}. So a node that saturates to a = 1.0 exactly
    /// still has a finite, correct cost, and y ln a counts as 0 when y = 0.
    @inlinable
    public func value(
        z: UnsafePointer<Double>, a: UnsafePointer<Double>, y: UnsafePointer<Double>,
        count n: Int, output: Activation
    ) -> Double {
        switch self {
        case .mse, .quadratic:
            var s = 0.0
            for j in 0..<n {
                let e = y[j] - a[j]
                s += e * e
            }
            return self == .mse ? s / Double(n) : s / 2
        case .crossEntropy:
            var s = 0.0
            for j in 0..<n {
                let (lnA, lnOneMinusA) = Cost.logs(j, z: z, a: a, count: n, output: output)
                s += Cost.weighted(y[j], lnA) + Cost.weighted(1 - y[j], lnOneMinusA)
            }
            return -s
        case .logLikelihood:
            var s = 0.0
            for j in 0..<n where y[j] != 0 {
                s += y[j] * Cost.logs(j, z: z, a: a, count: n, output: output).lnA
            }
            return -s
        }
    }

    /// ∂C/∂a_j for every output node j.
    ///
    /// Where a saturates to exactly 0 or 1 the quotients y/a and (1 − y)/(1 − a) are taken
    /// with the denominator raised to the smallest normal double, so they stay finite; the
    /// output error then uses the exact simplification where one exists.
    @inlinable
    public func gradient(
        a: UnsafePointer<Double>, y: UnsafePointer<Double>, count n: Int,
        into dCda: UnsafeMutablePointer<Double>
    ) {
        let tiny = Double.leastNormalMagnitude
        for j in 0..<n {
            switch self {
            case .mse: dCda[j] = -2 * (y[j] - a[j]) / Double(n)
            case .quadratic: dCda[j] = a[j] - y[j]
            case .crossEntropy:
                let first = y[j] == 0 ? 0 : y[j] / max(a[j], tiny)
                let second = y[j] == 1 ? 0 : (1 - y[j]) / max(1 - a[j], tiny)
                dCda[j] = -first + second
            case .logLikelihood:
                dCda[j] = y[j] == 0 ? 0 : -y[j] / max(a[j], tiny)
            }
        }
    }

    /// y · ln v with the convention 0 · ln 0 = 0 (the limit of y ln a as y → 0).
    @usableFromInline
    static func weighted(_ y: Double, _ lnV: Double) -> Double {
        y == 0 ? 0 : y * lnV
    }

    /// ln a_j and ln(1 − a_j), from z where the activation allows it.
    @usableFromInline
    static func logs(
        _ j: Int, z: UnsafePointer<Double>, a: UnsafePointer<Double>, count n: Int,
        output: Activation
    ) -> (lnA: Double, lnOneMinusA: Double) {
        switch output {
        case .sigmoid:
            return (-softplus(-z[j]), -softplus(z[j]))
        case .softmax:
            var largest = -Double.infinity, largestOthers = -Double.infinity
            for k in 0..<n {
                largest = max(largest, z[k])
                if k != j { largestOthers = max(largestOthers, z[k]) }
            }
            var all = 0.0, others = 0.0
            for k in 0..<n {
                all += PortableMath.exp(z[k] - largest)
                if k != j { others += PortableMath.exp(z[k] - largestOthers) }
            }
            let lse = largest + PortableMath.log(all)
            let lseOthers = n > 1 ? largestOthers + PortableMath.log(others) : -Double.infinity
            return (z[j] - lse, lseOthers - lse)
        case .tanh, .relu, .linear:
            return (PortableMath.log(a[j]), PortableMath.log1p(-a[j]))
        }
    }

    /// softplus(x) = ln(1 + e^x), without overflow for large x.
    @usableFromInline
    static func softplus(_ x: Double) -> Double {
        max(x, 0) + PortableMath.log1p(PortableMath.exp(-abs(x)))
    }
}

/// An exact closed form of the output error δ_L in which f′(z) has cancelled.
public enum OutputErrorSimplification: Sendable, Hashable {
    /// δ_{L,j} = a_{L,j} − y_j: cross-entropy with sigmoid, log-likelihood with softmax
    /// (for targets that sum to 1).
    case activationMinusTarget
    /// δ_{L,j} = y_j (a_{L,j} − 1): log-likelihood with sigmoid outputs.
    case targetTimesActivationMinusOne
}

extension Cost: CustomStringConvertible {
    public var description: String { rawValue }
}
