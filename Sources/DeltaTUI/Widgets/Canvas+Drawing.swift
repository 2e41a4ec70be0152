/// Boxes and blocks of lines, the two things every widget draws.
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

    /// Which border of a box a label goes in.
    enum BorderEdge {
        /// The top border (beside the title, at the right).
        case top
        /// The bottom border.
        case bottom
    }

    /// A label written into a box's top or bottom border, with a space on either side,
    /// starting two cells in from the left corner or ending one cell before the right
    /// corner, and clipped to the border (a number is never cut: see ``put(_:x:y:style:clip:)``):
    /// "↓ more, PgDn", a note on the chart, how to close the help.
    mutating func label(_ text: String, on rect: Rect, edge: BorderEdge, right: Bool = false, style: Style) {
        let y = edge == .top ? rect.y : rect.maxY - 1
        let border = Rect(x: rect.x + 1, y: y, width: rect.width - 2, height: 1)
        let label = " " + text + " "
        put(label, x: right ? max(border.x, border.maxX - label.count - 1) : rect.x + 2, y: y, style: style, clip: border)
    }

    /// A box drawn over the screen (help, a menu): in the columns just left and right of
    /// it, every character of what lies beneath is blanked but the borders of its boxes, so
    /// that no stray letter of a cut line stands against the popup's border as if it
    /// belonged to it; returns the inside.
    @discardableResult
    mutating func popup(_ rect: Rect, title: String) -> Rect {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in [rect.x - 1, rect.maxX] where x >= 0 && x < width && !"─│┌┐└┘├┤┬┴┼".contains(self[x, y].character) {
                self[x, y] = Cell()
            }
        }
        fill(rect)
        return box(rect, title: title)
    }

    /// Writes lines into a rectangle, one per row, clipped; returns the rows used. When
    /// there are more lines than rows, the last row ends in "…", so that nothing is cut
    /// off without a sign.
    @discardableResult
    mutating func lines(_ lines: [(String, Style)], in rect: Rect, from first: Int = 0) -> Int {
        var y = rect.y
        let shown = Array(lines.dropFirst(first))
        for (text, style) in shown {
            if y >= rect.maxY { break }
            put(text, x: rect.x, y: y, style: style, clip: rect)
            y += 1
        }
        if shown.count > rect.height, rect.width >= 1, rect.height >= 1 {
            let last = shown[rect.height - 1]
            if last.0.count >= rect.width {
                // The last row gives its last column to "…"; a number it would cut goes whole.
                let row = Rect(x: rect.x, y: rect.maxY - 1, width: rect.width, height: 1)
                fill(row)
                put(last.0, x: rect.x, y: row.y, style: last.1, clip: Rect(x: rect.x, y: row.y, width: rect.width - 1, height: 1))
            }
            // A space before it, so that it does not read as the tail of the row's last number.
            let column = min(rect.x + last.0.count + 1, rect.maxX - 1)
            self[column, rect.maxY - 1] = Cell("…", style: last.1)
        }
        return y - rect.y
    }
}
