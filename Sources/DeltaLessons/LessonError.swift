/// What is wrong with a lesson or data file, where, and how to fix it.
///
/// Printed as `FILE:LINE:COLUMN: error: WHAT`, then the hint on its own line.
public struct LessonError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong, in one sentence.
    public var message: String
    /// How to fix it.
    public var hint: String?

    /// An error; see each property.
    public init(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        self.location = location
        self.message = message
        self.hint = hint
    }

    public var description: String {
        "\(location): error: \(message)" + (hint.map { "\n  hint: \($0)" } ?? "")
    }
}
