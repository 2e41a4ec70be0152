import DeltaCore
import DeltaText
import Foundation

extension LessonData {
    // MARK: Files

    /// The absolute path of a data file written in a lesson: as written when absolute, else
    /// relative to the lesson file's folder, made absolute first, so that it is found however
    /// the lesson was named (`lessons/04-x.yaml`, `4`, a folder given to `check`) and from
    /// whatever working directory.
    static func dataPath(_ written: String, lesson: String) -> String {
        if written.hasPrefix("/") { return URL(fileURLWithPath: written).standardizedFileURL.path }
        let cwd = FileManager.default.currentDirectoryPath
        let lessonPath = lesson.hasPrefix("/") ? lesson : cwd + "/" + lesson
        let folder = URL(fileURLWithPath: lessonPath).standardizedFileURL.deletingLastPathComponent()
        return folder.appendingPathComponent(written).standardizedFileURL.path
    }

    /// How messages show a data file: relative to the working directory when it lies inside
    /// it, otherwise its absolute path.
    static func shownPath(_ path: String) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let base = cwd.hasSuffix("/") ? cwd : cwd + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }

    /// Inputs and targets from a CSV file (`file`), its columns chosen by `inputs`, `targets`
    /// or `class`, or from an IDX file (``fromIDX(_:_:path:)``, told apart by its first
    /// byte); every problem is located in the lesson or in the file.
    static func fromFile(_ fileNode: YAMLNode, _ m: YAMLMapping) throws -> ([[Double]], [[Double]], DataDescription) {
        let written = try fileNode.string("`file`")
        let resolved = dataPath(written, lesson: fileNode.file)
        let shown = shownPath(resolved)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw fileNode.error("no data file at \(written) (looked for \(resolved))", hint: "the path is relative to the lesson's folder")
        }
        if IDXFile.isIDXOrCompressed(path: resolved) {
            return try fromIDX(fileNode, m, path: resolved)
        }
        if let labels = m.keyNode("labels") {
            throw labels.error("`labels` names the labels of an IDX images `file`, and \(written) is not an IDX file",
                               hint: "with a CSV file, name its column of class labels with `class:`")
        }
        let table = try CSVTable.load(path: resolved, shownAs: shown)
        func columns(_ key: String) throws -> [Int]? {
            guard let node = m[key] else { return nil }
            return try node.list("`\(key)`", hint: "list column names of \(written)").map { item in
                let name = try item.string("a column name")
                guard let c = table.column(name) else {
                    let guess = Suggestion.didYouMean(name, among: table.header)
                    throw item.error("\(written) has no column `\(name)`", hint: "\(guess)its columns are: \(Suggestion.listing(table.header.prefix(12).map { $0 } + (table.header.count > 12 ? ["…"] : []), conjunction: "and"))")
                }
                return c
            }
        }
        let targetColumns = try columns("targets")
        var classColumn: Int?
        if let classNode = m["class"] {
            if targetColumns != nil { throw classNode.error("`class` and `targets` both name the targets", hint: "use `class:` for a column of class labels, `targets:` for numeric target columns") }
            let name = try classNode.string("`class`")
            guard let c = table.column(name) else {
                let guess = Suggestion.didYouMean(name, among: table.header)
                throw classNode.error("\(written) has no column `\(name)`", hint: "\(guess)its columns are: \(Suggestion.listing(table.header, conjunction: "and"))")
            }
            classColumn = c
        }
        guard targetColumns != nil || classColumn != nil else {
            throw m.node.error("`data` from a file needs `targets:` (numeric columns) or `class:` (a column of labels)")
        }
        let used = Set((targetColumns ?? []) + (classColumn.map { [$0] } ?? []))
        let inputColumns = try columns("inputs") ?? (0..<table.header.count).filter { !used.contains($0) }
        var inputs: [[Double]] = [], targets: [[Double]] = []
        var classes: [String] = []
        // Only the rows used (`rows`) are read, and only their labels are classes: the first
        // 100 iris rows hold two species, not three with one never seen.
        let rowCount = min(try rowLimit(m) ?? table.rows.count, table.rows.count)
        if let c = classColumn {
            let labels = table.rows.prefix(rowCount).map { $0.cells[c].text }
            var seen: [String] = []
            for label in labels where !seen.contains(label) { seen.append(label) }
            classes = seen.allSatisfy({ Double($0) != nil }) ? seen.sorted { Double($0)! < Double($1)! } : seen
            guard classes.count >= 2 else {
                throw m["class"]!.error("the `\(table.header[c])` column holds only one class", hint: "a classification needs at least two classes")
            }
        }
        for r in 0..<rowCount {
            inputs.append(try inputColumns.map { try table.number(row: r, column: $0) })
            if let c = classColumn {
                let label = table.rows[r].cells[c].text
                targets.append(classes.map { $0 == label ? 1 : 0 })
            } else {
                targets.append(try targetColumns!.map { try table.number(row: r, column: $0) })
            }
        }
        return (inputs, targets, DataDescription(file: written, generator: nil, inputColumns: inputColumns.map { table.header[$0] },
                                                 targetNames: classColumn != nil ? classes : targetColumns!.map { table.header[$0] },
                                                 fileFormat: .csv))
    }
}
