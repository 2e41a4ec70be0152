/// When an output counts as correct, for the accuracy reported each epoch.
public enum AccuracyRule: Sendable, Hashable {
    /// Not a classification (a regression, or targets that are not classes): no accuracy.
    case none
    /// One output node and targets 0 or 1: correct when a ≥ ½ exactly when y = 1.
    case threshold
    /// Several output nodes and one-hot targets: correct when the largest a_j is at the
    /// target's 1 (ties go to the lowest j).
    case argmax

    /// The rule that fits a network and its training targets.
    public static func inferred(network: Network, targets: Dataset) -> AccuracyRule {
        let width = targets.targetWidth
        if width == 1 {
            let binary = targets.targets.allSatisfy { $0 == 0 || $0 == 1 }
            return binary && network.outputActivation == .sigmoid ? .threshold : .none
        }
        for m in 0..<targets.count {
            let row = targets.y(m)
            guard row.allSatisfy({ $0 == 0 || $0 == 1 }), row.reduce(0, +) == 1 else { return .none }
        }
        return .argmax
    }

    /// Whether an output is correct for a target.
    public func isCorrect(output a: UnsafePointer<Double>, target y: UnsafePointer<Double>, count n: Int) -> Bool {
        switch self {
        case .none: return false
        case .threshold: return (a[0] >= 0.5) == (y[0] == 1)
        case .argmax: return AccuracyRule.argmax(a, n) == AccuracyRule.argmax(y, n)
        }
    }

    static func argmax(_ v: UnsafePointer<Double>, _ n: Int) -> Int {
        var best = 0
        for j in 1..<n where v[j] > v[best] { best = j }
        return best
    }
}
