import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// Each key writes its value back as a lesson would write it, so a screen can say what a
/// variant changes — and what it writes reads back to the same setting.
@Suite struct SettingsChangesTests {
    func bundled(_ name: String) throws -> Lesson {
        try Lesson.load(path: lessonsReadme.deletingLastPathComponent().appendingPathComponent(name).path)
    }

    @Test func aVariantSaysWhichKeysItChanges() throws {
        let lesson = try bundled("02-saturated-neuron.yaml")
        func changes(_ variant: String) throws -> [String] {
            try lesson.settings(variant: variant).changes(from: lesson.settings).map { "\($0.key.path): \($0.value)" }
        }
        #expect(try changes("cross-entropy") == ["network.cost: cross-entropy"])
        #expect(try changes("lecture-mse") == ["network.cost: mse"])
        #expect(try changes("gentle-start") == ["init.weights: [[[0.6]]]", "init.biases: [[0.9]]"])
        #expect(lesson.settings.changes(from: lesson.settings).isEmpty)
    }

    @Test func whatAKeyWritesReadsBackToTheSameSetting() throws {
        let lesson = try bundled("02-saturated-neuron.yaml")
        var written = 0
        for variant in [nil] + lesson.variants.map(\.name) {
            let settings = try lesson.settings(variant: variant)
            for key in LessonKey.all {
                guard let write = key.write, let value = write(settings) else { continue }
                // Changing the key to what it writes leaves every key's value as it was.
                let again = try lesson.settings(variant: variant, changing: [(key.path, value)])
                for other in LessonKey.all where other.write != nil {
                    #expect(other.write!(again) == other.write!(settings), "\(key.path): \(value) changed \(other.path)")
                }
                written += 1
            }
        }
        #expect(written >= 4 * 15)
    }
}
