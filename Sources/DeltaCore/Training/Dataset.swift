/// Examples (x, y) in flat storage: example m's input is `inputs[m·inputWidth ..< (m+1)·inputWidth]`.
public struct Dataset: Sendable, Hashable {
    /// Every x, one after another.
    public let inputs: [Double]
    /// Every y, one after another.
    public let targets: [Double]
    /// n_0, the width of one input.
    public let inputWidth: Int
    /// n_L, the width of one target.
    public let targetWidth: Int
    /// Where each example came from (its data row, and for a copy made by ``Expansion`` how
    /// it was made), one per example; nil for examples that are not marked (training data
    /// that is not expanded, validation and test data). Two datasets without origins are
    /// equal exactly when their examples are.
    public private(set) var origins: [ExampleOrigin]?

    /// The number of examples.
    public var count: Int { inputWidth == 0 ? 0 : inputs.count / inputWidth }

    /// A dataset from rows of inputs and rows of targets.
    ///
    /// - Throws: ``DatasetError`` if there are no rows, the counts differ, a row is ragged
    ///   or a value is not finite.
    public init(inputs: [[Double]], targets: [[Double]]) throws(DatasetError) {
        guard let first = inputs.first, let firstTarget = targets.first else { throw .empty }
        guard inputs.count == targets.count else { throw .countMismatch(inputs: inputs.count, targets: targets.count) }
        if let m = inputs.firstIndex(where: { $0.count != first.count }) {
            throw .raggedRow(example: m, expected: first.count, got: inputs[m].count, isTarget: false)
        }
        if let m = targets.firstIndex(where: { $0.count != firstTarget.count }) {
            throw .raggedRow(example: m, expected: firstTarget.count, got: targets[m].count, isTarget: true)
        }
        try self.init(flatInputs: inputs.flatMap { $0 }, inputWidth: first.count,
                      flatTargets: targets.flatMap { $0 }, targetWidth: firstTarget.count)
    }

    /// A dataset from flat storage.
    public init(flatInputs: [Double], inputWidth: Int, flatTargets: [Double], targetWidth: Int) throws(DatasetError) {
        guard inputWidth > 0, targetWidth > 0, !flatInputs.isEmpty else { throw .empty }
        guard flatInputs.count % inputWidth == 0, flatTargets.count % targetWidth == 0,
              flatInputs.count / inputWidth == flatTargets.count / targetWidth
        else { throw .countMismatch(inputs: flatInputs.count / inputWidth, targets: flatTargets.count / targetWidth) }
        if let k = flatInputs.firstIndex(where: { !$0.isFinite }) {
            throw .notFinite(example: k / inputWidth, column: k % inputWidth, isTarget: false)
        }
        if let k = flatTargets.firstIndex(where: { !$0.isFinite }) {
            throw .notFinite(example: k / targetWidth, column: k % targetWidth, isTarget: true)
        }
        inputs = flatInputs
        targets = flatTargets
        self.inputWidth = inputWidth
        self.targetWidth = targetWidth
    }

    /// The input x of example m.
    public func x(_ m: Int) -> ArraySlice<Double> { inputs[m * inputWidth ..< (m + 1) * inputWidth] }
    /// The target y of example m.
    public func y(_ m: Int) -> ArraySlice<Double> { targets[m * targetWidth ..< (m + 1) * targetWidth] }

    /// The dataset with each example marked with where it came from.
    ///
    /// - Precondition: one origin per example.
    public func marked(with origins: [ExampleOrigin]) -> Dataset {
        precondition(origins.count == count, "one origin per example")
        var marked = self
        marked.origins = origins
        return marked
    }

    /// The origin of example m (from 0 in the dataset), if the examples are marked.
    public func origin(_ m: Int) -> ExampleOrigin? { origins?[m] }

    /// The examples at the given indices, in that order (with their origins, if marked).
    public func subset(_ indices: [Int]) -> Dataset {
        var x: [Double] = [], y: [Double] = []
        x.reserveCapacity(indices.count * inputWidth)
        y.reserveCapacity(indices.count * targetWidth)
        for m in indices {
            x += self.x(m)
            y += self.y(m)
        }
        // Rows of a valid dataset stay valid.
        var subset = try! Dataset(flatInputs: x, inputWidth: inputWidth, flatTargets: y, targetWidth: targetWidth)
        subset.origins = origins.map { all in indices.map { all[$0] } }
        return subset
    }
}

/// Why examples cannot form a dataset.
public enum DatasetError: Error, Hashable, Sendable {
    /// There are no examples.
    case empty
    /// The number of inputs and targets differ.
    case countMismatch(inputs: Int, targets: Int)
    /// A row has a different width from the first row.
    case raggedRow(example: Int, expected: Int, got: Int, isTarget: Bool)
    /// A value is NaN or infinite.
    case notFinite(example: Int, column: Int, isTarget: Bool)
}
