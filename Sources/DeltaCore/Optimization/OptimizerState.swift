/// What an optimiser carries from one update to the next: one array of moments per name
/// (a velocity v for momentum; m and v for Adam; G for Adagrad), each in the flat layouts of
/// the network's weights and biases. Plain SGD carries nothing.
public struct OptimizerState: Sendable, Hashable {
    /// One named moment of every weight and bias.
    public struct Moment: Sendable, Hashable {
        /// Its symbol, as the optimiser's equations write it.
        public var name: String
        /// Its value for every w_{l,i,j}, at `network.weightIndex(l, i, j)`.
        public var weights: [Double]
        /// Its value for every b_{l,j}, at `network.biasIndex(l, j)`.
        public var biases: [Double]

        /// A moment; see each property.
        public init(name: String, weights: [Double], biases: [Double]) {
            self.name = name
            self.weights = weights
            self.biases = biases
        }
    }

    /// The moments, in the order of ``Optimizer/momentNames``.
    public var moments: [Moment]

    /// A state; see each property.
    public init(moments: [Moment] = []) {
        self.moments = moments
    }

    /// The moment with this name, if the optimiser keeps it.
    public func moment(_ name: String) -> Moment? { moments.first { $0.name == name } }

    /// How many numbers the state holds.
    public var count: Int { moments.reduce(0) { $0 + $1.weights.count + $1.biases.count } }
}
