import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// IDX files (the MNIST format) as a lesson's data: files the tests write byte by byte are
/// read back number for number, and malformed ones are refused at the lesson's `file:` or
/// `labels:` with what is wrong.
@Suite struct IDXTests {
    /// A big-endian unsigned integer of `size` bytes.
    static func bigEndian(_ value: UInt64, _ size: Int) -> [UInt8] {
        (0..<size).map { UInt8(truncatingIfNeeded: value >> (8 * UInt64(size - 1 - $0))) }
    }

    /// An IDX file: the magic number 0, 0, type, d; the d sizes; then the value bytes.
    static func idx(_ type: UInt8, _ dimensions: [Int], _ data: [UInt8]) -> [UInt8] {
        [0, 0, type, UInt8(dimensions.count)] + dimensions.flatMap { bigEndian(UInt64($0), 4) } + data
    }

    /// A lesson reading `images.idx` and `labels.idx`, with extra `data` lines.
    static func lesson(layers: String = "[4, 2]", data: String = "") -> String {
        """
        title: T
        summary: S.
        network: {layers: \(layers), output: softmax, cost: log-likelihood}
        data:
          file: images.idx
          labels: labels.idx
        \(data.isEmpty ? "" : "  " + data + "\n")train: {eta: 0.5, epochs: 1}
        """
    }

    /// Loads a lesson beside the given files (name → bytes) in a fresh folder.
    static func load(_ text: String, _ files: [String: [UInt8]]) throws -> Lesson {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deltatrace-idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, bytes) in files { try Data(bytes).write(to: dir.appendingPathComponent(name)) }
        let path = dir.appendingPathComponent("l.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return try Lesson.load(path: path)
    }

    /// The error loading a lesson beside some files raises.
    static func error(_ text: String, _ files: [String: [UInt8]]) throws -> LessonError {
        do {
            _ = try load(text, files)
        } catch let error as LessonError {
            return error
        }
        Issue.record("no error")
        throw CancellationError()
    }

    /// Three 2 × 2 images of unsigned bytes, written out byte by byte, and their labels 7, 3, 7.
    static let images: [UInt8] = [
        0x00, 0x00, 0x08, 0x03, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02,
        0, 255, 17, 128,
        1, 2, 3, 4,
        250, 0, 0, 9,
    ]
    static let labels: [UInt8] = [0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0x00, 0x03, 7, 3, 7]

    @Test func imagesAndLabelsRoundTrip() throws {
        let lesson = try Self.load(Self.lesson(), ["images.idx": Self.images, "labels.idx": Self.labels])
        // Every pixel, row by row, is an input; the labels 3 and 7 are the one-hot classes in numeric order.
        #expect(lesson.data.examples.inputs == [0, 255, 17, 128, 1, 2, 3, 4, 250, 0, 0, 9])
        #expect(lesson.data.examples.targets == [0, 1, 1, 0, 0, 1])
        #expect(lesson.data.examples.inputWidth == 4 && lesson.data.examples.count == 3)
        let d = lesson.dataDescription
        #expect(d.fileFormat == .idx && d.file == "images.idx" && d.labels == "labels.idx")
        #expect(d.exampleDimensions == [2, 2] && d.targetNames == ["3", "7"] && d.inputColumns == ["x1", "x2", "x3", "x4"])
        // `scale` applies as for a CSV file; `rows` reads the first images and keeps every class.
        let scaled = try Self.load(Self.lesson(data: "scale: 0.5"), ["images.idx": Self.images, "labels.idx": Self.labels])
        #expect(scaled.data.examples.inputs == [0, 127.5, 8.5, 64, 0.5, 1, 1.5, 2, 125, 0, 0, 4.5])
        let first = try Self.load(Self.lesson(data: "rows: 2"), ["images.idx": Self.images, "labels.idx": Self.labels])
        #expect(first.data.examples.inputs == [0, 255, 17, 128, 1, 2, 3, 4] && first.data.examples.targets == [0, 1, 1, 0])
        // A CSV file is still read as CSV.
        #expect(try Self.load(Self.lesson().replacingOccurrences(of: "images.idx\n  labels: labels.idx", with: "p.csv\n  class: k"),
                              ["p.csv": Array("a,b,c,d,k\n1,2,3,4,x\n5,6,7,8,y\n".utf8)]).dataDescription.fileFormat == .csv)
    }

    @Test func everyValueTypeIsReadBigEndian() throws {
        let labels = Self.idx(0x08, [2], [0, 1])
        // (type, bytes of the values 2 × 2, the values)
        let cases: [(UInt8, [UInt8], [Double])] = [
            (0x09, [0xff, 0x80, 0x7f, 0x00], [-1, -128, 127, 0]),
            (0x0B, [0xff, 0xfe, 0x01, 0x00, 0x80, 0x00, 0x00, 0x05], [-2, 256, -32768, 5]),
            (0x0C, [0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x00, 0x00, 0x7f, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x00], [-1, 65536, 2_147_483_647, 0]),
            (0x0D, Self.bigEndian(UInt64(Float(0.1).bitPattern), 4) + Self.bigEndian(UInt64(Float(-2.5).bitPattern), 4)
                   + Self.bigEndian(UInt64(Float(1e10).bitPattern), 4) + Self.bigEndian(0, 4), [Double(Float(0.1)), -2.5, 1e10, 0]),
            (0x0E, [0.1, -2.5, 1e300, Double.leastNonzeroMagnitude].flatMap { Self.bigEndian($0.bitPattern, 8) }, [0.1, -2.5, 1e300, Double.leastNonzeroMagnitude]),
        ]
        for (type, bytes, values) in cases {
            let lesson = try Self.load(Self.lesson(layers: "[2, 2]"), ["images.idx": Self.idx(type, [2, 2], bytes), "labels.idx": labels])
            #expect(lesson.data.examples.inputs == values, "type \(type)")
            #expect(lesson.data.examples.inputs.map(\.bitPattern) == values.map(\.bitPattern), "type \(type)")
            #expect(lesson.dataDescription.exampleDimensions == [2])
        }
        // A vector is one input per example; signed labels are classes too.
        let vector = try Self.load(Self.lesson(layers: "[1, 2]"), ["images.idx": Self.idx(0x08, [3], [5, 6, 7]),
                                                                  "labels.idx": Self.idx(0x09, [3], [0xff, 0x02, 0xff])])
        #expect(vector.data.examples.inputs == [5, 6, 7] && vector.data.examples.targets == [1, 0, 0, 1, 1, 0])
        #expect(vector.dataDescription.targetNames == ["-1", "2"] && vector.dataDescription.exampleDimensions == [])
    }

    /// (images, labels, extra data line, the key the error is at, a phrase of the message, a phrase of the hint)
    static let malformed: [([UInt8], [UInt8], String, String, String, String)] = [
        // The magic numbers.
        (idx(0x07, [3, 2, 2], Array(images[16...])), labels, "", "file", "does not start with an IDX magic number: its first bytes are 0x00 0x00 0x07 0x03", "0x00000803"),
        (images, [0x12, 0x34, 0x56, 0x78, 0, 0, 0, 3, 7, 3, 7], "", "labels", "its first bytes are 0x12 0x34 0x56 0x78", "0x00000801"),
        (images, [0x1f, 0x8b, 0x08, 0x00], "", "labels", "labels.idx is compressed (gzip)", "gunzip labels.idx"),
        ([0x1f, 0x8b, 0x08, 0x00, 0x00], labels, "", "file", "images.idx is compressed (gzip)", "gunzip images.idx"),
        ([0x00, 0x00, 0x08, 0x00], labels, "", "file", "says it has 0 dimensions", "at least 1"),
        // Cut short, or longer than the header says.
        ([0x00, 0x00, 0x08, 0x03, 0x00, 0x00], labels, "", "file", "images.idx ends after 6 bytes, inside its IDX header", "4 bytes for each dimension"),
        (Array(images.dropLast(2)), labels, "", "file", "images.idx's header promises 3 × 2 × 2 unsigned bytes (28 bytes with its 16-byte header), but the file holds 26 bytes", "cut short"),
        (images + [0], labels, "", "file", "promises 3 × 2 × 2 unsigned bytes (28 bytes with its 16-byte header), but the file holds 29 bytes", "longer than its header says"),
        (idx(0x0E, [0xffff_ffff, 0xffff_ffff, 0xffff_ffff], []), labels, "", "file", "promises 4294967295 × 4294967295 × 4294967295 64-bit doubles (more bytes than a file can hold), but the file holds 16 bytes", "cut short"),
        (images, Array(labels.dropLast()), "", "labels", "labels.idx's header promises 3 unsigned bytes (11 bytes with its 8-byte header), but the file holds 10 bytes", "cut short"),
        // Labels that do not fit the images.
        (images, idx(0x08, [4], [7, 3, 7, 3]), "", "labels", "labels.idx holds 4 labels, but images.idx holds 3 examples", "one label per example"),
        (images, idx(0x08, [3, 1], [7, 3, 7]), "", "labels", "labels.idx has 2 dimensions (3 × 1); labels are one number per example", "ends in 01"),
        (images, idx(0x08, [3], [7, 7, 7]), "", "labels", "every label of labels.idx is 7: there is only one class", "at least two classes"),
        (images, idx(0x0D, [3], [Float(1), 1.5, 2].flatMap { bigEndian(UInt64($0.bitPattern), 4) }), "", "labels", "label 2 of labels.idx is 1.5, not a whole number", "whole numbers"),
        // Keys that do not go with an IDX file.
        (images, labels, "class: label", "class", "`class` chooses columns of a CSV file, and images.idx is an IDX file", "`labels:`"),
        (images, labels, "inputs: [x1]", "inputs", "`inputs` chooses columns of a CSV file", "`labels:`"),
    ]

    @Test(arguments: 0..<malformed.count)
    func malformedFilesAreRefusedAtTheirKey(_ k: Int) throws {
        let (images, labels, data, key, message, hint) = Self.malformed[k]
        let text = Self.lesson(data: data)
        let error = try Self.error(text, ["images.idx": images, "labels.idx": labels])
        // Located in the lesson: at the value of `file:` or `labels:`, or at the key that does not belong.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try #require(lines.firstIndex { $0.hasPrefix("  \(key):") }) + 1
        let column = key == "file" || key == "labels" ? key.count + 5 : 3
        #expect(error.location.file.hasSuffix("l.yaml") && error.location.line == line && error.location.column == column, "\(error)")
        #expect(error.message.contains(message), "\(error)")
        #expect(error.hint?.contains(hint) == true, "\(error)")
    }

    @Test func labelsNeedAnIDXFileAndAnIDXFileNeedsLabels() throws {
        let noLabels = try Self.error(Self.lesson().replacingOccurrences(of: "  labels: labels.idx\n", with: ""), ["images.idx": Self.images])
        #expect(noLabels.location.line == 5 && noLabels.location.column == 9 && noLabels.message.contains("its examples need `labels:`"))
        let csv = try Self.error(Self.lesson().replacingOccurrences(of: "images.idx", with: "p.csv"), ["p.csv": Array("a,b,c,d,k\n1,2,3,4,x\n".utf8)])
        #expect(csv.location.line == 6 && csv.location.column == 3 && csv.message.contains("p.csv is not an IDX file") && csv.hint?.contains("`class:`") == true)
        let missing = try Self.error(Self.lesson(), ["images.idx": Self.images])
        #expect(missing.location.line == 6 && missing.location.column == 11 && missing.message.contains("no labels file at labels.idx"))
        let inline = try #require(lessonError(minimalLesson.replacingOccurrences(of: "  targets: [[1.0, 0.0], [0.0, 1.0]]", with: "  targets: [[1.0, 0.0], [0.0, 1.0]]\n  labels: l.idx")))
        #expect(inline.location.line == 10 && inline.message.contains("`labels` names the labels of an IDX `file`"))
    }

    @Test func theValueLimitIsCheckedBeforeReading() throws {
        // 50 000 001 one-byte values would be read: refused with a hint to use `rows`, and
        // read when `rows` asks for fewer (the file is sparse: nothing is written but its header).
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("deltatrace-idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.idx").path
        let count = LessonData.idxValueLimit + 1
        try Data(Self.idx(0x08, [count], [])).write(to: URL(fileURLWithPath: path))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(8 + count))
        try handle.close()
        #expect(throws: IDXFile.Problem.tooManyValues(count, limit: LessonData.idxValueLimit)) {
            try IDXFile.read(path: path, valueLimit: LessonData.idxValueLimit)
        }
        let first = try IDXFile.read(path: path, items: 3, valueLimit: LessonData.idxValueLimit)
        #expect(first.values == [0, 0, 0] && first.itemCount == count && first.itemsRead == 3)
    }
}
