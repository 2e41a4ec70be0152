import DeltaCore
import DeltaText
import Foundation

/// The examples of a lesson: inline rows, a CSV file relative to the lesson, or a generator;
/// optionally with some held out for validation.
struct LessonData {
    /// The examples trained on.
    let training: Dataset
    /// The examples held out (`holdout`), if any.
    let validation: Dataset?
    /// Where the examples came from.
    let description: DataDescription
    /// Where the data is described, for errors about its shape.
    let location: SourceLocation

    /// Reads the `data` section (its keys are declared in ``LessonKey/all``) and checks that the
    /// examples fit the lesson's settings.
    static func load(_ node: YAMLNode, settings: Settings) throws -> LessonData {
        let m = try node.mapping("`data`", allowed: LessonKey.keys(in: .data).map(\.name))
        let sources = ["file", "generator"].filter { m.has($0) }
        guard sources.count <= 1 else {
            throw m.keyNode(sources[1])!.error("`data` has both `file` and `generator`", hint: "use one source of examples")
        }
        var inputs: [[Double]], targets: [[Double]], description: DataDescription
        if let file = m["file"] {
            (inputs, targets, description) = try fromFile(file, m)
        } else if let generator = m["generator"] {
            for key in ["inputs", "targets", "class"] where m.has(key) {
                throw m.keyNode(key)!.error("`\(key)` cannot be used with a generator", hint: "a generator makes its own inputs and targets")
            }
            (inputs, targets, description) = try generate(generator, seed: settings.training.seed)
        } else {
            if m.has("class") { throw m.keyNode("class")!.error("`class` names a column of a `file`", hint: "inline data gives one-hot `targets` rows") }
            let inputNode = try m.require("inputs", hint: "give the inputs as rows, e.g. inputs: [[0, 1], [1, 0]]")
            let targetNode = try m.require("targets", hint: "give one target row per input row, e.g. targets: [[1], [0]]")
            inputs = try inputNode.matrix("`inputs`")
            targets = try targetNode.matrix("`targets`")
            try checkRows(inputs, node: inputNode, what: "input")
            try checkRows(targets, node: targetNode, what: "target")
            guard inputs.count == targets.count else {
                throw targetNode.error("there are \(inputs.count) input rows but \(targets.count) target rows", hint: "give one target row per input row")
            }
            description = DataDescription(file: nil, generator: nil, inputColumns: [], targetNames: [])
        }
        if let scale = m["scale"] {
            let factor = try scale.double("`scale`")
            inputs = inputs.map { $0.map { $0 * factor } }
        }
        if let rowsNode = m["rows"] {
            let rows = try rowsNode.int("`rows`")
            guard rows >= 1 else { throw rowsNode.error("`rows` must be at least 1") }
            inputs = Array(inputs.prefix(rows))
            targets = Array(targets.prefix(rows))
        }
        var validation: Dataset?
        var trainingRows = Array(0..<inputs.count)
        if let holdoutNode = m["holdout"] {
            let holdout = try holdoutNode.int("`holdout`")
            guard holdout >= 1 && holdout < inputs.count else {
                throw holdoutNode.error("cannot hold out \(holdout) of \(inputs.count) examples", hint: "hold out at least 1 and leave at least 1 to train on")
            }
            var order = Array(0..<inputs.count)
            var random = DeltaRandom(seed: settings.training.seed, stream: RandomStream.holdout.rawValue)
            random.shuffle(&order)
            let held = Array(order.suffix(holdout)).sorted()
            trainingRows = Array(order.dropLast(holdout)).sorted()
            validation = try dataset(held.map { inputs[$0] }, held.map { targets[$0] }, at: holdoutNode)
        }
        let training = try dataset(trainingRows.map { inputs[$0] }, trainingRows.map { targets[$0] }, at: node)
        let data = LessonData(training: training, validation: validation, description: description, location: node.location)
        try data.check(fits: settings)
        return data
    }

    /// A dataset of rows, or a located error for rows that cannot be one.
    static func dataset(_ inputs: [[Double]], _ targets: [[Double]], at node: YAMLNode) throws -> Dataset {
        do { return try Dataset(inputs: inputs, targets: targets) } catch {
            switch error {
            case .empty:
                throw node.error("there are no examples, or an example has no values", hint: "give at least one example with at least one input and one target")
            case .notFinite(let m, let column, let isTarget):
                throw node.error("\(isTarget ? "target" : "input") \(column + 1) of example \(m + 1) is not a finite number",
                                 hint: "check `scale:` and the data: values must stay within the range of a double")
            case .countMismatch, .raggedRow:
                throw node.error("the examples cannot be used: \(error)", hint: "give one target row per input row, all of the same width")
            }
        }
    }

    /// Checks that every row of an inline matrix has the first row's width.
    static func checkRows(_ rows: [[Double]], node: YAMLNode, what: String) throws {
        guard let first = rows.first else { throw node.error("there are no \(what) rows", hint: "give at least one example") }
        for (k, row) in rows.enumerated() where row.count != first.count {
            throw try node.list("").dropFirst(k).first!.error("\(what) row \(k + 1) has \(row.count) values; the first has \(first.count)",
                                                                hint: "every \(what) row needs the same number of values")
        }
    }

    /// Checks that the examples fit the network and the cost of some settings.
    func check(fits s: Settings) throws {
        try LessonData.check(training: training, validation: validation, fit: s, location: location)
    }

    /// Checks that examples fit the network, the cost and the early stopping of some settings.
    static func check(training: Dataset, validation: Dataset?, fit s: Settings, location: SourceLocation) throws {
        if let rule = s.training.earlyStopping {
            guard validation != nil else {
                throw LessonError(s.location(.earlyStopping, or: location), "early stopping watches the validation data, and the lesson holds out none",
                                  hint: "add `holdout: N` under `data:` to hold out N examples for validation")
            }
            if rule.metric == .validationAccuracy, let network = try? s.network(),
               AccuracyRule.inferred(network: network, targets: training) == .none {
                throw LessonError(s.location(.earlyStopping, or: location), "the validation accuracy is not measured: the targets are not classes",
                                  hint: "use `metric: validation-cost`; accuracy needs one-hot targets, or one sigmoid output with targets 0 and 1")
            }
        }
        let nIn = s.layers.first ?? 0, nOut = s.layers.last ?? 0
        guard training.inputWidth == nIn else {
            throw LessonError(s.location(.layers, or: location),
                              "the network takes \(nIn) input\(nIn == 1 ? "" : "s") but each example has \(training.inputWidth)",
                              hint: "make the first layer size \(training.inputWidth), or give \(nIn) input values per example")
        }
        guard training.targetWidth == nOut else {
            throw LessonError(s.location(.layers, or: location),
                              "the network has \(nOut) output\(nOut == 1 ? "" : "s") but each target has \(training.targetWidth) value\(training.targetWidth == 1 ? "" : "s")",
                              hint: "make the last layer size \(training.targetWidth), or give \(nOut) target values per example")
        }
        // The same rule a run applies (``Cost/problem(withTarget:)``), located at `cost`.
        for dataset in [training] + (validation.map { [$0] } ?? []) {
            for m in 0..<dataset.count {
                switch s.cost.problem(withTarget: dataset.y(m)) {
                case .outsideUnitInterval(let y)?:
                    throw LessonError(s.location(.cost, or: location), "target \(NumberText.written(y)) of example \(m + 1) is outside [0, 1], which cross-entropy needs",
                                      hint: "scale the targets to between 0 and 1, or use `cost: mse`")
                case .notADistribution?:
                    throw LessonError(s.location(.cost, or: location), "the target of example \(m + 1) is not one-hot",
                                      hint: "log-likelihood needs each target row to mark one class with 1 and the rest 0 (use `class:` for a class column)")
                case nil: break
                }
            }
        }
    }

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
    /// or `class`; every problem is located in the lesson or in the file.
    static func fromFile(_ fileNode: YAMLNode, _ m: YAMLMapping) throws -> ([[Double]], [[Double]], DataDescription) {
        let written = try fileNode.string("`file`")
        let resolved = dataPath(written, lesson: fileNode.file)
        let shown = shownPath(resolved)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw fileNode.error("no data file at \(written) (looked for \(resolved))", hint: "the path is relative to the lesson's folder")
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
        if let c = classColumn {
            let labels = table.rows.map { $0.cells[c].text }
            var seen: [String] = []
            for label in labels where !seen.contains(label) { seen.append(label) }
            classes = seen.allSatisfy({ Double($0) != nil }) ? seen.sorted { Double($0)! < Double($1)! } : seen
            guard classes.count >= 2 else {
                throw m["class"]!.error("the `\(table.header[c])` column holds only one class", hint: "a classification needs at least two classes")
            }
        }
        for r in 0..<table.rows.count {
            inputs.append(try inputColumns.map { try table.number(row: r, column: $0) })
            if let c = classColumn {
                let label = table.rows[r].cells[c].text
                targets.append(classes.map { $0 == label ? 1 : 0 })
            } else {
                targets.append(try targetColumns!.map { try table.number(row: r, column: $0) })
            }
        }
        return (inputs, targets, DataDescription(file: written, generator: nil, inputColumns: inputColumns.map { table.header[$0] },
                                                 targetNames: classColumn != nil ? classes : targetColumns!.map { table.header[$0] }))
    }

    // MARK: Generators

    /// The names of the generators.
    static let generators = ["xor", "and", "or", "circle"]

    /// A generated dataset: a truth table (`xor`, `and`, `or`: inputs 0/1, one 0/1 target) or
    /// `circle`: `count` points drawn uniformly from [−1, 1]², target 1 inside the circle of
    /// radius √(2/π) around 0 (half the square), drawn from the stream (seed, data).
    static func generate(_ node: YAMLNode, seed: UInt64) throws -> ([[Double]], [[Double]], DataDescription) {
        let name: String, count: Int
        if case .mapping = node.node {
            let m = try node.mapping("`generator`", allowed: ["name", "count"])
            name = try m.require("name", hint: "one of: \(Suggestion.listing(generators))").string("the generator's `name`")
            count = try m["count"]?.int("`count`") ?? 100
            guard count >= 1 else { throw m["count"]!.error("`count` must be at least 1") }
        } else {
            name = try node.string("`generator`")
            count = 100
        }
        let table: [[Double]] = [[0, 0], [0, 1], [1, 0], [1, 1]]
        let description = DataDescription(file: nil, generator: name, inputColumns: ["x1", "x2"], targetNames: ["y"])
        switch name {
        case "xor": return (table, table.map { [$0[0] != $0[1] ? 1 : 0] }, description)
        case "and": return (table, table.map { [$0[0] == 1 && $0[1] == 1 ? 1 : 0] }, description)
        case "or": return (table, table.map { [$0[0] == 1 || $0[1] == 1 ? 1 : 0] }, description)
        case "circle":
            var random = DeltaRandom(seed: seed, stream: RandomStream.data.rawValue)
            var inputs: [[Double]] = [], targets: [[Double]] = []
            let r2 = 2 / Double.pi
            for _ in 0..<count {
                let x = [random.nextUnit() * 2 - 1, random.nextUnit() * 2 - 1]
                inputs.append(x)
                targets.append([x[0] * x[0] + x[1] * x[1] < r2 ? 1 : 0])
            }
            return (inputs, targets, description)
        default:
            let guess = Suggestion.didYouMean(name, among: generators)
            throw node.error("unknown generator `\(name)`", hint: "\(guess)use one of: \(Suggestion.listing(generators))")
        }
    }
}
