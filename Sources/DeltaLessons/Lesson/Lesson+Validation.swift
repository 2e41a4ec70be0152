import DeltaCore
import DeltaText

extension Lesson {
    /// The most memory one update's trace and the engine's buffers may take.
    static let traceMemoryLimit = 1 << 30

    /// Checks what no single key can: pairings, explicit shapes, and the size of a trace.
    static func validate(_ s: Settings, at location: SourceLocation) throws {
        let network = try s.network()
        if s.output == .softmax && s.cost != .logLikelihood {
            throw LessonError(s.location(.cost, or: location), "softmax outputs do not pair with the \(s.cost) cost",
                              hint: "use `cost: log-likelihood` with softmax (the lecture's pairing), or a sigmoid output for \(s.cost)")
        }
        if s.cost == .logLikelihood && s.output != .softmax {
            throw LessonError(s.location(.cost, or: location), "the log-likelihood cost −ln a_k needs softmax outputs that sum to 1",
                              hint: "use `output: softmax`, or `cost: cross-entropy` with sigmoid outputs")
        }
        if case .explicit(let weights, let biases) = s.initialization {
            do { _ = try Parameters(network: network, weights: weights, biases: biases ?? (1...network.L).map { Array(repeating: 0, count: network.n($0)) }) } catch {
                guard case .shapeMismatch(let what) = error else { throw error }
                if what.hasPrefix("biases") {
                    throw LessonError(s.location(.biases, or: s.location(.weights, or: location)), what,
                                      hint: "biases[l-1] lists b_{l,j} for each node j of layer l; a change of `layers` needs its own `biases`")
                }
                throw LessonError(s.location(.weights, or: location), what,
                                  hint: "weights[l-1] is layer l's matrix: one row per node i of layer l−1, one entry per node j of layer l")
            }
        }
        let nodes = Double(network.nodeCount), batch = Double(s.training.batchSize)  // an upper bound: M ≤ batch
        let bytes = 8 * (batch * nodes * 5 + Double(network.parameterCount) * 6)
        if bytes > Double(traceMemoryLimit) {
            throw LessonError(s.location(.layers, or: location),
                              "this network is too large to trace: one update's record would take \(Int(bytes / 1_048_576)) MiB",
                              hint: "use fewer or smaller layers, or a smaller `batch`, so that it stays under \(traceMemoryLimit >> 20) MiB")
        }
    }
}
