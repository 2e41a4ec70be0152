/// Breaks text into lines of at most `width` columns at spaces (a word longer than a line
/// is cut); a continuation line starts with `indent`. Leading spaces are kept, so continued
/// equations stay aligned. Every character counts as one column, as on the screen.
public func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
    guard width > indent.count + 4 else { return [text] }
    // Leading spaces are kept (they align continued equations).
    let leading = String(text.prefix { $0 == " " })
    var lines: [String] = [], current = leading
    for word in text.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
        let limit = lines.isEmpty ? width : width - indent.count
        if current.isEmpty || current == leading && lines.isEmpty {
            current += String(word)
        } else if current.count + 1 + word.count <= limit {
            current += " " + word
        } else {
            lines.append(lines.isEmpty ? current : indent + current)
            current = String(word)
        }
        while current.count > limit {
            let head = String(current.prefix(limit))
            lines.append(lines.isEmpty ? head : indent + head)
            current = String(current.dropFirst(limit))
        }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(lines.isEmpty ? current : indent + current) }
    return lines
}

extension String {
    /// The text with spaces in front, `n` columns wide (unchanged if it is wider).
    public func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
    /// The text with spaces after it, `n` columns wide (unchanged if it is wider).
    public func padded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
