import Foundation
import Testing

/// `trace` marks each example of expanded data with its data row and transform; a lesson
/// that does not expand has no such field; bad `expand` values exit with status 2.
@Suite struct ExpansionTraceTests {
    /// Three 2×2 images with their copies: one rotation of each by 90°, noise-free and exact.
    static let lesson = """
        title: Turned images
        summary: Three 2×2 images, each with two copies.
        network: {layers: [4, 2], output: sigmoid, cost: quadratic}
        data:
          inputs: [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
          targets: [[1, 0], [0, 1], [1, 0]]
          image: [2, 2]
          expand: {shifts: true, rotations: [90, -90], copies: 2}
        train: {eta: 0.5, batch: 3, epochs: 1}
        """

    @Test func eachExampleOfExpandedDataNamesItsRowCopyAndTransform() throws {
        let objects = try withFiles(["turned.yaml": ExpansionTraceTests.lesson]) { dir in
            let outcome = try deltatrace(["trace", dir.appendingPathComponent("turned.yaml").path])
            #expect(outcome.status == 0, "\(outcome.stderr)")
            return try jsonLines(outcome.stdout)
        }
        // 3 rows × (1 + 2 copies) = 9 examples, 3 updates of 3, in order: each row, then its copies.
        #expect(objects.count == 3)
        let examples = objects.flatMap { $0["examples"] as? [[String: Any]] ?? [] }
        #expect(examples.map { $0["index"] as? Int } == Array(0..<9))
        let origins = examples.compactMap { $0["origin"] as? [String: Any] }
        #expect(origins.count == 9)
        #expect(origins.map { $0["row"] as? Int } == [0, 0, 0, 1, 1, 1, 2, 2, 2])
        #expect(origins.map { $0["copy"] as? Int } == [0, 1, 2, 0, 1, 2, 0, 1, 2])
        for k in [0, 3, 6] { #expect(origins[k]["transform"] is NSNull) }
        let names = ["shift up 1", "shift down 1", "shift left 1", "shift right 1", "rotate 90", "rotate -90"]
        for k in [1, 2, 4, 5, 7, 8] {
            let name = try #require(origins[k]["transform"] as? String)
            #expect(names.contains(name), "\(name)")
        }
        // Each copy's x is its row's image so transformed: 1 2 / 3 4 turned by 90° is 2 4 / 1 3.
        let expected: [String: (Double) -> [Double]] = [
            "shift up 1": { [$0 + 2, $0 + 3, 0, 0] }, "shift down 1": { [0, 0, $0, $0 + 1] },
            "shift left 1": { [$0 + 1, 0, $0 + 3, 0] }, "shift right 1": { [0, $0, 0, $0 + 2] },
            "rotate 90": { [$0 + 1, $0 + 3, $0, $0 + 2] }, "rotate -90": { [$0 + 2, $0, $0 + 3, $0 + 1] },
        ]
        for (example, origin) in zip(examples, origins) {
            let first = Double(4 * (origin["row"] as! Int) + 1)
            let x = try #require(example["x"] as? [Double])
            if let name = origin["transform"] as? String {
                #expect(x == expected[name]!(first), "\(name): \(x)")
            } else {
                #expect(x == [first, first + 1, first + 2, first + 3])
            }
        }
    }

    @Test func aLessonThatDoesNotExpandHasNoOrigins() throws {
        let outcome = try deltatrace(["trace", "lessons/05-minibatches.yaml", "--updates", "1"])
        #expect(outcome.status == 0)
        let examples = try #require(try jsonLines(outcome.stdout).first?["examples"] as? [[String: Any]])
        #expect(!examples.isEmpty && examples.allSatisfy { $0["origin"] == nil && $0["index"] != nil })
    }

    @Test func aBadExpansionIsLocatedAndExitsWith2() throws {
        let bad = ExpansionTraceTests.lesson.replacingOccurrences(of: "  image: [2, 2]\n", with: "")
        let outcome = try withFiles(["bad.yaml": bad]) { dir in try deltatrace(["check", dir.appendingPathComponent("bad.yaml").path]) }
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("bad.yaml:7:11: error: shifts and rotations move the pixels of an image"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("image: [rows, columns]"))
    }
}
