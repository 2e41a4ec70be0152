/// The weights and biases of a network, in the flat layout of ``Network``.
public struct Parameters: Sendable, Hashable {
    /// Every w_{l,i,j}, at `network.weightIndex(l, i, j)`.
    public var weights: [Double]
    /// Every b_{l,j}, at `network.biasIndex(l, j)`.
    public var biases: [Double]

    /// Parameters from flat storage.
    public init(weights: [Double], biases: [Double]) {
        self.weights = weights
        self.biases = biases
    }

    /// Parameters for a network from nested arrays: `weights[l − 1][i][j]` = w_{l,i,j} and
    /// `biases[l − 1][j]` = b_{l,j}.
    ///
    /// - Throws: ``InitializationError/shapeMismatch(_:)`` naming the first array whose size
    ///   disagrees with the network.
    public init(network: Network, weights: [[[Double]]], biases: [[Double]]) throws(InitializationError) {
        try Parameters.checkShape(network: network, weights: weights, biases: biases)
        self.weights = weights.flatMap { $0.flatMap { $0 } }
        self.biases = biases.flatMap { $0 }
    }

    /// w_{l,i,j}.
    public func w(_ network: Network, _ l: Int, _ i: Int, _ j: Int) -> Double {
        weights[network.weightIndex(l, i, j)]
    }

    /// b_{l,j}.
    public func b(_ network: Network, _ l: Int, _ j: Int) -> Double {
        biases[network.biasIndex(l, j)]
    }

    /// The weights of layer l as a matrix: `result[i][j]` = w_{l,i,j}.
    public func weightMatrix(_ network: Network, layer l: Int) -> [[Double]] {
        (0..<network.n(l - 1)).map { i in
            Array(weights[network.weightIndex(l, i, 0)..<network.weightIndex(l, i, 0) + network.n(l)])
        }
    }

    /// The biases of layer l.
    public func biasVector(_ network: Network, layer l: Int) -> [Double] {
        Array(biases[network.biasOffset(l)..<network.biasOffset(l) + network.n(l)])
    }

    /// Whether every weight and bias is a finite number.
    public var isFinite: Bool {
        weights.allSatisfy(\.isFinite) && biases.allSatisfy(\.isFinite)
    }

    static func checkShape(network: Network, weights: [[[Double]]]?, biases: [[Double]]?) throws(InitializationError) {
        if let weights {
            guard weights.count == network.L else {
                throw .shapeMismatch("weights has \(weights.count) layer\(weights.count == 1 ? "" : "s"); the network has \(network.L) (one per layer after the input)")
            }
            for l in 1...network.L {
                guard weights[l - 1].count == network.n(l - 1) else {
                    throw .shapeMismatch("weights[\(l - 1)] has \(weights[l - 1].count) rows; layer \(l - 1) has \(network.n(l - 1)) nodes (one row per node i of layer l−1)")
                }
                for (i, row) in weights[l - 1].enumerated() where row.count != network.n(l) {
                    throw .shapeMismatch("weights[\(l - 1)][\(i)] has \(row.count) entries; layer \(l) has \(network.n(l)) nodes (one entry per node j of layer l)")
                }
            }
        }
        if let biases {
            guard biases.count == network.L else {
                throw .shapeMismatch("biases has \(biases.count) layer\(biases.count == 1 ? "" : "s"); the network has \(network.L) (one per layer after the input)")
            }
            for l in 1...network.L where biases[l - 1].count != network.n(l) {
                throw .shapeMismatch("biases[\(l - 1)] has \(biases[l - 1].count) entries; layer \(l) has \(network.n(l)) nodes")
            }
        }
    }
}
