import Foundation
import Testing

/// A lesson on IDX files (the MNIST format) runs from the command line, and a malformed one
/// is reported at its `file:` with status 2.
@Suite struct IDXCommandTests {
    /// An IDX file of unsigned bytes: the magic number, the sizes, the values.
    static func idx(_ dimensions: [UInt32], _ values: [UInt8]) -> Data {
        Data([0, 0, 0x08, UInt8(dimensions.count)] + dimensions.flatMap { n in (0..<4).map { UInt8(truncatingIfNeeded: n >> (24 - 8 * $0)) } } + values)
    }

    static let lesson = """
        title: Tiny digits
        summary: Four 2 × 2 images of two classes.
        network: {layers: [4, 2], output: softmax, cost: log-likelihood}
        data:
          file: images.idx
          labels: labels.idx
          scale: 0.00392156862745098
        train: {eta: 1, epochs: 2}
        """

    @Test func aLessonOnIDXFilesRunsAndABadOneIsLocated() throws {
        try withFiles(["l.yaml": Self.lesson]) { dir in
            try Self.idx([4, 2, 2], [255, 0, 0, 255, 0, 255, 255, 0, 200, 10, 0, 250, 5, 240, 230, 0]).write(to: dir.appendingPathComponent("images.idx"))
            try Self.idx([4], [1, 0, 1, 0]).write(to: dir.appendingPathComponent("labels.idx"))
            let run = try deltatrace(["run", dir.appendingPathComponent("l.yaml").path, "--format", "csv", "--outputs", "1,0,0,1"])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.lines.count == 4 && run.lines[0] == #"epoch,cost,accuracy,"a_L,1(1,0,0,1)","a_L,2(1,0,0,1)""#)
            // Cut short by one byte: refused before anything is read, at `file:` (line 5, column 9).
            try Self.idx([4, 2, 2], Array(repeating: 7, count: 15)).write(to: dir.appendingPathComponent("images.idx"))
            let bad = try deltatrace(["run", dir.appendingPathComponent("l.yaml").path])
            #expect(bad.status == 2)
            #expect(bad.stderr.contains("/l.yaml:5:9: error: images.idx's header promises 4 × 2 × 2 unsigned bytes (32 bytes with its 16-byte header), but the file holds 31 bytes"), "\(bad.stderr)")
            #expect(bad.stderr.contains("\n  hint: "))
        }
    }
}
