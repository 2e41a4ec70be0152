/// A named quantity with its indices.
public struct Symbol: Sendable, Hashable {
    /// The quantities of the lecture.
    public enum Name: String, Sendable, Hashable, CaseIterable {
        /// z, the weighted input of a node.
        case z
        /// a, the activation of a node (a_0 is the input x).
        case a
        /// δ = ∂C/∂z.
        case delta = "δ"
        /// w, a weight.
        case w
        /// b, a bias.
        case b
        /// y, a target value.
        case y
        /// C, the cost.
        case C
        /// η, the learning rate.
        case eta = "η"
        /// λ, the regularisation strength.
        case lambda = "λ"
        /// n, the size of the training set.
        case n
        /// M, the size of the minibatch.
        case M
        /// n_l, the number of nodes of a layer (written n with the layer as index).
        case nodes = "n_"
        /// r, a dropout mask entry (1 kept, 0 dropped).
        case r
        /// p, the dropout probability.
        case p
        /// e, Euler's number (as the base of an exponential).
        case e
    }

    /// The quantity.
    public var name: Name
    /// Its subscripts, e.g. (l, i, j) for w_{l,i,j}.
    public var indices: [Index]
    /// The example m it belongs to, written "(m)", if shown.
    public var example: Index?

    /// A symbol; see each property.
    public init(_ name: Name, _ indices: [Index] = [], example: Index? = nil) {
        self.name = name
        self.indices = indices
        self.example = example
    }
}

extension Symbol {
    /// Whether every index is a number, so that the symbol names one value.
    public var isBound: Bool {
        func bound(_ index: Index) -> Bool { if case .literal = index { return true } else { return false } }
        return indices.allSatisfy(bound) && (example.map(bound) ?? true)
    }

    /// The numeric indices of a bound symbol.
    public var literalIndices: [Int] {
        indices.compactMap { if case .literal(let k) = $0 { return k } else { return nil } }
    }
}
