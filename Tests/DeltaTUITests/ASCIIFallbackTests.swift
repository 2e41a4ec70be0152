import DeltaLessons
import Foundation
import Testing
@testable import DeltaTUI

/// `--ascii` shows every character the lessons and the screen use as readable ASCII, never
/// as "?", and keeps frames and columns where they are.
@Suite struct ASCIIFallbackTests {
    /// The package's Sources folder.
    static let sources = lessonsFolder.deletingLastPathComponent().appendingPathComponent("Sources")

    /// Every non-ASCII character in a text, with the first line it is on.
    static func characters(in text: String, skippingComments: Bool) -> [Character: String] {
        var found: [Character: String] = [:]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if skippingComments && line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
            for c in line where !c.isASCII && found[c] == nil { found[c] = String(line) }
        }
        return found
    }

    /// The text of the files in a folder (and its subfolders) whose names end in a suffix.
    static func files(in folder: URL, endingIn suffix: String) throws -> [(name: String, text: String)] {
        let names = try #require(FileManager.default.subpathsOfDirectory(atPath: folder.path) as [String]?)
        return try names.filter { $0.hasSuffix(suffix) }.sorted().map {
            ($0, try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8))
        }
    }

    @Test func noCharacterOfTheLessonsOrTheScreensTextFallsBackToAQuestionMark() throws {
        var used: [Character: String] = [:]
        // Everything a bundled lesson says: titles, beats, questions, notes.
        for (name, text) in try ASCIIFallbackTests.files(in: lessonsFolder, endingIn: ".yaml") {
            used.merge(ASCIIFallbackTests.characters(in: text, skippingComments: false).mapValues { "lessons/\(name): \($0)" }) { a, _ in a }
        }
        // The screen's fixed text: the words, formulas and frames of the libraries that draw
        // it (comments aside; this file's own table aside).
        for target in ["DeltaCore", "DeltaText", "DeltaLessons", "DeltaTUI"] {
            for (name, text) in try ASCIIFallbackTests.files(in: ASCIIFallbackTests.sources.appendingPathComponent(target), endingIn: ".swift")
            where !name.hasSuffix("ASCIIFallback.swift") {
                used.merge(ASCIIFallbackTests.characters(in: text, skippingComments: true).mapValues { "\(target)/\(name): \($0)" }) { a, _ in a }
            }
        }
        // The scan found what it should: the lecture's letters, dashes and operators.
        for c: Character in ["—", "δ", "σ", "η", "≈", "·", "×", "−", "∂", "′", "…", "Σ", "ₘ", "²"] {
            #expect(used[c] != nil, "\(c) is not used any more: the scan is looking in the wrong place")
        }
        let unknown = used.filter { ASCIIFallback.ascii($0.key) == "?" }
        #expect(unknown.isEmpty, "no ASCII stand-in for: \(unknown.map { "\($0.key) (\($0.value.trimmingCharacters(in: .whitespaces)))" }.sorted())")
    }

    @Test func theLecturesCharactersReadAsTheirASCIINames() {
        let expected: [Character: Character] = [
            "—": "-", "–": "-", "‘": "'", "’": "'", "“": "\"", "”": "\"", "×": "x", "·": "*", "≈": "~", "≤": "<", "≥": ">",
            "δ": "d", "Δ": "D", "σ": "s", "η": "n", "λ": "L", "Σ": "E", "∂": "d", "′": "'", "−": "-",
            "₁": "1", "ₘ": "m", "ⱼ": "j", "²": "2", "⁻": "-",
        ]
        for (c, ascii) in expected { #expect(ASCIIFallback.ascii(c) == ascii, "\(c)") }
    }

    /// One row drawn and turned into ASCII: the text from column 0, or between two frame
    /// lines at the row's ends.
    static func ascii(_ text: String, width: Int, framed: Bool = false) -> String {
        var canvas = Canvas(width: width, height: 1)
        if framed {
            canvas.put("│", x: 0, y: 0)
            canvas.put("│", x: width - 1, y: 0)
        }
        canvas.put(text, x: framed ? 1 : 0, y: 0)
        let row = canvas.asciiOnly()
        return String((0..<width).map { row[$0, 0].character })
    }

    @Test func aCharacterIsSpelledOutWhereTheTextAfterItHasRoom() {
        let sentence = "below ½, then ∞ — so"   // 20 columns
        // Eight spaces before the frame: the rest of the sentence moves right into them,
        // leaving one; the frame stays.
        #expect(ASCIIFallbackTests.ascii(sentence, width: 30, framed: true) == "|below 1/2, then inf -- so   |")
        // Two spaces: room for `--` alone (one space must stay).
        #expect(ASCIIFallbackTests.ascii(sentence, width: 24, framed: true) == "|below h, then ! -- so |")
        // One space: one character each, in place. ∞ is `!`, not a digit that would read as
        // a number.
        #expect(ASCIIFallbackTests.ascii(sentence, width: 23, framed: true) == "|below h, then ! - so |")
        #expect(!ASCIIFallback.ascii("∞").isNumber && !ASCIIFallback.ascii("∞").isLetter)
        // Two columns: the first cell's text moves into the gap and the second stays in its
        // column; at the end of the row there is no room, so ≥ is one character.
        #expect(ASCIIFallbackTests.ascii("a ≤ 0.5     b ≥ 1", width: 17) == "a <= 0.5    b > 1")
        #expect(ASCIIFallbackTests.ascii("w → 0.5    next", width: 15) == "w -> 0.5   next")
        // An ellipsis at the end of clipped text, with no room, is a dot.
        #expect(ASCIIFallbackTests.ascii("a long line…", width: 12) == "a long line.")
    }

    @Test func theBundledLessonsShowNoQuestionMarkInASCII() throws {
        /// The "?" of each row: the same in ASCII as on a Unicode screen (a question's "a = ?").
        func questionMarks(_ canvas: Canvas) -> [Int] {
            (0..<canvas.height).map { y in (0..<canvas.width).filter { canvas[$0, y].character == "?" }.count }
        }
        var checked = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: lessonsFolder.path).filter({ $0.hasSuffix(".yaml") }).sorted() {
            let loaded = try lesson(name)
            var apps = [try TraceApp(lesson: loaded)]
            if !loaded.variants.isEmpty {
                apps.append(try TraceApp(lesson: loaded, contenders: [("lesson", loaded.settings)] + loaded.variants.map { ($0.name, $0.settings) }))
            }
            for var app in apps {
                // The first steps one by one (skipping questions), every view, help, and then
                // epoch by epoch to the end.
                var keys: [Key] = Array(repeating: .right, count: 40) + [.tab, .right, .tab, .right, .tab, .character("c"), .character("c")]
                keys += [.character("?"), .escape] + Array(repeating: .character("e"), count: 40)
                for (k, key) in keys.enumerated() {
                    app.tap(.escape)
                    app.tap(key)
                    for (width, height) in [(80, 24), (160, 48)] where k % 4 == 0 || width == 80 {
                        let unicode = canvas(app, width: width, height: height)
                        let ascii = unicode.asciiOnly()
                        #expect(questionMarks(ascii) == questionMarks(unicode), "\(name) at \(width)×\(height) after \(k + 1) keys:\n\(ascii.text)")
                        #expect(ascii.cells.allSatisfy { $0.character.isASCII })
                        checked += 1
                    }
                }
            }
        }
        #expect(checked > 200)
    }
}
