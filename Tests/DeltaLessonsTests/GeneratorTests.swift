import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// The generators: each shape's points where its formula puts them, the classes balanced,
/// the same bits from the same seed (and other bits from another), the circle exactly as it
/// was before the generators became ``DataGenerator``, and bad values located in the lesson.
@Suite struct GeneratorTests {
    /// A lesson whose data is `data`, with a network that fits two inputs and one output.
    static func lesson(_ data: String, seed: UInt64 = 1, layers: String = "[2, 1]", output: String = "output: sigmoid, cost: cross-entropy") -> String {
        """
        title: T
        summary: S.
        network: {layers: \(layers), \(output)}
        data: \(data)
        train: {eta: 0.5, epochs: 1, seed: \(seed)}
        """
    }

    /// FNV-1a over the bytes of every input's bits, then every target's, in order.
    static func fingerprint(_ d: Dataset) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in d.inputs + d.targets {
            for b in withUnsafeBytes(of: v.bitPattern, Array.init) { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        }
        return h
    }

    /// The points of a generator, as rows.
    static func points(_ shape: DataGenerator.Shape, count: Int = 1000, noise: Double? = nil, seed: UInt64 = 1) throws -> (x: [[Double]], y: [Double]) {
        let (x, y) = try DataGenerator(shape, count: count, noise: noise).examples(seed: seed)
        return (x, y.map { $0[0] })
    }

    /// The mean and population standard deviation of some numbers.
    static func meanAndDeviation(_ values: [Double]) -> (mean: Double, sd: Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        return (mean, (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot())
    }

    // MARK: The circle, as it was

    /// Recorded from the circle generator before this change (LessonData.generate, commit
    /// 6bf6f0a): the fingerprint of every bit, the number of points inside, the first and
    /// last inputs.
    @Test(arguments: [
        (UInt64(1), 200, UInt64(0x6a33_6e83_5fd9_8278), 122, [0.8647646025545899, 0.6387516265317645, 0.2767864833657099, 0.2540916027994147], [0.3896259549138128, 0.34325792734805227]),
        (UInt64(7), 60, UInt64(0xf0c1_54dd_492f_bd9f), 26, [0.2148873412062342, 0.7517681850510147, 0.6787830037539448, -0.39344974629406493], [0.014768690432683806, -0.8849367748363237]),
        (UInt64(1), 100, UInt64(0x719f_8764_b759_21b2), 63, [0.8647646025545899, 0.6387516265317645, 0.2767864833657099, 0.2540916027994147], [-0.731873951298335, -0.5195402629300008]),
    ])
    func theCircleIsUnchanged(seed: UInt64, count: Int, fingerprint: UInt64, inside: Int, first: [Double], last: [Double]) throws {
        let lesson = try Lesson.parse(Self.lesson("{generator: {name: circle, count: \(count)}}", seed: seed), file: "c.yaml")
        let d = lesson.data.examples
        #expect(Self.fingerprint(d) == fingerprint)
        #expect(d.targets.filter { $0 == 1 }.count == inside)
        #expect(Array(d.inputs.prefix(4)) == first && Array(d.inputs.suffix(2)) == last)
        // The same points with noise 0 given, and straight from the generator.
        let zero = try Lesson.parse(Self.lesson("{generator: {name: circle, count: \(count), noise: 0}}", seed: seed), file: "c.yaml")
        #expect(Self.fingerprint(zero.data.examples) == fingerprint)
        let (x, y) = try DataGenerator(.circle, count: count).examples(seed: seed)
        #expect(x.flatMap { $0 } == d.inputs && y.flatMap { $0 } == d.targets)
    }

    @Test func theCircleHoldsItsLabelsInsideRadiusSqrtTwoOverPi() throws {
        let (x, y) = try Self.points(.circle, count: 2000)
        for (p, label) in zip(x, y) {
            #expect(p.allSatisfy { $0 >= -1 && $0 < 1 })
            #expect(label == (p[0] * p[0] + p[1] * p[1] < 2 / Double.pi ? 1 : 0))
        }
        // Half the square's area: 1 030 of 2 000 points inside.
        #expect(y.filter { $0 == 1 }.count == 1030)
        // With noise the labels stay those of the clean points, which move by σ g.
        let clean = try Self.points(.circle, count: 2000, noise: 0)
        let noisy = try Self.points(.circle, count: 2000, noise: 0.1)
        #expect(noisy.y == clean.y && noisy.x != clean.x)
        let shifts = zip(noisy.x, clean.x).flatMap { zip($0, $1).map { $0 - $1 } }
        let (mean, sd) = Self.meanAndDeviation(shifts)
        #expect(abs(mean) < 0.01 && abs(sd - 0.1) < 0.005, "mean \(mean), sd \(sd)")
    }

    // MARK: Truth tables

    @Test func truthTablesAreTheirFourRows() throws {
        let rows: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
        for (shape, targets) in [(DataGenerator.Shape.xor, [0.0, 1, 1, 0]), (.and, [0, 0, 0, 1]), (.or, [0, 1, 1, 1])] {
            let (x, y) = try DataGenerator(shape).examples(seed: 99)
            #expect(x == rows && y == targets.map { [$0] }, "\(shape)")
            let lesson = try Lesson.parse(Self.lesson(" {generator: \(shape.rawValue)}"), file: "t.yaml")
            #expect(lesson.data.examples.inputs == rows.flatMap { $0 } && lesson.data.examples.targets == targets)
            #expect(lesson.dataDescription.generator == shape.rawValue && lesson.dataDescription.inputColumns == ["x1", "x2"])
        }
    }

    // MARK: Shapes

    @Test func blobsAreTwoGaussianCloudsAroundMinusOneAndOne() throws {
        let (x, y) = try Self.points(.blobs, count: 1001)
        #expect(y.filter { $0 == 0 }.count == 501 && y.filter { $0 == 1 }.count == 500)
        #expect(y.enumerated().allSatisfy { $1 == Double($0 % 2) })
        for label in [0.0, 1.0] {
            let centre = 2 * label - 1
            for k in 0..<2 {
                let values = zip(x, y).filter { $0.1 == label }.map { $0.0[k] }
                let (mean, sd) = Self.meanAndDeviation(values)
                // The default σ is 0.5: the mean of 500 points lies within 0.07 (3 standard errors).
                #expect(abs(mean - centre) < 0.07 && abs(sd - 0.5) < 0.05, "class \(label), x\(k + 1): mean \(mean), sd \(sd)")
            }
        }
        // Without noise every point is its centre.
        let still = try Self.points(.blobs, count: 10, noise: 0)
        #expect(still.x == (0..<10).map { $0 % 2 == 0 ? [-1, -1] : [1, 1] })
    }

    @Test func moonsAreTwoInterleavedHalfCircles() throws {
        let (x, y) = try Self.points(.moons, count: 1000, noise: 0)
        #expect(y.filter { $0 == 0 }.count == 500 && y.filter { $0 == 1 }.count == 500)
        var angles: [[Double]] = [[], []]
        for (p, label) in zip(x, y) {
            if label == 0 {
                // The upper half of the unit circle around (0, 0).
                #expect(abs(p[0] * p[0] + p[1] * p[1] - 1) < 1e-15 && p[1] >= 0 && abs(p[0]) <= 1)
                angles[0].append(atan2(p[1], p[0]))
            } else {
                // The lower half of the unit circle around (1, ½).
                let (dx, dy) = (p[0] - 1, p[1] - 0.5)
                #expect(abs(dx * dx + dy * dy - 1) < 1e-15 && p[1] <= 0.5 && p[0] >= 0 && p[0] <= 2)
                angles[1].append(atan2(-dy, -dx))
            }
        }
        // Each arm is drawn along the whole half circle, θ from 0 to π.
        for arm in angles {
            #expect(arm.min()! < 0.02 && arm.max()! > Double.pi - 0.02 && arm.allSatisfy { $0 >= 0 && $0 <= Double.pi })
        }
        // With noise 0.1, the distance from each point's circle has sd ≈ 0.1.
        let noisy = try Self.points(.moons, count: 1000, noise: 0.1)
        let offsets = zip(noisy.x, noisy.y).map { p, label in
            label == 0 ? (p[0] * p[0] + p[1] * p[1]).squareRoot() - 1 : ((p[0] - 1) * (p[0] - 1) + (p[1] - 0.5) * (p[1] - 0.5)).squareRoot() - 1
        }
        let (mean, sd) = Self.meanAndDeviation(offsets)
        #expect(abs(mean) < 0.02 && abs(sd - 0.1) < 0.01, "mean \(mean), sd \(sd)")
    }

    @Test func spiralsAreTwoArmsOfOneAndAHalfTurns() throws {
        let (x, y) = try Self.points(.spirals, count: 1000, noise: 0)
        #expect(y.filter { $0 == 0 }.count == 500 && y.filter { $0 == 1 }.count == 500)
        var radii: [[Double]] = [[], []]
        for (p, label) in zip(x, y) {
            // r = t and φ = 3πt + πy: the point is r (cos(3πr + πy), sin(3πr + πy)).
            let r = (p[0] * p[0] + p[1] * p[1]).squareRoot()
            let phi = 3 * Double.pi * r + Double.pi * label
            #expect(r < 1 && abs(p[0] - r * cos(phi)) < 1e-12 && abs(p[1] - r * sin(phi)) < 1e-12, "\(p), class \(label)")
            radii[Int(label)].append(r)
        }
        // Each arm runs from the centre out to radius 1.
        for arm in radii { #expect(arm.min()! < 0.01 && arm.max()! > 0.99) }
        // Arm 1 is arm 0 turned by π: −x of an arm-1 point lies on arm 0.
        for (p, label) in zip(x, y) where label == 1 {
            let r = (p[0] * p[0] + p[1] * p[1]).squareRoot()
            let phi = 3 * Double.pi * r
            #expect(abs(-p[0] - r * cos(phi)) < 1e-12 && abs(-p[1] - r * sin(phi)) < 1e-12)
        }
    }

    @Test func sineIsOneInputAndANoisyTarget() throws {
        let clean = try Self.points(.sine, count: 1000, noise: 0)
        #expect(clean.x.allSatisfy { $0.count == 1 && $0[0] >= -Double.pi && $0[0] < Double.pi })
        #expect(clean.x.map { $0[0] }.min()! < -3.1 && clean.x.map { $0[0] }.max()! > 3.1)
        for (p, target) in zip(clean.x, clean.y) {
            #expect(target == PortableMath.sin(p[0]) && abs(target - sin(p[0])) <= 2.3e-16)
        }
        // The noise is on the target alone, N(0, σ²) with the default σ = 0.1.
        let noisy = try Self.points(.sine, count: 1000)
        #expect(noisy.x == clean.x)
        let (mean, sd) = Self.meanAndDeviation(zip(noisy.y, clean.y).map { $0 - $1 })
        #expect(abs(mean) < 0.01 && abs(sd - 0.1) < 0.01, "mean \(mean), sd \(sd)")
        // A lesson with one input and a linear output reads it.
        let lesson = try Lesson.parse(Self.lesson("{generator: {name: sine, count: 50}}", layers: "[1, 4, 1]", output: "output: linear, cost: mse"), file: "s.yaml")
        #expect(lesson.data.examples.inputWidth == 1 && lesson.data.examples.count == 50 && lesson.dataDescription.inputColumns == ["x1"])
    }

    // MARK: Seeds, counts and noise

    /// The fingerprint of each shape's 100 points with its default noise and seed 1: pinned,
    /// so that the same lesson draws the same bits on every machine, now and later.
    @Test(arguments: [
        (DataGenerator.Shape.blobs, UInt64(0x6d49_05c2_6341_82bb)), (.moons, 0x3426_b68d_812a_4d9e),
        (.spirals, 0xb384_5b3c_a6bc_7212), (.sine, 0x3dbc_2eed_688c_d0a3),
    ])
    func eachShapeHasAFixedFingerprint(_ shape: DataGenerator.Shape, _ expected: UInt64) throws {
        let (x, y) = try DataGenerator(shape, count: 100).examples(seed: 1)
        let d = try Dataset(inputs: x, targets: y)
        #expect(Self.fingerprint(d) == expected)
    }

    @Test(arguments: DataGenerator.Shape.allCases.filter { !$0.isTruthTable })
    func theSameSeedGivesTheSameBitsAndAnotherSeedOtherBits(_ shape: DataGenerator.Shape) throws {
        let a = try DataGenerator(shape, count: 300).examples(seed: 5)
        let b = try DataGenerator(shape, count: 300).examples(seed: 5)
        let c = try DataGenerator(shape, count: 300).examples(seed: 6)
        #expect(a.inputs.flatMap { $0.map(\.bitPattern) } == b.inputs.flatMap { $0.map(\.bitPattern) } && a.targets == b.targets)
        #expect(a.inputs != c.inputs)
        // The first 100 of 300 points are the 100 points of count 100.
        let first = try DataGenerator(shape, count: 100).examples(seed: 5)
        #expect(Array(a.inputs.prefix(100)) == first.inputs && Array(a.targets.prefix(100)) == first.targets)
        // Twice the noise moves the same points twice as far.
        let clean = try DataGenerator(shape, count: 100, noise: 0).examples(seed: 5)
        let once = try DataGenerator(shape, count: 100, noise: 0.1).examples(seed: 5)
        let twice = try DataGenerator(shape, count: 100, noise: 0.2).examples(seed: 5)
        let moved = { (p: (inputs: [[Double]], targets: [[Double]])) in
            zip(p.inputs, clean.inputs).flatMap { zip($0, $1).map { $0 - $1 } } + zip(p.targets, clean.targets).flatMap { zip($0, $1).map { $0 - $1 } }
        }
        for (d1, d2) in zip(moved(once), moved(twice)) { #expect(abs(d2 - 2 * d1) < 1e-12) }
        #expect(moved(once).contains { $0 != 0 })
        // A lesson draws with its train.seed.
        let lesson = try Lesson.parse(shape == .sine
            ? Self.lesson("{generator: {name: sine, count: 300}}", seed: 5, layers: "[1, 1]", output: "output: linear, cost: mse")
            : Self.lesson("{generator: {name: \(shape.rawValue), count: 300}}", seed: 5), file: "g.yaml")
        #expect(lesson.data.examples.inputs == a.inputs.flatMap { $0 } && lesson.data.examples.targets == a.targets.flatMap { $0 })
    }

    // MARK: Bad values

    /// (data, line, column, a phrase of the message, a phrase of the hint): each located at
    /// the value it is about (the data line is line 4).
    static let badGenerators: [(String, Int, Int, String, String)] = [
        ("{generator: {name: moons, count: 0}}", 4, 40, "count must be at least 1, not 0", "number of points"),
        ("{generator: {name: moons, count: 1000001}}", 4, 40, "count of 1000001 is above the limit of 1000000", "at most 1000000"),
        ("{generator: {name: moons, noise: -0.1}}", 4, 40, "noise must be 0 or more, not -0.1", "standard deviation"),
        ("{generator: {name: moon, count: 20}}", 4, 26, "unknown generator `moon`", "did you mean `moons`?"),
        ("{generator: spiral}", 4, 19, "unknown generator `spiral`", "did you mean `spirals`?"),
        ("{generator: {name: moons, nosie: 0.1}}", 4, 33, "unknown key `nosie`", "did you mean `noise`?"),
        ("{generator: {name: xor, count: 20}}", 4, 38, "`xor` is its truth table's four rows: it takes no count", "leave the count out"),
        ("{generator: {name: or, noise: 0.1}}", 4, 37, "`or` is its truth table's four rows: it takes no noise", "noisy points"),
        ("{generator: {name: moons, count: many}}", 4, 40, "`count` must be a whole number", "without quotes"),
        ("{generator: {name: moons, noise: .inf}}", 4, 40, "`noise` must be a finite number", "NaN"),
        ("{generator: {count: 20}}", 4, 19, "`generator` needs `name`", "moons"),
        ("{generator: moons, labels: l.idx}", 4, 26, "`labels` cannot be used with a generator", "its own inputs"),
    ]

    @Test(arguments: 0..<badGenerators.count)
    func badGeneratorsAreLocated(_ k: Int) throws {
        let (data, line, column, message, hint) = Self.badGenerators[k]
        try expectLocatedError(Self.lesson(data), line: line, column: column, message: message, hint: hint)
    }

    @Test func theCountLimitIsCheckedBeforeAnythingIsDrawn() throws {
        #expect(throws: DataGenerator.Problem.countAboveLimit(Int.max)) { try DataGenerator(.moons, count: Int.max) }
        #expect(throws: DataGenerator.Problem.countBelowOne(-5)) { try DataGenerator(.spirals, count: -5) }
        #expect(throws: DataGenerator.Problem.noiseNotAllowed(-1)) { try DataGenerator(.sine, noise: -1) }
        #expect(try DataGenerator(.moons, count: DataGenerator.countLimit).count == 1_000_000)
        #expect(try DataGenerator(.moons).count == 100 && DataGenerator(.moons).noise == 0.1 && DataGenerator(.spirals).noise == 0.05)
        #expect(try DataGenerator(.blobs).noise == 0.5 && DataGenerator(.circle).noise == 0 && DataGenerator(.xor).count == 4)
    }
}
