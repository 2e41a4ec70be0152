import DeltaCore

/// How a lesson's rows are split: the rows trained on, those held out for validation
/// (`holdout`) and those kept for the test (`test`), each list in file order.
///
/// One seeded permutation of the rows 0 … n−1 (stream `holdout` of `train.seed`) decides
/// both: its last T rows are the test rows, the H before them the validation rows, and the
/// rest are trained on. A lesson without `test` therefore holds out the same rows it did
/// before the test split existed.
struct Split: Sendable, Hashable {
    /// The rows trained on.
    let training: [Int]
    /// The rows held out for validation.
    let validation: [Int]
    /// The rows kept for the test.
    let test: [Int]

    /// Reads `holdout` and `test` (each a count N ≥ 1, or a fraction 0 < f < 1 of the rows,
    /// rounded to the nearest row) and splits n rows.
    static func read(holdout: YAMLNode?, test: YAMLNode?, count n: Int, seed: UInt64) throws -> Split {
        let held = try holdout.map { try size($0, "holdout", of: n) } ?? 0
        let tested = try test.map { try size($0, "test", of: n) } ?? 0
        guard held + tested < n else {
            throw (test ?? holdout)!.error("cannot hold out \(held) and test \(tested) of \(n) examples",
                                           hint: "leave at least 1 example to train on")
        }
        guard held + tested > 0 else { return Split(training: Array(0..<n), validation: [], test: []) }
        var order = Array(0..<n)
        var random = DeltaRandom(seed: seed, stream: RandomStream.holdout.rawValue)
        random.shuffle(&order)
        let testRows = order.suffix(tested).sorted()
        let validationRows = order.dropLast(tested).suffix(held).sorted()
        let trainingRows = order.dropLast(tested + held).sorted()
        return Split(training: trainingRows, validation: validationRows, test: testRows)
    }

    /// A split's size: a whole number N (1 ≤ N < n) or a fraction f (0 < f < 1) of n rows,
    /// rounded to the nearest row and at least 1.
    static func size(_ node: YAMLNode, _ key: String, of n: Int) throws -> Int {
        let hint = "give a number of examples (e.g. \(key): 30) or a fraction of them (e.g. \(key): 0.2)"
        if let count = try? node.int("`\(key)`") {
            guard count >= 1 && count < n else {
                throw node.error("cannot \(key == "test" ? "keep" : "hold out") \(count) of \(n) examples for \(key == "test" ? "the test" : "validation")",
                                 hint: "hold out at least 1 and leave at least 1 to train on")
            }
            return count
        }
        let fraction = try node.double("`\(key)`")
        guard fraction > 0 && fraction < 1 else {
            throw node.error("`\(key)` must be a number of examples or a fraction between 0 and 1, not \(node.described)", hint: hint)
        }
        return max(1, Int((fraction * Double(n)).rounded()))
    }
}
