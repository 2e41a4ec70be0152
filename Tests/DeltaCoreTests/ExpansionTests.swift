import Foundation
import Testing
@testable import DeltaCore

/// The transforms of `data.expand` on known images, and how an expansion lays out, marks and
/// draws its copies.
@Suite struct ExpansionTests {
    /// The 3×3 image  1 2 3 / 4 5 6 / 7 8 9.
    static let nine: [Double] = (1...9).map(Double.init)
    static let square = ImageShape(rows: 3, columns: 3)
    /// A 2×4 image  1 2 3 4 / 5 6 7 8, to tell rows from columns.
    static let wide = ImageShape(rows: 2, columns: 4)
    static let eight: [Double] = (1...8).map(Double.init)

    @Test func aShiftMovesEveryPixelOneStepAndBringsInZeros() {
        let s = ExpansionTests.square, x = ExpansionTests.nine
        #expect(s.shifted(x, .up) == [4, 5, 6, 7, 8, 9, 0, 0, 0])
        #expect(s.shifted(x, .down) == [0, 0, 0, 1, 2, 3, 4, 5, 6])
        #expect(s.shifted(x, .left) == [2, 3, 0, 5, 6, 0, 8, 9, 0])
        #expect(s.shifted(x, .right) == [0, 1, 2, 0, 4, 5, 0, 7, 8])
        let w = ExpansionTests.wide, y = ExpansionTests.eight
        #expect(w.shifted(y, .right) == [0, 1, 2, 3, 0, 5, 6, 7])
        #expect(w.shifted(y, .left) == [2, 3, 4, 0, 6, 7, 8, 0])
        #expect(w.shifted(y, .down) == [0, 0, 0, 0, 1, 2, 3, 4])
        #expect(w.shifted(y, .up) == [5, 6, 7, 8, 0, 0, 0, 0])
    }

    @Test func aQuarterTurnMovesPixelsExactlyAnticlockwise() {
        let s = ExpansionTests.square, x = ExpansionTests.nine
        #expect(s.rotated(x, degrees: 90) == [3, 6, 9, 2, 5, 8, 1, 4, 7])
        #expect(s.rotated(x, degrees: -90) == [7, 4, 1, 8, 5, 2, 9, 6, 3])
        #expect(s.rotated(x, degrees: 180) == [9, 8, 7, 6, 5, 4, 3, 2, 1])
        // A 2×4 image turned a half turn about its centre (0.5, 1.5).
        #expect(ExpansionTests.wide.rotated(ExpansionTests.eight, degrees: 180) == [8, 7, 6, 5, 4, 3, 2, 1])
    }

    /// The documented 10° turns of the 3×3 image (lessons/README.md), computed independently
    /// with the same formula and the system's cos and sin.
    @Test func tenDegreesGivesTheDocumentedBilinearPixels() {
        let s = ExpansionTests.square, x = ExpansionTests.nine
        let anticlockwise = [1.0004616087370761, 2.219224918630306, 3.001384826211229, 3.494247713987001, 5.0,
                             6.505752286012999, 5.414055866997386, 7.780775081369694, 7.414979084471541]
        let clockwise = [1.318296687569505, 1.8719285632964457, 2.36571466854637, 4.536136779988583, 5.0,
                         5.463863220011417, 6.049726024662247, 8.128071436703555, 7.097144005639112]
        for (got, want) in zip(s.rotated(x, degrees: 10), anticlockwise) { #expect(abs(got - want) < 1e-12, "\(got) vs \(want)") }
        for (got, want) in zip(s.rotated(x, degrees: -10), clockwise) { #expect(abs(got - want) < 1e-12, "\(got) vs \(want)") }
        // The centre pixel stays exactly; to 4 decimals, as README writes them.
        #expect(s.rotated(x, degrees: 10)[4] == 5)
        #expect(s.rotated(x, degrees: 10).map { ($0 * 10_000).rounded() / 10_000 } == [1.0005, 2.2192, 3.0014, 3.4942, 5, 6.5058, 5.4141, 7.7808, 7.415])
    }

    @Test func cosineAndSineAgreeWithTheSystemAndAreExactAtQuarterTurns() {
        for degrees in stride(from: -180.0, through: 180, by: 2.5) {
            let (c, s) = ImageShape.cosineAndSine(degrees: degrees)
            // (The system's value is off by up to an ulp of the radians, near 3 × 10⁻¹⁶ at 175°.)
            let radians = degrees * Double.pi / 180
            #expect(abs(c - cos(radians)) < 1e-15 && abs(s - sin(radians)) < 1e-15, "\(degrees)°: \(c), \(s)")
        }
        #expect(ImageShape.cosineAndSine(degrees: 0) == (1, 0))
        let quarter = ImageShape.cosineAndSine(degrees: 90), half = ImageShape.cosineAndSine(degrees: 180)
        #expect(quarter.cos == 0 && quarter.sin == 1 && half.cos == -1 && half.sin == 0)
        #expect(ImageShape.cosineAndSine(degrees: -90) == (0, -1))
        #expect(abs(ImageShape.cosineAndSine(degrees: 30).sin - 0.5) < 2e-16 && abs(ImageShape.cosineAndSine(degrees: 60).cos - 0.5) < 2e-16)
    }

    /// Two 3×3 images with targets [1, 0] and [0, 1], data rows 4 and 9.
    static func twoImages() throws -> Dataset {
        try Dataset(inputs: [nine, nine.map { $0 * 10 }], targets: [[1, 0], [0, 1]])
    }

    @Test func everyImageIsFollowedByItsCopiesInTheListsOrderWithItsTarget() throws {
        let data = try ExpansionTests.twoImages()
        let expand = Expansion.image(shifts: true, rotations: [-10, 10], copies: nil)
        #expect(expand.copiesPerExample == 6 && expand.trainingSetSize(rows: 2) == 14)
        let expanded = try expand.apply(to: data, rows: [4, 9], image: ExpansionTests.square, seed: 1)
        #expect(expanded.count == 14)
        let origins = try #require(expanded.origins)
        #expect(origins.map(\.row) == Array(repeating: 4, count: 7) + Array(repeating: 9, count: 7))
        #expect(origins.map(\.copy) == [0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6])
        #expect(origins[0...6].map(\.transform) == [nil, .shift(.up), .shift(.down), .shift(.left), .shift(.right),
                                                   .rotation(degrees: -10), .rotation(degrees: 10)])
        #expect(Array(expanded.x(0)) == ExpansionTests.nine)
        #expect(Array(expanded.x(4)) == [0, 1, 2, 0, 4, 5, 0, 7, 8])
        #expect(Array(expanded.x(11)) == [0, 10, 20, 0, 40, 50, 0, 70, 80])
        #expect(Array(expanded.x(6)) == ExpansionTests.square.rotated(ExpansionTests.nine, degrees: 10))
        for m in 0..<7 { #expect(Array(expanded.y(m)) == [1, 0] && Array(expanded.y(7 + m)) == [0, 1]) }
    }

    @Test func copiesChoosesThatManyTransformsPerImageByItsRowAndSeed() throws {
        let data = try ExpansionTests.twoImages()
        let expand = Expansion.image(shifts: true, rotations: [-10, 10], copies: 2)
        #expect(expand.trainingSetSize(rows: 2) == 6)
        let expanded = try expand.apply(to: data, rows: [4, 9], image: ExpansionTests.square, seed: 1)
        let origins = try #require(expanded.origins)
        #expect(expanded.count == 6 && origins.map(\.copy) == [0, 1, 2, 0, 1, 2])
        // Two different transforms of the list, in its order, each making its copy.
        let list = expand.transforms
        for first in [0, 3] {
            let chosen = origins[first + 1...first + 2].map { try! #require($0.transform) }
            #expect(Set(chosen).count == 2)
            #expect(list.firstIndex(of: chosen[0])! < list.firstIndex(of: chosen[1])!)
        }
        // The choice is the row's: the same alone, in another order, or with another row.
        let alone = try expand.apply(to: data.subset([1]), rows: [9], image: ExpansionTests.square, seed: 1)
        #expect(alone.origins! == Array(origins[3...5]) && alone.inputs == Array(expanded.inputs[27...]))
        #expect(try expand.apply(to: data, rows: [4, 9], image: ExpansionTests.square, seed: 1) == expanded)
        // Over many rows every transform is chosen, about equally often.
        let many = try Dataset(inputs: Array(repeating: ExpansionTests.nine, count: 600), targets: Array(repeating: [1, 0], count: 600))
        let counts = Dictionary(grouping: try expand.apply(to: many, rows: Array(0..<600), image: ExpansionTests.square, seed: 3)
            .origins!.compactMap(\.transform), by: { $0 }).mapValues(\.count)
        #expect(counts.count == 6 && counts.values.allSatisfy { (150...250).contains($0) }, "\(counts)")
    }

    @Test func noiseIsKeyedByTheSeedAndTheRowAndHasTheStandardDeviationAsked() throws {
        let zeros = try Dataset(inputs: [Array(repeating: 0.0, count: 1000), Array(repeating: 1.0, count: 1000)],
                                targets: [[1], [0]])
        let expand = Expansion.noise(standardDeviation: 0.05, copies: 3)
        let a = try expand.apply(to: zeros, rows: [0, 1], image: nil, seed: 7)
        #expect(a.count == 8 && a.origins!.map(\.copy) == [0, 1, 2, 3, 0, 1, 2, 3])
        #expect(a.origins![1].transform == .noise(standardDeviation: 0.05))
        // Bit-identical every time; another seed gives other noise; a row's copies are its own.
        let b = try expand.apply(to: zeros, rows: [0, 1], image: nil, seed: 7)
        #expect(a.inputs.map(\.bitPattern) == b.inputs.map(\.bitPattern))
        #expect(try expand.apply(to: zeros, rows: [0, 1], image: nil, seed: 8).inputs != a.inputs)
        let second = try expand.apply(to: zeros.subset([1]), rows: [1], image: nil, seed: 7)
        #expect(second.inputs == Array(a.inputs[4000...]))
        // The originals are untouched; each copy's noise has mean ≈ 0 and sd ≈ 0.05.
        #expect(Array(a.x(0)) == Array(repeating: 0, count: 1000) && Array(a.x(4)) == Array(repeating: 1, count: 1000))
        for m in [1, 2, 3, 5, 6, 7] {
            let base = m < 4 ? 0.0 : 1.0
            let noise = a.x(m).map { $0 - base }
            let mean = noise.reduce(0, +) / 1000
            let sd = (noise.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 1000).squareRoot()
            #expect(abs(mean) < 0.006 && abs(sd - 0.05) < 0.005, "copy \(m): mean \(mean), sd \(sd)")
        }
        // The three copies differ from one another.
        #expect(Set([Array(a.x(1)), Array(a.x(2)), Array(a.x(3))]).count == 3)
    }

    @Test func originsLeaveDatasetsWithoutThemAsTheyWere() throws {
        let data = try ExpansionTests.twoImages()
        #expect(data.origins == nil && data.subset([1, 0]).origins == nil)
        let marked = data.marked(with: [ExampleOrigin(row: 4), ExampleOrigin(row: 9)])
        #expect(marked != data && marked.inputs == data.inputs)
        #expect(marked.subset([1]).origins == [ExampleOrigin(row: 9)])
        #expect(try Dataset(inputs: [ExpansionTests.nine, ExpansionTests.nine.map { $0 * 10 }], targets: [[1, 0], [0, 1]]) == data)
        #expect(Expansion.none.trainingSetSize(rows: 5) == 5 && !Expansion.noise(standardDeviation: 1, copies: 1).needsImage)
        #expect(Expansion.image(shifts: false, rotations: [5], copies: nil).needsImage)
    }
}
