extension Optimizer {
    /// What is worth saying about an update of this rule: for plain SGD with L2, that every
    /// weight is first multiplied by 1 − ηλ/n (weight decay); with L1, that it first moves
    /// ηλ/n towards 0.
    public func facts(eta: Double, regularization: Regularization, trainingSetSize: Int) -> [StepFact] {
        let n = Double(trainingSetSize)
        switch (self, regularization) {
        case (.sgd, .none): return []
        case (.sgd, .l2(let lambda)): return [.weightDecay(factor: 1 - eta * lambda / n)]
        case (.sgd, .l1(let lambda)): return [.weightShrink(amount: eta * lambda / n)]
        }
    }
}
