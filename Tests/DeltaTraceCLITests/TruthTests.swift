import Foundation
import Testing

/// What the command line prints is true and readable: claims about values that cannot be
/// computed fail with the reason; wide numbers never run together.
@Suite struct TruthTests {
    /// Weights and bias of 10³⁰⁸ on a linear output: z = 1.5·10³⁰⁸ + 10³⁰⁸ overflows to ∞.
    static let overflowing = """
        title: Overflowing
        summary: z overflows on the first feedforward.
        network: {layers: [1, 1], output: linear, cost: quadratic}
        init: {weights: [[[1e308]]], biases: [[1e308]]}
        data: {inputs: [[1.5]], targets: [[0.0]]}
        train: {eta: 0.1, epochs: 2}
        expect:
          - {output: [1.5], epoch: 0, is: 0}
          - {first-epoch: {output: [1.5], below: 1}, is: 0}
        """

    @Test func aClaimAboutAValueThatCannotBeComputedFails() throws {
        let outcome = try withFiles(["o.yaml": TruthTests.overflowing]) { try deltatrace(["check", $0.appendingPathComponent("o.yaml").path]) }
        #expect(outcome.status == 1, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.lines[0].hasPrefix("FAILED") && outcome.lines[0].contains("(2 of 2 claims)"))
        #expect(outcome.lines[1].contains("o.yaml:8:5:") && outcome.lines[1].contains("is none, expected = 0 ± 0.5")
                && outcome.lines[1].hasSuffix("the output cannot be computed: feedforward gives z_{1,1} = inf"))
        #expect(outcome.lines[2].contains("o.yaml:9:5:") && outcome.lines[2].hasSuffix("the output cannot be computed: feedforward gives z_{1,1} = inf"))
    }

    /// A linear neuron on targets in the hundreds: costs ~10⁵, validation ~10⁵.
    static let wide = """
        title: Wide numbers
        summary: Costs in the hundreds of thousands.
        network: {layers: [1, 1], output: linear, cost: quadratic}
        init: {weights: [[[0.0]]], biases: [[0.0]]}
        data: {inputs: [[1], [2], [3], [4], [5]], targets: [[500], [600], [700], [800], [900]], holdout: 2}
        train: {eta: 0.001, epochs: 3}
        variants:
          - {name: slower, eta: 0.0001}
        """

    @Test func wideNumbersNeverRunTogether() throws {
        let (run, compare) = try withFiles(["w.yaml": TruthTests.wide]) { dir in
            (try deltatrace(["run", dir.appendingPathComponent("w.yaml").path]),
             try deltatrace(["compare", dir.appendingPathComponent("w.yaml").path, "--format", "table"]))
        }
        #expect(run.status == 0, "\(run.stderr)")
        let header = run.lines[1].split(separator: " ")
        #expect(header == ["epoch", "cost", "val", "cost"])
        for row in run.lines.dropFirst(2) {
            let cells = row.split(separator: " ")
            #expect(cells.count == 3 && cells.allSatisfy { Double($0) != nil }, "\(row)")
            #expect(Double(cells[1])! > 1e5 && row.contains("  "))
        }
        // Row 0 by hand: w = b = 0, so the training cost is the mean of ½y² over the training rows.
        #expect(run.lines[2].hasSuffix(".00000000") && Double(run.lines[2].split(separator: " ")[1])! > 165_000)
        #expect(compare.status == 0, "\(compare.stderr)")
        let table = compare.lines.drop { !$0.hasPrefix("epoch") }.prefix(5)
        #expect(table.first?.split(separator: " ") == ["epoch", "lesson", "slower"])
        for row in table.dropFirst() {
            let cells = row.split(separator: " ")
            #expect(cells.count == 3 && cells.allSatisfy { Double($0) != nil }, "\(row)")
        }
    }
}
