/// Drawing helpers shared by the widgets.
enum Theme {
    static let title = Style(bold: true, reverse: true)
    static let position = Style(foreground: .cyan, bold: true)
    static let border = Style(foreground: .blue)
    static let heading = Style(foreground: .cyan, bold: true)
    static let label = Style(dim: true)
    static let touched = Style(foreground: .yellow, bold: true)
    static let focused = Style(foreground: .yellow, bold: true, reverse: true)
    static let positive = Style(foreground: .green)
    static let negative = Style(foreground: .red)
    static let hidden = Style(foreground: .magenta, bold: true)
    static let warning = Style(foreground: .yellow, bold: true)
    static let good = Style(foreground: .green, bold: true)
    static let bad = Style(foreground: .red, bold: true)
    static let dim = Style(dim: true)
    static let key = Style(bold: true)
    static let series: [Color] = [.cyan, .magenta, .green, .yellow, .red, .blue]
}

extension Canvas {
    /// A box with a title in its top border; returns the inside.
    @discardableResult
    mutating func box(_ rect: Rect, title: String = "", style: Style = Theme.border, titleStyle: Style = Theme.heading) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        for x in rect.x + 1..<rect.maxX - 1 {
            self[x, rect.y] = Cell("─", style: style)
            self[x, rect.maxY - 1] = Cell("─", style: style)
        }
        for y in rect.y + 1..<rect.maxY - 1 {
            self[rect.x, y] = Cell("│", style: style)
            self[rect.maxX - 1, y] = Cell("│", style: style)
        }
        self[rect.x, rect.y] = Cell("┌", style: style)
        self[rect.maxX - 1, rect.y] = Cell("┐", style: style)
        self[rect.x, rect.maxY - 1] = Cell("└", style: style)
        self[rect.maxX - 1, rect.maxY - 1] = Cell("┘", style: style)
        if !title.isEmpty {
            put(" " + title + " ", x: rect.x + 2, y: rect.y, style: titleStyle,
                clip: Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1))
        }
        return rect.inset(1)
    }

    /// Writes lines into a rectangle, one per row, clipped; returns the rows used.
    @discardableResult
    mutating func lines(_ lines: [(String, Style)], in rect: Rect, from first: Int = 0) -> Int {
        var y = rect.y
        for (text, style) in lines.dropFirst(first) {
            if y >= rect.maxY { break }
            put(text, x: rect.x, y: y, style: style, clip: rect)
            y += 1
        }
        return y - rect.y
    }
}

/// Breaks text into lines of at most `width` columns at spaces; a continuation line starts
/// with `indent`.
func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
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
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
    func padded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
