import DeltaCore
import DeltaText
import Foundation

extension LessonData {
    // MARK: IDX files

    /// The most values an IDX `file` may give after `rows` (MNIST's 60 000 training images of
    /// 28 × 28 pixels are 47 040 000): checked before they are read.
    static let idxValueLimit = 50_000_000

    /// Inputs and one-hot targets from IDX files (the MNIST format, ``IDXFile``): `file`
    /// gives the examples — item m of its first dimension is example m, its values in file
    /// order (an image's pixels row by row) are x —, and `labels`, a vector with one whole
    /// number per example, gives each one's class, turned into a one-hot target as `class:`
    /// does (the classes are the labels that occur, in numeric order). With `rows: N` only
    /// the first N examples are read; the classes are still those of every label.
    static func fromIDX(_ fileNode: YAMLNode, _ m: YAMLMapping, path: String) throws -> ([[Double]], [[Double]], DataDescription) {
        let written = try fileNode.string("`file`")
        for key in ["inputs", "targets", "class"] where m.has(key) {
            throw m.keyNode(key)!.error("`\(key)` chooses columns of a CSV file, and \(written) is an IDX file, which has none",
                                        hint: "an IDX file's values are the inputs; give each example's class with `labels:`, an IDX file of labels")
        }
        guard let labelsNode = m["labels"] else {
            throw fileNode.error("\(written) is an IDX file: its examples need `labels:`, an IDX file with each one's class",
                                 hint: "add e.g. `labels: train-labels-idx1-ubyte` under `data:`, beside `file:`")
        }
        let rows = (try? m["rows"]?.int("`rows`")).flatMap { $0 >= 1 ? $0 : nil }
        let images = try readIDX(fileNode, written: written, path: path, items: rows)
        let labelsWritten = try labelsNode.string("`labels`")
        let labelsPath = dataPath(labelsWritten, lesson: labelsNode.file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: labelsPath, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw labelsNode.error("no labels file at \(labelsWritten) (looked for \(labelsPath))", hint: "the path is relative to the lesson's folder")
        }
        let labels = try readIDX(labelsNode, written: labelsWritten, path: labelsPath, items: nil)
        guard labels.dimensions.count == 1 else {
            throw labelsNode.error("\(labelsWritten) has \(labels.dimensions.count) dimensions (\(labels.dimensions.map(String.init).joined(separator: " × "))); labels are one number per example",
                                   hint: "a labels file is an IDX vector: its magic number ends in 01, as MNIST's 0x00000801")
        }
        guard labels.itemCount == images.itemCount else {
            throw labelsNode.error("\(labelsWritten) holds \(labels.itemCount) labels, but \(written) holds \(images.itemCount) examples",
                                   hint: "give the labels file that belongs to \(written): one label per example")
        }
        if let k = labels.values.firstIndex(where: { $0 != $0.rounded() }) {
            throw labelsNode.error("label \(k + 1) of \(labelsWritten) is \(NumberText.written(labels.values[k])), not a whole number",
                                   hint: "labels name classes by whole numbers, as MNIST's digits 0 … 9")
        }
        let classes = Set(labels.values).sorted()
        guard classes.count >= 2 else {
            throw labelsNode.error("every label of \(labelsWritten) is \(NumberText.written(classes[0])): there is only one class",
                                   hint: "a classification needs at least two classes")
        }
        let width = images.itemWidth
        var inputs: [[Double]] = [], targets: [[Double]] = []
        inputs.reserveCapacity(images.itemsRead)
        targets.reserveCapacity(images.itemsRead)
        for k in 0..<images.itemsRead {
            inputs.append(Array(images.values[k * width ..< (k + 1) * width]))
            targets.append(classes.map { $0 == labels.values[k] ? 1 : 0 })
        }
        let description = DataDescription(file: written, generator: nil, inputColumns: (1...max(width, 1)).map { "x\($0)" },
                                          targetNames: classes.map(NumberText.written), fileFormat: .idx, labels: labelsWritten,
                                          exampleDimensions: Array(images.dimensions.dropFirst()))
        return (inputs, targets, description)
    }

    /// An IDX file's first `items` items (all when nil), or a located error at the key that names it.
    static func readIDX(_ node: YAMLNode, written: String, path: String, items: Int?) throws -> IDXFile {
        do {
            return try IDXFile.read(path: path, items: items, valueLimit: idxValueLimit)
        } catch {
            switch error {
            case .unreadable:
                throw node.error("\(written) cannot be read", hint: "check that the file is readable")
            case .compressed:
                throw node.error("\(written) is compressed (gzip)", hint: "decompress it first: gunzip \(written)")
            case .truncatedHeader(let bytes):
                throw node.error("\(written) ends after \(bytes) byte\(bytes == 1 ? "" : "s"), inside its IDX header",
                                 hint: "an IDX file starts with a 4-byte magic number and 4 bytes for each dimension's size")
            case .badMagic(let magic):
                throw node.error("\(written) does not start with an IDX magic number: its first bytes are \(magic.map { "0x" + hex($0) }.joined(separator: " "))",
                                 hint: "an IDX file starts with 0x00 0x00, the type of its values (0x08 for unsigned bytes … 0x0E for doubles) and its number of dimensions, as MNIST's 0x00000803 (images) and 0x00000801 (labels)")
            case .noDimensions:
                throw node.error("\(written)'s IDX header says it has 0 dimensions", hint: "the magic number's last byte is the number of dimensions, at least 1")
            case .sizeMismatch(let type, let dimensions, let expected, let actual):
                let shape = dimensions.map(String.init).joined(separator: " × ")
                let needs = expected.map { "\($0) bytes with its \(4 + 4 * dimensions.count)-byte header" } ?? "more bytes than a file can hold"
                throw node.error("\(written)'s header promises \(shape) \(type.name) (\(needs)), but the file holds \(actual) bytes",
                                 hint: actual < (expected ?? .max) ? "the file is cut short: copy or download it again" : "the file is longer than its header says: its header or its data is wrong")
            case .tooManyValues(let count, let limit):
                throw node.error("\(written) holds \(count) values, more than the \(limit) a lesson reads",
                                 hint: "add `rows: N` under `data:` to read only the first N examples")
            }
        }
    }

    /// A byte as two hexadecimal digits.
    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16)
        return digits.count == 1 ? "0" + digits : digits
    }
}
