/// The independent random streams of a training run, each keyed by the run's seed.
///
/// A stream is recreated from its key whenever it is needed — the shuffle of epoch e from
/// (seed, shuffle, e), the dropout masks of update g from (seed, dropout, g) — so that
/// replaying any update from a checkpoint draws exactly the numbers it drew the first
/// time, and a checkpoint need not store generator state.
public enum RandomStream: UInt64, Sendable {
    /// The initial weights and biases.
    case initialization = 1
    /// The order of the training examples in each epoch.
    case shuffle = 2
    /// The dropout masks of each update.
    case dropout = 3
    /// Which examples a lesson holds out for validation.
    case holdout = 4
    /// Examples a lesson generates.
    case data = 5
    /// The copies `data.expand` makes of each training row (one stream per data row). 6 is
    /// left for another purpose's stream.
    case expansion = 7
}
