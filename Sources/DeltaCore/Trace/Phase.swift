/// The four kinds of operation in one training iteration, in the lecture's order.
public enum Phase: String, CaseIterable, Sendable, Hashable, Codable {
    /// z_{l,j} = Σ_i a_{l−1,i} w_{l,i,j} + b_{l,j} and a_{l,j} = f(z_{l,j}) for one layer.
    case feedforward
    /// δ_{L,j} = ∂C/∂a_{L,j} · f′(z_{L,j}).
    case outputError = "output-error"
    /// δ_{l−1,i} = f′(z_{l−1,i}) Σ_j w_{l,i,j} δ_{l,j}.
    case backpropagate
    /// w_{l,i,j} → w_{l,i,j} − η Σ_m a_{l−1,i}(m) δ_{l,j}(m) / M, and likewise b_{l,j}.
    case gradientDescent = "gradient-descent"

    /// The short names a person may type for this kind of step (the go-to prompt, `at:` in
    /// a lesson), besides its full name: ff, oe, bp, gd and a word each.
    public var abbreviations: [String] {
        switch self {
        case .feedforward: return ["ff", "forward"]
        case .outputError: return ["oe", "error"]
        case .backpropagate: return ["bp", "back"]
        case .gradientDescent: return ["gd", "descent"]
        }
    }

    /// The kind of step a name or abbreviation means (case does not matter).
    public init?(name: String) {
        let lowered = name.lowercased()
        guard let phase = Phase.allCases.first(where: { $0.rawValue == lowered || $0.abbreviations.contains(lowered) }) else {
            return nil
        }
        self = phase
    }
}
