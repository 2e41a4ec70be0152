/// The outcome of checking one claim.
public struct ClaimResult: Sendable {
    /// The claim.
    public let claim: Claim
    /// The number measured (nil when it could not be measured: see ``problem``).
    public let actual: Double?
    /// Whether the claim holds. A claim whose number could not be measured never holds.
    public let passed: Bool
    /// What was measured, in words: "output a_{L,1} for x = [1] after epoch 300".
    public let measured: String
    /// Why the number could not be measured, or why a `first-epoch` has none.
    public let problem: ClaimProblem?
}
