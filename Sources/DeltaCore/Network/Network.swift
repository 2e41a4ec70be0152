/// The shape of a fully connected network — layer sizes, one activation per layer and the
/// cost — and the layout of its numbers in flat storage.
///
/// Layers are numbered l = 0 … L; layer 0 is the input and has n_0 nodes. The weight
/// w_{l,i,j} runs from node i of layer l−1 to node j of layer l, and b_{l,j} is the bias of
/// node j of layer l (the lecture's notation; indices i, j start at 0 in storage).
///
/// Storage is flat and contiguous:
/// - weights: layer by layer, and within layer l row-major by i, so w_{l,i,j} is at
///   `weightOffset(l) + i·n_l + j`;
/// - biases: layer by layer, b_{l,j} at `biasOffset(l) + j`;
/// - node values (z, a, δ of one example): layer by layer *including layer 0*, node j of
///   layer l at `nodeOffset(l) + j`. Layer 0 holds the input in a and 0 in z and δ.
public struct Network: Sendable, Hashable {
    /// n_0, n_1, …, n_L.
    public let sizes: [Int]
    /// The activation of layers 1 … L: `activations[l − 1]` belongs to layer l.
    public let activations: [Activation]
    /// The cost of one example.
    public let cost: Cost

    @usableFromInline let weightOffsets: [Int]
    @usableFromInline let biasOffsets: [Int]
    @usableFromInline let nodeOffsets: [Int]

    /// A network with the given layer sizes, activations for layers 1 … L, and cost.
    ///
    /// - Throws: ``NetworkError`` when the shape cannot be trained: fewer than two layers, a
    ///   layer without nodes, the wrong number of activations, softmax before the output
    ///   layer or on a single node, or a cost that is undefined for the output activation.
    public init(sizes: [Int], activations: [Activation], cost: Cost) throws(NetworkError) {
        guard sizes.count >= 2 else { throw .tooFewLayers(sizes.count) }
        if let l = sizes.firstIndex(where: { $0 < 1 }) { throw .emptyLayer(layer: l) }
        guard activations.count == sizes.count - 1 else {
            throw .activationCount(expected: sizes.count - 1, got: activations.count)
        }
        if let l = activations.dropLast().firstIndex(of: .softmax) { throw .softmaxNotOutput(layer: l + 1) }
        if activations.last == .softmax && sizes.last! < 2 { throw .softmaxSingleNode }
        guard cost.isDefined(for: activations.last!) else {
            throw .costUndefined(cost: cost, output: activations.last!)
        }
        self.sizes = sizes
        self.activations = activations
        self.cost = cost
        let L = sizes.count - 1
        var w = [0, 0], b = [0, 0], nodes = [0]
        for l in 1...L {
            w.append(w[l] + sizes[l - 1] * sizes[l])
            b.append(b[l] + sizes[l])
        }
        for l in 0...L { nodes.append(nodes[l] + sizes[l]) }
        weightOffsets = w
        biasOffsets = b
        nodeOffsets = nodes
    }

    /// A network whose hidden layers share one activation.
    public init(sizes: [Int], hidden: Activation = .sigmoid, output: Activation, cost: Cost) throws(NetworkError) {
        let count = max(sizes.count - 1, 0)
        try self.init(sizes: sizes, activations: Array(repeating: hidden, count: max(count - 1, 0)) + (count > 0 ? [output] : []), cost: cost)
    }

    /// L, the index of the output layer.
    @inlinable public var L: Int { sizes.count - 1 }
    /// n_l, the number of nodes of layer l.
    @inlinable public func n(_ l: Int) -> Int { sizes[l] }
    /// The activation of layer l (1 … L).
    @inlinable public func activation(_ l: Int) -> Activation { activations[l - 1] }
    /// The activation of the output layer.
    public var outputActivation: Activation { activations[L - 1] }

    /// The number of weights, Σ_l n_{l−1} n_l.
    @inlinable public var weightCount: Int { weightOffsets[sizes.count] }
    /// The number of biases, Σ_{l≥1} n_l.
    @inlinable public var biasCount: Int { biasOffsets[sizes.count] }
    /// The number of parameters, weights and biases.
    public var parameterCount: Int { weightCount + biasCount }
    /// The number of node slots of one example, Σ_{l≥0} n_l.
    @inlinable public var nodeCount: Int { nodeOffsets[sizes.count] }

    /// Where layer l's weights start in the flat weight storage.
    @inlinable public func weightOffset(_ l: Int) -> Int { weightOffsets[l] }
    /// Where layer l's biases start in the flat bias storage.
    @inlinable public func biasOffset(_ l: Int) -> Int { biasOffsets[l] }
    /// Where layer l's nodes start in one example's flat node storage.
    @inlinable public func nodeOffset(_ l: Int) -> Int { nodeOffsets[l] }
    /// The flat index of w_{l,i,j}.
    @inlinable public func weightIndex(_ l: Int, _ i: Int, _ j: Int) -> Int { weightOffsets[l] + i * sizes[l] + j }
    /// The flat index of b_{l,j}.
    @inlinable public func biasIndex(_ l: Int, _ j: Int) -> Int { biasOffsets[l] + j }
    /// The flat index of node j of layer l within one example's node storage.
    @inlinable public func nodeIndex(_ l: Int, _ j: Int) -> Int { nodeOffsets[l] + j }

    /// The layer and position of a flat weight index: (l, i, j).
    public func weightPosition(_ index: Int) -> (l: Int, i: Int, j: Int) {
        var l = 1
        while weightOffsets[l + 1] <= index { l += 1 }
        let k = index - weightOffsets[l]
        return (l, k / sizes[l], k % sizes[l])
    }

    /// The layer and node of a flat bias index: (l, j).
    public func biasPosition(_ index: Int) -> (l: Int, j: Int) {
        var l = 1
        while biasOffsets[l + 1] <= index { l += 1 }
        return (l, index - biasOffsets[l])
    }
}

/// Why a network shape cannot be trained.
public enum NetworkError: Error, Hashable, Sendable {
    /// A network needs an input layer and at least one more.
    case tooFewLayers(Int)
    /// Every layer needs at least one node.
    case emptyLayer(layer: Int)
    /// One activation for each of the layers 1 … L.
    case activationCount(expected: Int, got: Int)
    /// Softmax is for the output layer only.
    case softmaxNotOutput(layer: Int)
    /// Softmax over one node is the constant 1 and cannot learn.
    case softmaxSingleNode
    /// The cost is undefined for outputs this activation can produce (a logarithm of a
    /// value outside (0, 1)).
    case costUndefined(cost: Cost, output: Activation)
}
