/// A named, seeded source of examples: a truth table (`xor`, `and`, `or`), or `count` points
/// of a shape — `circle`, two Gaussian `blobs`, two `moons`, two `spirals` (each a
/// two-class problem with one target y ∈ {0, 1}) or a noisy `sine` (a regression: one input,
/// one target) — with Gaussian `noise`.
///
/// Every number is drawn from two streams of the seed (``RandomStream/data``): the shape's
/// own draws from (seed, data), point after point, and the noise from (seed, data, 1). So
/// the same seed gives bit-identical data on every machine (the sines and cosines are
/// ``PortableMath``'s); the first k of `count` points do not depend on `count`; and a
/// different `noise` moves the same points by a multiple of the same Gaussian draws.
/// ``examples(seed:)`` documents each shape's formula.
public struct DataGenerator: Sendable, Hashable {
    /// The shapes, as a lesson and `deltatrace gen` name them.
    public enum Shape: String, Sendable, Hashable, CaseIterable {
        /// The truth tables: the four rows x ∈ {0, 1}², target the function of x1 and x2.
        case xor, and, or
        /// x uniform in [−1, 1]², y = 1 inside the circle of radius √(2/π) that holds half of the square.
        case circle
        /// Two Gaussian clouds of standard deviation `noise` around (−1, −1) (y = 0) and (1, 1) (y = 1).
        case blobs
        /// Two interleaved half circles of radius 1.
        case moons
        /// Two interleaved arms, each 1½ turns from the centre out to radius 1.
        case spirals
        /// x uniform in [−π, π), y = sin x plus noise: a regression for a linear output.
        case sine

        /// Whether the shape is a truth table: four fixed rows, without `count` or `noise`.
        public var isTruthTable: Bool { self == .xor || self == .and || self == .or }

        /// The noise a shape has when none is given: 0 for the circle (as it always was),
        /// 0.5 for the blobs (their spread), 0.05 for the spirals (along a ray from the
        /// centre their arms are 1/3 apart, 6.7σ), 0.1 for moons and sine; nil for a truth table,
        /// which takes none.
        public var defaultNoise: Double? {
            switch self {
            case .xor, .and, .or: return nil
            case .circle: return 0
            case .blobs: return 0.5
            case .spirals: return 0.05
            case .moons, .sine: return 0.1
            }
        }

        /// n_0, the inputs of each example: 1 for the sine, 2 for the others.
        public var inputWidth: Int { self == .sine ? 1 : 2 }
    }

    /// Why a generator cannot be made.
    public enum Problem: Error, Sendable, Hashable {
        /// `count` is below 1.
        case countBelowOne(Int)
        /// `count` is above ``countLimit``.
        case countAboveLimit(Int)
        /// A truth table was given a count: it has its four rows.
        case countOfTruthTable(Shape)
        /// `noise` is negative (or NaN, or infinite).
        case noiseNotAllowed(Double)
        /// A truth table was given noise.
        case noiseOfTruthTable(Shape)
    }

    /// The shape.
    public let shape: Shape
    /// The number of examples: `count` as given (``defaultCount`` when not), 4 for a truth table.
    public let count: Int
    /// σ, the standard deviation of the Gaussian noise (0 for a truth table).
    public let noise: Double

    /// The number of points when a lesson gives no `count`.
    public static let defaultCount = 100
    /// The most points a generator makes (checked before anything is allocated).
    public static let countLimit = 1_000_000

    /// A generator of a shape with `count` points (default ``defaultCount``) and noise σ
    /// (default ``Shape/defaultNoise``); a truth table takes neither.
    public init(_ shape: Shape, count: Int? = nil, noise: Double? = nil) throws(Problem) {
        if shape.isTruthTable {
            if count != nil { throw .countOfTruthTable(shape) }
            if noise != nil { throw .noiseOfTruthTable(shape) }
        }
        let count = shape.isTruthTable ? 4 : count ?? DataGenerator.defaultCount
        guard count >= 1 else { throw .countBelowOne(count) }
        guard count <= DataGenerator.countLimit else { throw .countAboveLimit(count) }
        let noise = noise ?? shape.defaultNoise ?? 0
        guard noise >= 0 && noise.isFinite else { throw .noiseNotAllowed(noise) }
        self.shape = shape
        self.count = count
        self.noise = noise
    }

    /// The input names, as `gen` heads its CSV columns: x1, x2 (x1 alone for the sine).
    public var inputNames: [String] { (1...shape.inputWidth).map { "x\($0)" } }

    /// The target's name: y (0 or 1 for the two-class shapes and truth tables, a number for the sine).
    public var targetName: String { "y" }

    /// The key of the noise stream after (seed, data): (seed, data, 1).
    static let noiseStreamKey: UInt64 = 1
}
