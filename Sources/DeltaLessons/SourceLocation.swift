/// A place in a lesson or data file: the file's path, and a line and column counted from 1.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1 (in Unicode scalars).
    public var column: Int

    /// A location; see each property.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
