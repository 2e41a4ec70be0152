import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// lessons/README.md, the documentation of every key.
let lessonsReadme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("lessons/README.md")

/// The lines of the first table under a `## \`section\`` heading of a Markdown text.
func readmeTable(_ text: String, section: String) -> [String] {
    let lines = text.components(separatedBy: "\n")
    guard let heading = lines.firstIndex(of: "## `\(section)`") else { return [] }
    let after = lines[(heading + 1)...]
    guard let start = after.firstIndex(where: { $0.hasPrefix("|") }),
          !after[heading + 1..<start].contains(where: { $0.hasPrefix("## ") }) else { return [] }
    return Array(after[start...].prefix { $0.hasPrefix("|") })
}

@Suite struct LessonKeyTests {
    /// README's tables list exactly the declared keys, with the declared meanings and
    /// defaults, in declaration order: the two cannot drift apart.
    @Test(arguments: LessonKey.Section.allCases)
    func readmeTablesAreTheDeclarations(_ section: LessonKey.Section) throws {
        let readme = try String(contentsOf: lessonsReadme, encoding: .utf8)
        let documented = readmeTable(readme, section: section.rawValue)
        let declared = LessonKey.markdownTable(for: section)
        #expect(documented == declared, """
            lessons/README.md's `\(section.rawValue)` table differs from the declarations in LessonKeys.swift; it should read:
            \(declared.joined(separator: "\n"))
            """)
        #expect(documented.count == 2 + LessonKey.keys(in: section).count)
    }

    @Test func everySectionDeclaresItsKeysOnceAndOnlySeedIsAmbiguous() {
        for section in LessonKey.Section.allCases {
            let names = LessonKey.keys(in: section).map(\.name)
            #expect(Set(names).count == names.count, "\(section)")
        }
        #expect(LessonKey.ambiguousNames == ["seed"])
        #expect(LessonKey.named("seed") == nil)
        #expect(LessonKey.named("train.seed")?.path == "train.seed" && LessonKey.named("init.seed")?.path == "init.seed")
        #expect(LessonKey.named("cost")?.path == "network.cost" && LessonKey.named("network.cost")?.path == "network.cost")
        #expect(LessonKey.named("early-stopping")?.path == "train.early-stopping")
        // `data` keys are not changed by a variant: every run of a lesson has the same examples.
        #expect(LessonKey.named("holdout") == nil && LessonKey.named("data.holdout") == nil)
        // Every key of network, init and train is read by its declaration.
        #expect(LessonKey.all.filter { $0.section != .data }.allSatisfy { $0.read != nil })
    }

    @Test func variantsNameKeysByPathOrByAnUnambiguousBareName() throws {
        let text = minimalLesson.replacingOccurrences(of: "  epochs: 3", with: "  epochs: 3\n  shuffle: true\n  seed: 4") + """

            variants:
              - {name: shuffled, train.seed: 7}
              - {name: started, init.seed: 7}
              - {name: bare, cost: cross-entropy, eta: 2}
              - {name: qualified, network.cost: cross-entropy, train.eta: 2}
              - {name: wider, layers: [2, 3, 2], init.scheme: unit-gaussian}
            """
        let lesson = try Lesson.parse(text, file: "v.yaml")
        let base = lesson.settings
        #expect(base.training.seed == 4 && base.initSeed == 4)
        let shuffled = try lesson.settings(variant: "shuffled"), started = try lesson.settings(variant: "started")
        #expect(shuffled.training.seed == 7 && shuffled.initSeed == 4)
        #expect(started.training.seed == 4 && started.initSeed == 7)
        let bare = try lesson.settings(variant: "bare"), qualified = try lesson.settings(variant: "qualified")
        #expect(bare.cost == .crossEntropy && bare.training.eta == 2)
        #expect(qualified.cost == bare.cost && qualified.training == bare.training)
        let wider = try lesson.settings(variant: "wider")
        #expect(wider.layers == [2, 3, 2] && wider.initialization == .unitGaussian)
    }

    /// (variant text, line, column, a phrase of the message, a phrase of the hint)
    static let badVariants: [(String, Int, Int, String, String)] = [
        ("  - {name: v, seed: 3}", 14, 15, "`seed` is ambiguous in a variant", "write `train.seed` (shuffles, dropout) or `init.seed` (initial weights)"),
        ("  - {name: v, cost: mse, network.cost: quadratic}", 14, 26, "`network.cost` and `cost` in a variant are the same key", "keep one"),
        ("  - {name: v, train.sed: 3}", 14, 15, "unknown key `train.sed` in a variant", "did you mean `train.seed`?"),
        ("  - {name: v, data.holdout: 1}", 14, 15, "unknown key `data.holdout` in a variant", "any key may also be written with its section"),
        ("  - {name: v, train.eta: -1}", 14, 26, "η must be greater than 0", "learning rate"),
        ("  - {name: v, biases: [[0.5, 0.5]]}", 14, 23, "`biases` are given without `weights`", "give `weights:` too"),
    ]

    @Test(arguments: 0..<badVariants.count)
    func badVariantKeysAreLocated(_ k: Int) throws {
        let (variant, line, column, message, hint) = Self.badVariants[k]
        try expectLocatedError(minimalLesson + "\nvariants:\n" + variant, line: line, column: column, message: message, hint: hint)
    }

    /// The changes `compare --vary` and `run`'s options make go through the same declarations.
    @Test func changesFromTheCommandLineTakeListsAndQualifiedNames() throws {
        let lesson = try Lesson.parse(minimalLesson, file: "c.yaml")
        let wider = try lesson.settings(variant: nil, changing: [("layers", "[2, 5, 2]")], source: "--vary")
        #expect(wider.layers == [2, 5, 2])
        let explicit = try lesson.settings(variant: nil, changing: [("init.weights", "[[[1, 2], [3, 4]]]"), ("biases", "[[0.5, -0.5]]")])
        #expect(explicit.initialization == .explicit(weights: [[[1, 2], [3, 4]]], biases: [[0.5, -0.5]]))
        // `weights` alone keeps the explicit biases it is changed against.
        let given = try Lesson.parse(minimalLesson + "\ninit:\n  weights: [[[1, 2], [3, 4]]]\n  biases: [[0.5, -0.5]]", file: "c.yaml")
        let reweighted = try given.settings(variant: nil, changing: [("weights", "[[[0, 1], [1, 0]]]")])
        #expect(reweighted.initialization == .explicit(weights: [[[0, 1], [1, 0]]], biases: [[0.5, -0.5]]))
        let seeded = try lesson.settings(variant: nil, changing: [("train.seed", "9"), ("init.seed", "9")])
        #expect(seeded.training.seed == 9 && seeded.initSeed == 9)
        do {
            _ = try lesson.settings(variant: nil, changing: [("seed", "9")], source: "--vary")
            Issue.record("a bare seed was accepted")
        } catch let error as LessonError {
            #expect(error.location == SourceLocation(file: "--vary", line: 1, column: 1))
            #expect(error.message == "`seed` is ambiguous in the changes from --vary: `init.seed` and `train.seed` are different keys")
            #expect(error.hint == "write `train.seed` (shuffles, dropout) or `init.seed` (initial weights)")
        }
    }
}

/// The keys of questions and claims that README's tables list are the keys the loader takes.
@Suite struct ReadmeListsTests {
    /// The first column's key names of README's first table under a heading.
    func documentedKeys(_ section: String, table: Int = 0) throws -> [String] {
        let readme = try String(contentsOf: lessonsReadme, encoding: .utf8)
        let lines = readme.components(separatedBy: "\n")
        let heading = try #require(lines.firstIndex(of: "## `\(section)`"))
        var tables: [[String]] = [], current: [String] = []
        for line in lines[(heading + 1)...] {
            if line.hasPrefix("## ") { break }
            if line.hasPrefix("|") { current.append(line) } else if !current.isEmpty { tables.append(current); current = [] }
        }
        if !current.isEmpty { tables.append(current) }
        // "| `below: X` / `above: X` | …" names two keys; a key is the text before ":" in backticks.
        return tables[table].dropFirst(2).flatMap { row -> [String] in
            let first = row.split(separator: "|")[0]
            return first.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }
                .map { String($0.element.split(separator: ":")[0]) }
        }
    }

    @Test func questionsTableListsTheQuestionKeys() throws {
        #expect(try documentedKeys("questions") == Lesson.questionKeys)
    }

    @Test func beatsTablesListTheBeatKeysAndTheKeysOfANumberBesideABeat() throws {
        #expect(try documentedKeys("beats") == Lesson.beatKeys)
        #expect(try documentedKeys("beats", table: 1) == Lesson.shownKeys)
    }

    @Test func claimTablesListTheMeasuresAndTests() throws {
        // `cost: E` stands for the per-epoch statistics, each named in its row's text.
        let measures = try documentedKeys("expect", table: 0)
        #expect(measures == ["output", "cost", "first-epoch", "value", "gradient-check", "test-cost", "test-accuracy", "cv", "saturated", "near-zero-weights", "non-finite-at", "dropped-nodes"])
        let statistics = Set(Claim.Statistic.allCases.map(\.rawValue))
        #expect(Set(Lesson.measureKeys) == Set(measures).union(statistics))
        #expect(try documentedKeys("expect", table: 1) == Lesson.testKeys)
    }
}
