/// How a network's first weights and biases are chosen.
///
/// Weights are drawn from a Gaussian with mean 0 whose standard deviation depends on the
/// scheme and on n_in = n_{l−1}, the number of arcs into the node. Biases are drawn from
/// N(0, 1) unless given. Draws come from ``DeltaRandom`` keyed by the seed, in this order:
/// for l = 1 … L, every w_{l,i,j} row by row (i outer, j inner), then b_{l,0} … b_{l,n_l−1}.
public enum Initialization: Sendable, Hashable {
    /// sd = 1/√n_in: what the lecture's slide means. A node's z then has variance about 1
    /// whatever the number of inputs, so few nodes start saturated.
    case gaussian
    /// sd = 1, the naive choice: wide layers start with large |z| and saturated nodes.
    case unitGaussian
    /// sd = √n_in, as the slide literally prints it: almost every node starts saturated.
    case slideSqrtN
    /// Given weights (`weights[l − 1][i][j]` = w_{l,i,j}) and, optionally, biases
    /// (`biases[l − 1][j]` = b_{l,j}; drawn from N(0, 1) when nil).
    case explicit(weights: [[[Double]]], biases: [[Double]]?)

    /// The standard deviation of the weights into a node with `fanIn` incoming arcs.
    public func weightStandardDeviation(fanIn: Int) -> Double? {
        let n = Double(fanIn)
        switch self {
        case .gaussian: return 1 / n.squareRoot()
        case .unitGaussian: return 1
        case .slideSqrtN: return n.squareRoot()
        case .explicit: return nil
        }
    }

    /// The parameters this scheme gives a network, for a seed.
    ///
    /// - Throws: ``InitializationError`` when explicit values do not fit the network or are
    ///   not finite.
    public func parameters(for network: Network, seed: UInt64) throws(InitializationError) -> Parameters {
        var random = DeltaRandom(seed: seed, stream: RandomStream.initialization.rawValue)
        var weights = [Double](repeating: 0, count: network.weightCount)
        var biases = [Double](repeating: 0, count: network.biasCount)
        let given: (weights: [[[Double]]], biases: [[Double]]?)?
        if case .explicit(let w, let b) = self {
            try Parameters.checkShape(network: network, weights: w, biases: b)
            given = (w, b)
        } else {
            given = nil
        }
        for l in 1...network.L {
            for i in 0..<network.n(l - 1) {
                for j in 0..<network.n(l) {
                    let index = network.weightIndex(l, i, j)
                    if let given {
                        weights[index] = given.weights[l - 1][i][j]
                    } else {
                        weights[index] = random.nextGaussian() * weightStandardDeviation(fanIn: network.n(l - 1))!
                    }
                }
            }
            for j in 0..<network.n(l) {
                biases[network.biasIndex(l, j)] = given?.biases?[l - 1][j] ?? random.nextGaussian()
            }
        }
        let parameters = Parameters(weights: weights, biases: biases)
        guard parameters.isFinite else { throw .notFinite }
        return parameters
    }
}

/// Why initial parameters could not be made.
public enum InitializationError: Error, Hashable, Sendable {
    /// Given weights or biases do not fit the network's layer sizes.
    case shapeMismatch(String)
    /// A given weight or bias is NaN or infinite.
    case notFinite
}
