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

/// The closest of some names to a misspelt one, if it is close enough to be a likely typo.
func suggestion(for name: String, among candidates: [String]) -> String? {
    let lowered = name.lowercased()
    let scored = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, name.count / 3) ? best.0 : nil
}

/// "did you mean `x`? " for a likely typo of one of the names, or "".
func didYouMean(_ name: String, among candidates: [String]) -> String {
    suggestion(for: name, among: candidates).map { "did you mean `\($0)`? " } ?? ""
}

/// The Levenshtein distance between two strings.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// "a, b or c".
func listing(_ names: [String], conjunction: String = "or") -> String {
    switch names.count {
    case 0: return ""
    case 1: return names[0]
    default: return names.dropLast().joined(separator: ", ") + " \(conjunction) " + names.last!
    }
}
