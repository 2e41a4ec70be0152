/// How a single run's main area is shared between the network and the equations.
extension TraceApp {
    /// The fewest columns the equation panel keeps beside the network: its general formula
    /// (z₂,₁ = Σᵢ a₁,ᵢ·w₂,ᵢ,₁ + b₂,₁) on one line, with the box.
    static let minimumEquationWidth = 34
}
