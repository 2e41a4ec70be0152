import DeltaCore

extension Narrator {
    /// Why a generator cannot be made, in one sentence, and how to fix it (for a lesson's
    /// `generator` and for `deltatrace gen`).
    public static func say(_ problem: DataGenerator.Problem) -> (message: String, hint: String) {
        let drawn = DataGenerator.Shape.allCases.filter { !$0.isTruthTable }.map(\.rawValue)
        switch problem {
        case .countBelowOne(let n):
            return ("a generator's count must be at least 1, not \(n)", "the count is the number of points drawn, e.g. 200")
        case .countAboveLimit(let n):
            return ("a generator's count of \(n) is above the limit of \(DataGenerator.countLimit) points",
                    "draw at most \(DataGenerator.countLimit) points")
        case .countOfTruthTable(let shape):
            return ("`\(shape.rawValue)` is its truth table's four rows: it takes no count",
                    "leave the count out, or draw points from \(Suggestion.listing(drawn))")
        case .noiseNotAllowed(let sigma):
            return ("a generator's noise must be 0 or more, not \(NumberText.written(sigma))",
                    "the noise is σ, the standard deviation of the Gaussian noise added, e.g. 0.1")
        case .noiseOfTruthTable(let shape):
            return ("`\(shape.rawValue)` is its truth table's four rows: it takes no noise",
                    "leave the noise out, or draw noisy points from \(Suggestion.listing(drawn))")
        }
    }

    /// A generator name that is not a shape, with a did-you-mean, and the shapes there are.
    public static func unknownShape(_ name: String) -> (message: String, hint: String) {
        let names = DataGenerator.Shape.allCases.map(\.rawValue)
        return ("unknown generator `\(name)`", "\(Suggestion.didYouMean(name, among: names))use one of: \(Suggestion.listing(names))")
    }
}
