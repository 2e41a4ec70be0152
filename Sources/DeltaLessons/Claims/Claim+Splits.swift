extension Claim {
    /// What a claim measures on the test set, evaluated once after training.
    public enum TestFigure: String, Sendable, Hashable, CaseIterable {
        /// The mean cost C_0 over the test examples.
        case cost = "test-cost"
        /// The fraction of test examples classified right.
        case accuracy = "test-accuracy"
    }

    /// What a `cv` claim measures: the mean or the sample standard deviation (dividing by
    /// K − 1, ``FoldSpread``) over the K models' last epochs of their validation cost or
    /// accuracy — `deltatrace cv`'s summary, under the same names.
    public enum CrossValidationFigure: String, Sendable, Hashable, CaseIterable {
        /// The mean validation cost.
        case validationCostMean = "validation-cost-mean"
        /// The sample sd of the validation cost.
        case validationCostSD = "validation-cost-sd"
        /// The mean validation accuracy.
        case validationAccuracyMean = "validation-accuracy-mean"
        /// The sample sd of the validation accuracy.
        case validationAccuracySD = "validation-accuracy-sd"

        /// The figure in a cross-validation's results; nil for an accuracy without a
        /// classification.
        public func value(in cv: CrossValidation) -> Double? {
            switch self {
            case .validationCostMean: return cv.validationCost.mean
            case .validationCostSD: return cv.validationCost.standardDeviation
            case .validationAccuracyMean: return cv.validationAccuracy?.mean
            case .validationAccuracySD: return cv.validationAccuracy?.standardDeviation
            }
        }
    }
}
