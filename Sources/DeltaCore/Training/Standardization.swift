/// Feature scaling: each input column i shifted by its mean μ_i and divided by its standard
/// deviation s_i, x̃_i = (x_i − μ_i) / s_i, so that every input starts on the same scale and the
/// first layer's z are not dominated by the column with the largest values.
///
/// The statistics come from the training examples alone and are then applied unchanged to
/// validation and test examples (and to any input a student asks about): a held-out example must
/// not influence how the network sees its inputs, or the held-out results are no longer honest.
public struct Standardization: Sendable, Hashable {
    /// μ_i, the mean of column i over the training examples.
    public let means: [Double]
    /// s_i, the population standard deviation √((1/n) Σ_m (x_{m,i} − μ_i)²) of column i; 1 for
    /// a column whose training values are all equal (it then becomes 0 everywhere).
    public let deviations: [Double]

    /// The statistics of a training set's inputs, each sum taken over the examples in order
    /// m = 1 … n (so the same rows give bit-identical statistics).
    public init(of training: Dataset) {
        let n = Double(training.count), width = training.inputWidth
        var means = [Double](repeating: 0, count: width)
        for m in 0..<training.count {
            for (i, x) in training.x(m).enumerated() { means[i] += x }
        }
        means = means.map { $0 / n }
        var squares = [Double](repeating: 0, count: width)
        for m in 0..<training.count {
            for (i, x) in training.x(m).enumerated() { squares[i] += (x - means[i]) * (x - means[i]) }
        }
        self.means = means
        self.deviations = squares.map { sum in
            let s = (sum / n).squareRoot()
            return s > 0 ? s : 1
        }
    }

    /// x̃_i = (x_i − μ_i) / s_i for one input.
    public func apply(_ x: some Collection<Double>) -> [Double] {
        zip(x, zip(means, deviations)).map { x, stats in (x - stats.0) / stats.1 }
    }

    /// Every input of a dataset standardised; the targets are unchanged.
    public func apply(_ data: Dataset) -> Dataset {
        var inputs: [Double] = []
        inputs.reserveCapacity(data.inputs.count)
        for m in 0..<data.count { inputs += apply(data.x(m)) }
        // Finite inputs minus finite means over positive deviations stay finite.
        return try! Dataset(flatInputs: inputs, inputWidth: data.inputWidth, flatTargets: data.targets, targetWidth: data.targetWidth)
    }
}
