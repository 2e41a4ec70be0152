import DeltaCore

/// Why a claim's number does not exist. The command line words it.
public enum ClaimProblem: Sendable, Hashable {
    /// The run ended (a NaN or ∞, or an early stop) before the epoch or step the claim is about.
    case endedBefore(RunEnding)
    /// A `first-epoch` claim's test never passed in the epochs the run trained; the run's
    /// ending says whether it went the distance.
    case neverPassed(epochs: Int, ending: RunEnding)
    /// The network's output could not be computed: feedforward met a NaN or ∞.
    case outputNotComputable(OutputFailure)
    /// The measured number is itself NaN or ∞ (a validation cost that overflowed, say).
    case notFinite(Double)
    /// The run has no such number: accuracy needs a classification.
    case notMeasured(Claim.Statistic)
    /// A number a beat states that its step has not computed yet: the screen beside the beat
    /// shows "·" for it (δ at a feedforward step, w after the update before gradient descent).
    case notYetComputed(Step)
    /// A number a beat states that a question at the same step of the same run asks for
    /// (the question written at this line of the lesson): the beat would give the answer
    /// away while the screen hides it.
    case answersQuestion(line: Int)
    /// A `non-finite-at` claim about a run that met no NaN or ∞ in the epochs it trained: how
    /// it ended instead.
    case noNonFinite(epochs: Int, ending: RunEnding)
    /// A `non-finite-at: example` claim about a NaN or ∞ that appeared at this gradient-descent
    /// step, which works on the whole minibatch rather than on one example.
    case noExample(TracePosition)
}
