import DeltaCore

/// The lesson with some settings changed, e.g. another cost.
public struct Variant: Sendable {
    /// Its name, used by `--variant` and in `compare`.
    public let name: String
    /// The settings with its changes applied.
    public let settings: Settings
    /// Where it is defined.
    public let location: SourceLocation
}
