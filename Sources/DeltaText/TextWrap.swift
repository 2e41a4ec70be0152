/// Breaks text into lines of at most `width` columns at spaces (a word longer than a line
/// is cut); a continuation line starts with `indent`. Leading spaces are kept, so continued
/// equations stay aligned. Every character counts as one column, as on the screen.
public func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
    guard width > indent.count + 4 else { return [text] }
    let leading = String(text.prefix { $0 == " " })
    var lines: [String] = [], current = leading
    // The first line may use the whole width; a continuation line loses the indent.
    func limit() -> Int { lines.isEmpty ? width : width - indent.count }
    func finish(_ line: String) { lines.append(lines.isEmpty ? line : indent + line) }
    for word in text.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
        if current.isEmpty || current == leading && lines.isEmpty {
            current += String(word)
        } else if current.count + 1 + word.count <= limit() {
            current += " " + word
        } else {
            finish(current)
            current = String(word)
        }
        while current.count > limit() {
            let head = String(current.prefix(limit()))
            current = String(current.dropFirst(head.count))
            finish(head)
        }
    }
    if !current.isEmpty || lines.isEmpty { finish(current) }
    return lines
}

extension String {
    /// The text with spaces in front, `n` columns wide (unchanged if it is wider).
    public func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
    /// The text with spaces after it, `n` columns wide (unchanged if it is wider).
    public func padded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
