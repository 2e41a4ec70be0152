import Foundation
import Testing
@testable import DeltaCore

/// "Near zero" is |w| ≤ ε (0.01 unless said otherwise), one predicate for every count of
/// weights near zero.
@Suite struct NearZeroWeightTests {
    @Test func theBoundaryCountsAndNaNDoesNot() {
        #expect(NearZeroWeight.defaultWithin == 0.01)
        for w in [0.0, -0.0, 0.01, -0.01, 0.0099, -0.005] { #expect(NearZeroWeight.isNearZero(w), "\(w)") }
        for w in [0.0101, -0.0101, 0.5, .infinity, -.infinity, .nan] { #expect(!NearZeroWeight.isNearZero(w), "\(w)") }
        #expect(NearZeroWeight.isNearZero(0.05, within: 0.05) && !NearZeroWeight.isNearZero(0.05, within: 0.049))
        #expect(NearZeroWeight.isNearZero(0, within: 0) && !NearZeroWeight.isNearZero(1e-300, within: 0))
    }

    /// A 2-3-2 network whose 12 weights are written out: layer 1's six and layer 2's six.
    @Test func itCountsTheWeightsOfOneLayerOrOfAll() throws {
        let network = try Network(sizes: [2, 3, 2], output: .sigmoid, cost: .quadratic)
        let parameters = try Parameters(
            network: network,
            weights: [[[0.004, -0.2, 0.01], [-0.0100001, 0.0, 0.3]],     // near zero: 0.004, 0.01, 0.0
                      [[0.5, -0.009], [0.02, -0.02], [0.001, 0.1]]],      // near zero: −0.009, 0.001
            biases: [[0.0, 0.0, 0.0], [0.0, 0.0]])                       // biases are not counted
        #expect(NearZeroWeight.count(in: parameters, of: network, layer: 1) == 3)
        #expect(NearZeroWeight.count(in: parameters, of: network, layer: 2) == 2)
        #expect(NearZeroWeight.count(in: parameters, of: network) == 5)
        #expect(NearZeroWeight.count(in: parameters, of: network, layer: 2, within: 0.02) == 4)
        #expect(NearZeroWeight.count(in: parameters, of: network, within: 0.1) == 9)
        #expect(NearZeroWeight.count(in: parameters, of: network, within: 0) == 1)
    }

    /// An input that is 0 in every example gives its weight no gradient, so only the
    /// regulariser moves it: L2 multiplies it by (1 − ηλ/n) = 0.9 at each update, and L1 takes
    /// ηλ/n = 0.01 off it until it crosses zero and then steps across zero and back.
    @Test func l1DrivesAnUnusedWeightToZeroAndL2OnlyShrinksIt() throws {
        let network = try Network(sizes: [2, 1], output: .linear, cost: .quadratic)
        let data = try Dataset(inputs: [[0, 1], [0, -1]], targets: [[1], [-1]])
        func run(_ regularization: Regularization) throws -> TrainingRun {
            try TrainingRun(network: network, training: data,
                            configuration: TrainingConfiguration(eta: 0.2, batchSize: 2, epochs: 12, regularization: regularization),
                            initialization: .explicit(weights: [[[0.055], [0.3]]], biases: [[0]]))
        }
        // ηλ/n = 0.2 × 0.1 / 2 = 0.01 and 0.2 × 1 / 2 = 0.1.
        let l1 = try run(.l1(lambda: 0.1)), l2 = try run(.l2(lambda: 1))
        l1.finish()
        l2.finish()
        let unusedL1 = (0...12).map { l1.parameters(afterEpoch: $0).weights[0] }
        let unusedL2 = (0...12).map { l2.parameters(afterEpoch: $0).weights[0] }
        // L1: 0.055, 0.045, …, 0.005, then −0.005, 0.005, −0.005, …
        for (e, w) in unusedL1.enumerated() {
            let expected = e <= 5 ? 0.055 - 0.01 * Double(e) : (e % 2 == 0 ? -0.005 : 0.005)
            #expect(abs(w - expected) < 1e-12, "epoch \(e): \(w)")
        }
        // L2: 0.055 × 0.9^e, within ±0.01 of zero only from epoch 17 on, beyond this run.
        for (e, w) in unusedL2.enumerated() {
            #expect(abs(w - 0.055 * pow(0.9, Double(e))) < 1e-14, "epoch \(e): \(w)")
        }
        let nearL1 = (0...12).map { NearZeroWeight.count(in: l1.parameters(afterEpoch: $0), of: network, layer: 1) }
        let nearL2 = (0...12).map { NearZeroWeight.count(in: l2.parameters(afterEpoch: $0), of: network, layer: 1) }
        #expect(nearL1 == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1])
        #expect(nearL2 == Array(repeating: 0, count: 13))
    }
}
