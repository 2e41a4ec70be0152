/// Everything one update (one minibatch) computed, in flat storage.
///
/// For each example m (from 1) of the minibatch, its input and target and, for every node
/// of every layer, z, a and δ (layout of ``Network``: a of layer 0 is x), the dropout mask,
/// ∂C/∂a and f′(z) of the output layer, and the example's cost; for the minibatch, the
/// parameters before and after, the averaged gradients, and the mean cost. The
/// per-example gradient terms a_{l−1,i}(m) δ_{l,j}(m), Δw, Δb and the regularisation terms
/// are derived on demand. The optimiser's state before and after is part of ``before``
/// and ``after``.
///
/// If training stopped in this update at a non-finite value, ``failure`` says where, and
/// the values after that point are 0.
public struct UpdateTrace: Sendable, Hashable {
    /// The network.
    public let network: Network
    /// Epoch e, from 1.
    public let epoch: Int
    /// Update u within the epoch, from 1.
    public let update: Int
    /// The update's index within the whole run, from 0.
    public let globalUpdate: Int
    /// The dataset index of each example of the minibatch, in order (from 0).
    public let exampleIndices: [Int]
    /// z of every node of every example: `z[(m − 1)·nodeCount + nodeIndex(l, j)]`.
    public let z: [Double]
    /// a of every node of every example (a of layer 0 is x).
    public let a: [Double]
    /// δ of every node of every example (0 for layer 0).
    public let delta: [Double]
    /// The dropout mask r of every node of every example: 1 kept, 0 dropped (always 1
    /// outside the hidden layers); empty when dropout is off.
    public let mask: [Double]
    /// The targets y(m), n_L each.
    public let targets: [Double]
    /// ∂C/∂a_{L,j} of every example, n_L each.
    public let costGradient: [Double]
    /// The diagonal of ∂a_{L,j}/∂z_{L,j} of every example, n_L each: f′(z) for an
    /// elementwise activation, a_j(1 − a_j) for softmax (whose full Jacobian is
    /// a_k(1[j = k] − a_j)).
    public let outputDerivative: [Double]
    /// C(m) of every example, with the parameters before the update.
    public let costs: [Double]
    /// The parameters and optimiser state before the update.
    public let before: TrainingState
    /// ∂C_0/∂w averaged over the minibatch: Σ_m a_{l−1,i}(m) δ_{l,j}(m) / M (without the
    /// regularisation term).
    public let weightGradient: [Double]
    /// ∂C_0/∂b averaged over the minibatch: Σ_m δ_{l,j}(m) / M.
    public let biasGradient: [Double]
    /// The parameters and optimiser state after the update.
    public let after: TrainingState
    /// η, the learning rate this update used.
    public let eta: Double
    /// The update rule.
    public let optimizer: Optimizer
    /// The regularisation.
    public let regularization: Regularization
    /// n, the size of the training set (the regulariser's n).
    public let trainingSetSize: Int
    /// p, the dropout probability.
    public let dropout: Double
    /// Where training stopped at a NaN or ∞ in this update, if it did.
    public let failure: NonFiniteEvent?

    /// M, the number of examples in this minibatch.
    public var M: Int { exampleIndices.count }

    /// The minibatch cost: the mean of C(m) over its examples, with the parameters before
    /// the update and without the regularisation term.
    public var cost: Double { costs.reduce(0, +) / Double(M) }

    @inline(__always) private func node(_ m: Int, _ l: Int, _ j: Int) -> Int {
        (m - 1) * network.nodeCount + network.nodeIndex(l, j)
    }

    /// z_{l,j}(m).
    public func z(_ m: Int, _ l: Int, _ j: Int) -> Double { z[node(m, l, j)] }
    /// a_{l,j}(m); a_{0,i}(m) is the input x_i.
    public func a(_ m: Int, _ l: Int, _ j: Int) -> Double { a[node(m, l, j)] }
    /// δ_{l,j}(m).
    public func delta(_ m: Int, _ l: Int, _ j: Int) -> Double { delta[node(m, l, j)] }
    /// x_i(m) = a_{0,i}(m).
    public func x(_ m: Int, _ i: Int) -> Double { a(m, 0, i) }
    /// y_j(m).
    public func y(_ m: Int, _ j: Int) -> Double { targets[(m - 1) * network.n(network.L) + j] }
    /// ∂C/∂a_{L,j}(m).
    public func costGradient(_ m: Int, _ j: Int) -> Double { costGradient[(m - 1) * network.n(network.L) + j] }
    /// f′(z_{L,j}(m)) (for softmax the Jacobian's diagonal a_j(1 − a_j)).
    public func outputDerivative(_ m: Int, _ j: Int) -> Double { outputDerivative[(m - 1) * network.n(network.L) + j] }
    /// Whether node j of layer l was dropped out for example m.
    public func isDropped(_ m: Int, _ l: Int, _ j: Int) -> Bool { !mask.isEmpty && mask[node(m, l, j)] == 0 }
    /// The dropout factor r_{l,j}(m)/(1 − p) by which a kept node's activation is scaled
    /// (0 if dropped, 1 outside the hidden layers or without dropout).
    public func dropoutFactor(_ m: Int, _ l: Int, _ j: Int) -> Double {
        guard !mask.isEmpty, l > 0, l < network.L else { return 1 }
        return mask[node(m, l, j)] / (1 - dropout)
    }

    /// The gradient term of example m: ∂C(m)/∂w_{l,i,j} = a_{l−1,i}(m) δ_{l,j}(m).
    public func gradientTerm(_ m: Int, _ l: Int, _ i: Int, _ j: Int) -> Double {
        a(m, l - 1, i) * delta(m, l, j)
    }

    /// ∂C_0/∂w_{l,i,j} averaged over the minibatch.
    public func weightGradient(_ l: Int, _ i: Int, _ j: Int) -> Double { weightGradient[network.weightIndex(l, i, j)] }
    /// ∂C_0/∂b_{l,j} averaged over the minibatch.
    public func biasGradient(_ l: Int, _ j: Int) -> Double { biasGradient[network.biasIndex(l, j)] }
    /// w_{l,i,j} before the update.
    public func weightBefore(_ l: Int, _ i: Int, _ j: Int) -> Double { before.parameters.weights[network.weightIndex(l, i, j)] }
    /// w_{l,i,j} after the update.
    public func weightAfter(_ l: Int, _ i: Int, _ j: Int) -> Double { after.parameters.weights[network.weightIndex(l, i, j)] }
    /// b_{l,j} before the update.
    public func biasBefore(_ l: Int, _ j: Int) -> Double { before.parameters.biases[network.biasIndex(l, j)] }
    /// b_{l,j} after the update.
    public func biasAfter(_ l: Int, _ j: Int) -> Double { after.parameters.biases[network.biasIndex(l, j)] }
    /// Δw_{l,i,j}: after − before.
    public func weightChange(_ l: Int, _ i: Int, _ j: Int) -> Double { weightAfter(l, i, j) - weightBefore(l, i, j) }
    /// Δb_{l,j}: after − before.
    public func biasChange(_ l: Int, _ j: Int) -> Double { biasAfter(l, j) - biasBefore(l, j) }
    /// The regularisation's part of Δw_{l,i,j}: −(ηλ/n) w for L2, −(ηλ/n) sgn(w) for L1, 0
    /// without; Δw = this − η ∂C_0/∂w up to rounding.
    public func regularizationTerm(_ l: Int, _ i: Int, _ j: Int) -> Double {
        -eta * regularization.penaltyGradient(weightBefore(l, i, j), trainingSetSize: trainingSetSize)
    }
}
