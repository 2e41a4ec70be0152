import DeltaCore

/// A point in a trace named in a lesson: epoch, update, example (from 1) and step.
public struct TracePoint: Sendable, Hashable {
    /// The position.
    public let position: TracePosition
    /// Where it was written.
    public let location: SourceLocation
}
