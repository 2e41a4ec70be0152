import Testing
@testable import DeltaCore

/// Matt Mazur's worked example, to every printed digit.
@Suite struct WorkedExampleTests {
    @Test func mazurForwardPassAndUpdate() throws {
        let run = try mazurRun()
        let trace = run.trace(ofUpdate: 0)
        #expect(close(trace.cost, 0.298371109, 2e-9))
        #expect(close(trace.a(1, 1, 0), 0.593269992, 1e-9))
        #expect(close(trace.a(1, 2, 0), 0.75136507, 1e-8))
        #expect(close(trace.a(1, 2, 1), 0.772928465, 1e-9))
        // Updated weights, as printed (w5 … w8, then w1 … w4).
        let printed: [((Int, Int, Int), Double)] = [
            ((2, 0, 0), 0.35891648), ((2, 1, 0), 0.408666186), ((2, 0, 1), 0.511301270), ((2, 1, 1), 0.561370121),
            ((1, 0, 0), 0.149780716), ((1, 1, 0), 0.19956143), ((1, 0, 1), 0.24975114), ((1, 1, 1), 0.29950229),
        ]
        for ((l, i, j), value) in printed {
            #expect(abs(trace.weightAfter(l, i, j) - value) < 5e-9, "w_{\(l),\(i + 1),\(j + 1)}")
        }
        // And to full precision against an independent computation.
        #expect(close(trace.weightAfter(2, 0, 0), 0.35891647971788465, 1e-15))
        #expect(close(trace.weightAfter(1, 1, 1), 0.29950228726473915, 1e-15))
        #expect(close(trace.biasAfter(2, 0), 0.5307507191857215, 1e-15))
        #expect(close(trace.delta(1, 1, 1), 0.009954254705217198, 1e-14))
    }

    @Test func gradientTermsSumToTheAveragedGradient() throws {
        let network = try Network(sizes: [3, 4, 2], hidden: .tanh, output: .sigmoid, cost: .crossEntropy)
        let data = try syntheticData(count: 5, inputs: 3, outputs: 2, cost: .crossEntropy, output: .sigmoid)
        let run = try TrainingRun(network: network, training: data,
                                  configuration: TrainingConfiguration(eta: 0.3, batchSize: 5, epochs: 1),
                                  initialization: .gaussian)
        let trace = run.trace(ofUpdate: 0)
        for l in 1...2 {
            for i in 0..<network.n(l - 1) {
                for j in 0..<network.n(l) {
                    let sum = (1...5).reduce(0.0) { $0 + trace.gradientTerm($1, l, i, j) }
                    #expect(close(sum / 5, trace.weightGradient(l, i, j), 1e-14))
                    #expect(close(trace.weightChange(l, i, j), -0.3 * trace.weightGradient(l, i, j), 1e-12))
                }
            }
        }
    }
}
