import DeltaText

/// A grid of cells that views draw into. The ncurses backend paints it; tests read it as
/// text. Drawing outside the grid (or a clip rectangle) is ignored.
///
/// Every character is taken to be one column wide: views use only such characters (Greek
/// letters, box drawing, blocks, subscripts), never wide CJK or emoji.
public struct Canvas: Sendable, Hashable {
    /// The number of columns.
    public let width: Int
    /// The number of rows.
    public let height: Int
    /// The cells, row by row from the top.
    public private(set) var cells: [Cell]

    /// A blank canvas.
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    /// The cell at column x, row y; setting a cell outside the canvas does nothing.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// Writes text from (x, y) to the right, clipped to `clip` (default: the canvas), and
    /// returns the number of columns written. Newlines are not interpreted.
    ///
    /// A clip never cuts a number: where an edge of the clip falls inside a number
    /// (``NumberToken``), the whole number is left out and "…" written in its place, so that
    /// the screen never shows −0.005 for −0.005723 (a false, wrongly rounded value).
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY else { return 0 }
        let characters = Array(text)
        // The characters' first and last visible index, backed off to the ends of a cut number.
        var first = max(0, area.x - x), end = min(characters.count, area.maxX - x)
        guard first < end else { return max(0, min(x + characters.count, area.maxX) - x) }
        var leadingMark = false, trailingMark = false
        if end < characters.count, let token = NumberToken.cut(characters, at: end) {
            end = token.lowerBound
            trailingMark = true
        }
        if first > 0, let token = NumberToken.cut(characters, at: first) {
            first = token.upperBound
            leadingMark = true
        }
        if first < end {
            for k in first..<end { self[x + k, y] = Cell(characters[k], style: style) }
        }
        // "…" where a number was left out: at its start on the right, at the clip's edge on the left.
        if trailingMark, x + end >= area.x, x + end < area.maxX { self[x + end, y] = Cell("…", style: style) }
        if leadingMark { self[area.x, y] = Cell("…", style: style) }
        return max(0, min(x + characters.count, area.maxX) - x)
    }

    /// Fills a rectangle with one character and style.
    public mutating func fill(_ rect: Rect, _ character: Character = " ", style: Style = .plain) {
        for y in rect.y..<rect.maxY {
            for x in rect.x..<rect.maxX { self[x, y] = Cell(character, style: style) }
        }
    }

    /// Restyles a rectangle, keeping its characters.
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for y in max(0, rect.y)..<min(height, rect.maxY) {
            for x in max(0, rect.x)..<min(width, rect.maxX) { change(&cells[y * width + x].style) }
        }
    }

    /// The text of every row, with trailing spaces removed: what a test (or a screenshot)
    /// of the screen reads.
    public var lines: [String] {
        (0..<height).map { y in
            var line = String((0..<width).map { self[$0, y].character })
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// All rows joined by newlines.
    public var text: String { lines.joined(separator: "\n") }
}
