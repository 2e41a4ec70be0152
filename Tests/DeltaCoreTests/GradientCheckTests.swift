import Testing
@testable import DeltaCore

/// Backpropagation against finite differences, for every output activation × cost that is
/// defined × regulariser, each over every hidden activation, with and without dropout.
@Suite struct GradientCheckTests {
    struct Combination: CustomTestStringConvertible, Sendable {
        let output: Activation
        let cost: Cost
        let regularization: Regularization
        var testDescription: String { "\(output) + \(cost) + \(regularization)" }
    }

    static let combinations: [Combination] = Activation.allCases.flatMap { output in
        Cost.allCases.filter { $0.isDefined(for: output) }.flatMap { cost in
            [Regularization.none, .l2(lambda: 0.7), .l1(lambda: 0.3)].map {
                Combination(output: output, cost: cost, regularization: $0)
            }
        }
    }

    @Test func everyCombinationIsCovered() {
        // sigmoid takes all four costs; softmax mse, quadratic and log-likelihood; tanh, relu
        // and linear the two squared ones.
        #expect(Self.combinations.count == (4 + 2 + 2 + 2 + 3) * 3)
    }

    @Test(arguments: combinations)
    func backpropagationMatchesFiniteDifferences(_ c: Combination) throws {
        for (index, hidden) in [Activation.sigmoid, .tanh, .relu, .linear].enumerated() {
            let network = try Network(sizes: [3, 5, 4, 3], hidden: hidden, output: c.output, cost: c.cost)
            let data = try syntheticData(count: 4, inputs: 3, outputs: 3, cost: c.cost, output: c.output, seed: UInt64(11 + index))
            let parameters = try Initialization.gaussian.parameters(for: network, seed: UInt64(3 + index))
            for dropout in [0.0, 0.4] {
                let report = GradientCheck.run(network: network, parameters: parameters, examples: data,
                                               regularization: c.regularization, trainingSetSize: 10,
                                               dropout: dropout, seed: 5)
                #expect(report.maxRelativeError < 1e-7, "hidden \(hidden), dropout \(dropout): worst \(String(describing: report.worst))")
                // Only a few entries may be skipped for a kink in their stencil.
                #expect(report.smooth.count * 10 >= report.entries.count * 9)
                // The check is not vacuous: the gradients are of a sensible size.
                #expect(report.entries.map { abs($0.backpropagation) }.max()! > 1e-3)
            }
        }
    }

    @Test func aWrongGradientIsCaught() throws {
        // The lecture's MSE has 2/n_L times the gradient of the quadratic cost. Holding the
        // MSE network's backpropagation against finite differences of the quadratic cost must
        // show that factor: for n_L = 4 a relative error of ½ everywhere.
        let mse = try Network(sizes: [2, 3, 4], output: .sigmoid, cost: .mse)
        let quadratic = try Network(sizes: [2, 3, 4], output: .sigmoid, cost: .quadratic)
        let data = try syntheticData(count: 3, inputs: 2, outputs: 4, cost: .mse, output: .sigmoid)
        let parameters = try Initialization.gaussian.parameters(for: mse, seed: 1)
        let backprop = GradientCheck.run(network: mse, parameters: parameters, examples: data)
        let numeric = GradientCheck.run(network: quadratic, parameters: parameters, examples: data)
        #expect(backprop.maxRelativeError < 1e-7 && numeric.maxRelativeError < 1e-7)
        var checked = 0
        for (a, b) in zip(backprop.entries, numeric.entries) where abs(b.numeric) > 1e-4 {
            let relative = abs(a.backpropagation - b.numeric) / max(abs(a.backpropagation), abs(b.numeric))
            #expect(abs(relative - 0.5) < 1e-7)
            checked += 1
        }
        #expect(checked > 10)
    }
}
