import DeltaCore
import DeltaText
import Foundation

/// The examples of a lesson, every row in file order, and how they are split: inline rows, a
/// CSV file relative to the lesson, or a generator; optionally with some held out for
/// validation (`holdout`) and some kept for a final test (`test`).
///
/// The rows are kept as read; the datasets a run trains on are made from them by
/// ``datasets(for:)``, which applies the settings' data keys (`standardize`, …) so that a
/// variant or `compare --vary` may change them.
struct LessonData: Sendable {
    /// Every example, in file order after `rows` and `scale`: example r is row r of the file
    /// (of the inline rows, of the generated points), counted from 0.
    let examples: Dataset
    /// The rows trained on, in file order.
    let trainingRows: [Int]
    /// The rows held out for validation (`holdout`), in file order; empty without a holdout.
    let validationRows: [Int]
    /// The rows kept for the test (`test`), in file order; empty without a test split.
    let testRows: [Int]
    /// Where the examples came from.
    let description: DataDescription
    /// Where the data is described, for errors about its shape.
    let location: SourceLocation
    /// The shape of the images the inputs are (`image`), if they are.
    var image: ImageShape? = nil
    /// The lesson's `train.seed`, which keys the copies `expand` makes of each row
    /// (``Expansion``), so that they are the same in every variant and every run.
    var seed: UInt64 = 1


    /// The datasets a run of some settings trains on and is judged by.
    func datasets(for settings: Settings) -> Datasets {
        datasets(trainingRows: trainingRows, validationRows: validationRows, testRows: testRows, settings: settings)
    }

    /// The datasets of a split of the rows (the lesson's own, or a fold's), with the
    /// settings' data keys applied in this order:
    ///
    /// 1. A network with one output node reads two-class one-hot targets as one, the second
    ///    class's (``readsSecondClass(_:)``).
    /// 2. `expand`: each training row followed by its copies (``Expansion``), made from the
    ///    inputs as read (after `scale`, so a shift brings in 0, the background), each
    ///    example marked with its origin (``Dataset/origins``). Validation and test rows
    ///    are never expanded.
    /// 3. `standardize`: the statistics of the training examples alone — the expanded ones,
    ///    which are what the network is trained on — standardise all three
    ///    (``Standardization``).
    func datasets(trainingRows: [Int], validationRows: [Int], testRows: [Int], settings: Settings) -> Datasets {
        var training = examples.subset(trainingRows)
        var validation = validationRows.isEmpty ? nil : examples.subset(validationRows)
        var test = testRows.isEmpty ? nil : examples.subset(testRows)
        if readsSecondClass(settings) {
            training = LessonData.secondClass(training)
            validation = validation.map(LessonData.secondClass)
            test = test.map(LessonData.secondClass)
        }
        var origins: [ExampleOrigin]?
        if settings.data.expand != .none {
            // ``checkExpansion(_:)`` expanded every row when the settings were read: the
            // copies are finite and the image's shape is there when a transform needs it.
            training = try! settings.data.expand.apply(to: training, rows: trainingRows, image: image, seed: seed)
            origins = training.origins
        }
        var standardization: Standardization?
        if settings.data.standardize {
            let s = Standardization(of: training)
            training = s.apply(training)
            validation = validation.map(s.apply)
            test = test.map(s.apply)
            standardization = s
        }
        if let origins { training = training.marked(with: origins) }
        return Datasets(training: training, validation: validation, test: test, trainingRows: trainingRows,
                        validationRows: validationRows, standardization: standardization)
    }

    /// Reads the `data` section (its keys are declared in ``LessonKey/all``; the keys that
    /// settings hold, such as `standardize`, are read into them by the lesson) and checks
    /// that the examples fit the lesson's settings.
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
            for key in ["inputs", "targets", "class", "labels"] where m.has(key) {
                throw m.keyNode(key)!.error("`\(key)` cannot be used with a generator", hint: "a generator makes its own inputs and targets")
            }
            (inputs, targets, description) = try generate(generator, seed: settings.training.seed)
        } else {
            if m.has("class") { throw m.keyNode("class")!.error("`class` names a column of a `file`", hint: "inline data gives one-hot `targets` rows") }
            if m.has("labels") { throw m.keyNode("labels")!.error("`labels` names the labels of an IDX `file`", hint: "inline data gives one-hot `targets` rows") }
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
        if let rows = try rowLimit(m) {
            inputs = Array(inputs.prefix(rows))
            targets = Array(targets.prefix(rows))
        }
        let examples = try dataset(inputs, targets, at: node)
        let image = try m["image"].map { try readImage($0, inputWidth: examples.inputWidth) }
        let split = try Split.read(holdout: m["holdout"], test: m["test"], count: examples.count, seed: settings.training.seed)
        let data = LessonData(examples: examples, trainingRows: split.training, validationRows: split.validation, testRows: split.test,
                              description: description, location: node.location, image: image, seed: settings.training.seed)
        try data.check(fits: settings)
        return data
    }

    /// `rows`: how many rows of the data are used, from the first, if the lesson limits them.
    static func rowLimit(_ m: YAMLMapping) throws -> Int? {
        guard let rowsNode = m["rows"] else { return nil }
        let rows = try rowsNode.int("`rows`")
        guard rows >= 1 else { throw rowsNode.error("`rows` must be at least 1") }
        return rows
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
}
