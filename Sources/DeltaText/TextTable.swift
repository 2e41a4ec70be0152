/// A table of text for the command line: every column as wide as its widest cell, columns
/// always at least two spaces apart, so that however large a number grows it never runs
/// into its neighbour.
public struct TextTable: Sendable, Hashable {
    /// Which side of its column a cell keeps to.
    public enum Alignment: Sendable, Hashable {
        /// Text, such as a variant's name.
        case left
        /// Numbers, so that their digits line up.
        case right
    }

    /// The column headers.
    public var headers: [String]
    /// How each column is aligned.
    public var alignments: [Alignment]
    /// The rows, one cell per column.
    public private(set) var rows: [[String]] = []

    /// An empty table with these columns (numbers by default).
    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? Array(repeating: .right, count: headers.count)
    }

    /// Adds a row; missing cells are empty.
    public mutating func append(_ row: [String]) {
        rows.append(row + Array(repeating: "", count: max(0, headers.count - row.count)))
    }

    /// The header line and every row, each column sized to its contents.
    public var lines: [String] {
        let all = [headers] + rows
        let widths = headers.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        return all.map { row in
            row.indices.map { c -> String in
                let pad = String(repeating: " ", count: widths[c] - row[c].count)
                let cell = alignments[c] == .right ? pad + row[c] : row[c] + pad
                return c == 0 ? cell : "  " + cell
            }.joined().replacingTrailingSpaces()
        }
    }
}

extension String {
    /// The string without trailing spaces.
    fileprivate func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
