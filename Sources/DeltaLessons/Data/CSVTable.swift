import DeltaText
import Foundation

/// A CSV file with a header row, each cell remembered with its line and column.
///
/// Fields are separated by commas; a field may be quoted with `"` (a doubled `""` inside
/// is a quote); spaces around unquoted fields are ignored; blank lines are skipped.
struct CSVTable {
    /// The column names of the header row.
    let header: [String]
    /// The data rows: each cell's text and column (from 1).
    let rows: [(line: Int, cells: [(text: String, column: Int)])]
    /// The file, as named.
    let file: String

    /// Reads a CSV file.
    static func load(path: String, shownAs file: String) throws -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LessonError(SourceLocation(file: file, line: 1, column: 1), "no such data file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw LessonError(SourceLocation(file: file, line: 1, column: 1), "the data file is not UTF-8 text", hint: "save it as UTF-8 CSV")
        }
        return try parse(text, file: file)
    }

    /// Parses CSV text.
    static func parse(_ text: String, file: String) throws -> CSVTable {
        var lines: [(Int, [(String, Int)])] = []
        // "\r\n" is one Character in Swift: split on it as well as on "\n". A byte-order mark is dropped.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        for (index, raw) in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }).enumerated() {
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            lines.append((index + 1, try fields(of: line, line: index + 1, file: file)))
        }
        guard let first = lines.first else {
            throw LessonError(SourceLocation(file: file, line: 1, column: 1), "the data file is empty",
                              hint: "a data file starts with a header row of column names")
        }
        let header = first.1.map(\.0)
        if let blank = first.1.first(where: { $0.0.isEmpty }) {
            throw LessonError(SourceLocation(file: file, line: first.0, column: blank.1), "a column of the header row has no name",
                              hint: "the first row names every column, e.g. x1,x2,label")
        }
        for (k, name) in header.enumerated() where header[..<k].contains(name) {
            throw LessonError(SourceLocation(file: file, line: first.0, column: first.1[k].1), "two columns are named `\(name)`",
                              hint: "give every column its own name")
        }
        let rows = lines.dropFirst().map { (line: $0.0, cells: $0.1.map { (text: $0.0, column: $0.1) }) }
        for row in rows where row.cells.count != header.count {
            let column = row.cells.count > header.count ? row.cells[header.count].column : (row.cells.last?.column ?? 1)
            throw LessonError(SourceLocation(file: file, line: row.line, column: column),
                              "this row has \(row.cells.count) cells; the header has \(header.count) columns",
                              hint: "every row needs one cell per column (\(Suggestion.listing(header.prefix(6).map { $0 } + (header.count > 6 ? ["…"] : []), conjunction: "and")))")
        }
        guard !rows.isEmpty else {
            throw LessonError(SourceLocation(file: file, line: first.0, column: 1), "the data file has a header but no rows")
        }
        return CSVTable(header: header, rows: rows, file: file)
    }

    /// Splits one line into fields with the column (from 1) where each starts.
    static func fields(of line: Substring, line number: Int, file: String) throws -> [(String, Int)] {
        var result: [(String, Int)] = []
        let scalars = Array(line.unicodeScalars)
        var k = 0
        while true {
            while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" { k += 1 }
            let start = k + 1
            var field = String.UnicodeScalarView()
            if k < scalars.count, scalars[k] == "\"" {
                k += 1
                var closed = false
                while k < scalars.count {
                    if scalars[k] == "\"" {
                        if k + 1 < scalars.count, scalars[k + 1] == "\"" { field.append("\""); k += 2; continue }
                        k += 1
                        closed = true
                        break
                    }
                    field.append(scalars[k])
                    k += 1
                }
                guard closed else {
                    throw LessonError(SourceLocation(file: file, line: number, column: start), "a quoted cell is not closed",
                                      hint: "end it with \" (a quote inside a quoted cell is written \"\")")
                }
                while k < scalars.count, scalars[k] == " " || scalars[k] == "\t" { k += 1 }
                if k < scalars.count, scalars[k] != "," {
                    throw LessonError(SourceLocation(file: file, line: number, column: k + 1), "text after a quoted cell",
                                      hint: "put a comma after the closing quote")
                }
            } else {
                while k < scalars.count, scalars[k] != "," { field.append(scalars[k]); k += 1 }
            }
            result.append((String(field).trimmingCharacters(in: .whitespaces), start))
            if k >= scalars.count { break }
            k += 1  // the comma
            if k == scalars.count { result.append(("", k + 1)); break }
        }
        return result
    }

    /// The index of a named column.
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The number in a cell, or a located error.
    func number(row: Int, column c: Int) throws -> Double {
        let cell = rows[row].cells[c]
        guard let value = Double(cell.text), !cell.text.isEmpty else {
            throw LessonError(SourceLocation(file: file, line: rows[row].line, column: cell.column),
                              cell.text.isEmpty ? "the `\(header[c])` cell is empty" : "the `\(header[c])` cell `\(cell.text)` is not a number",
                              hint: "every input and target cell must be a number (a class column may hold names: use `class:` for it)")
        }
        guard value.isFinite else {
            throw LessonError(SourceLocation(file: file, line: rows[row].line, column: cell.column),
                              "the `\(header[c])` cell is \(cell.text)", hint: "NaN and infinity cannot be trained on: remove the row or fill in the value")
        }
        return value
    }
}
