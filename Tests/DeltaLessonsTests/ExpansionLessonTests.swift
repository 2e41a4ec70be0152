import DeltaCore
import Foundation
import Testing
@testable import DeltaLessons

/// `data.image` and `data.expand` in a lesson: which rows are expanded, how the copies are
/// marked, how variants and `--vary` change it, and the located errors for bad values.
@Suite struct ExpansionLessonTests {
    /// Five 2×2 images (x = 1 2 / 3 4, then 5 6 / 7 8, …); 2 held out for validation.
    static let text = """
        title: Images
        summary: Five 2×2 images.
        network:
          layers: [4, 2]
          output: sigmoid
          cost: quadratic
        data:
          inputs: [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16], [17, 18, 19, 20]]
          targets: [[1, 0], [0, 1], [1, 0], [0, 1], [1, 0]]
          holdout: 2
          image: [2, 2]
          expand: {shifts: true}
        train:
          eta: 0.5
          batch: 5
          epochs: 2
        variants:
          - name: plain
            expand: none
          - name: noisy
            expand: {noise: 0.1, copies: 2}
          - name: scaled
            standardize: true
        """

    static func lesson(_ text: String = text) throws -> Lesson { try Lesson.parse(text, file: "images.yaml") }

    @Test func onlyTheTrainingRowsAreExpandedEachFollowedByItsFourShifts() throws {
        let lesson = try ExpansionLessonTests.lesson()
        let sets = lesson.datasets(for: lesson.settings)
        #expect(sets.trainingRows.count == 3 && sets.validationRows.count == 2)
        #expect(lesson.training.count == 15 && sets.training.count == 15)
        let origins = try #require(sets.training.origins)
        #expect(origins.map(\.row) == sets.trainingRows.flatMap { Array(repeating: $0, count: 5) })
        #expect(origins.prefix(5).map(\.transform) == [nil, .shift(.up), .shift(.down), .shift(.left), .shift(.right)])
        // Row r's image is 4r+1 4r+2 / 4r+3 4r+4: its right shift is 0 4r+1 / 0 4r+3.
        for (k, row) in sets.trainingRows.enumerated() {
            let a = Double(4 * row)
            #expect(Array(sets.training.x(5 * k)) == [a + 1, a + 2, a + 3, a + 4])
            #expect(Array(sets.training.x(5 * k + 1)) == [a + 3, a + 4, 0, 0])
            #expect(Array(sets.training.x(5 * k + 4)) == [0, a + 1, 0, a + 3])
            for c in 0..<5 { #expect(Array(sets.training.y(5 * k + c)) == (row % 2 == 0 ? [1, 0] : [0, 1])) }
        }
        // Validation is the held-out rows as read, unmarked.
        let validation = try #require(sets.validation)
        #expect(validation.count == 2 && validation.origins == nil)
        #expect(validation.inputs == sets.validationRows.flatMap { r in (1...4).map { Double(4 * r + $0) } })
        // The run trains on n = 15 examples: 3 updates of 5 per epoch.
        let run = try lesson.makeRun()
        #expect(run.training == sets.training && run.layout.updatesPerEpoch == 3 && run.validation == validation)
        #expect(lesson.image == ImageShape(rows: 2, columns: 2))
    }

    @Test func variantsAndVaryChangeTheExpansion() throws {
        let lesson = try ExpansionLessonTests.lesson()
        let plain = lesson.datasets(for: try lesson.settings(variant: "plain"))
        #expect(plain.training.count == 3 && plain.training.origins == nil)
        #expect(try lesson.makeRun(variant: "plain").layout.updatesPerEpoch == 1)
        let noisy = lesson.datasets(for: try lesson.settings(variant: "noisy"))
        #expect(noisy.training.count == 9 && noisy.training.origins?.map(\.copy) == [0, 1, 2, 0, 1, 2, 0, 1, 2])
        #expect(noisy.training.origins?[1].transform == .noise(standardDeviation: 0.1))
        // A row's noisy copies do not depend on the run: the same in a second reading.
        #expect(try ExpansionLessonTests.lesson().datasets(for: try lesson.settings(variant: "noisy")).training == noisy.training)
        // The variants say what they change, as a lesson writes it.
        let changes = try lesson.settings(variant: "noisy").changes(from: lesson.settings)
        #expect(changes.map(\.key.name) == ["expand"] && changes.map(\.value) == ["{noise: 0.1, copies: 2}"])
        #expect(try lesson.settings(variant: "plain").changes(from: lesson.settings).map(\.value) == ["none"])
        // `--vary expand=…`.
        let varied = try lesson.settings(variant: nil, changing: [("expand", "{rotations: [-10, 10], copies: 1}")])
        #expect(varied.data.expand == .image(shifts: false, rotations: [-10, 10], copies: 1))
        #expect(lesson.datasets(for: varied).training.count == 6)
        #expect(Expansion.image(shifts: true, rotations: [-10, 10], copies: 2).written == "{shifts: true, rotations: [-10, 10], copies: 2}")
    }

    @Test func standardizationTakesItsStatisticsFromTheExpandedTrainingExamples() throws {
        let lesson = try ExpansionLessonTests.lesson()
        let raw = lesson.datasets(for: lesson.settings)
        let sets = lesson.datasets(for: try lesson.settings(variant: "scaled"))
        let statistics = try #require(sets.standardization)
        #expect(statistics == Standardization(of: raw.training))
        #expect(statistics != Standardization(of: lesson.datasets(for: try lesson.settings(variant: "plain")).training))
        #expect(sets.training == statistics.apply(raw.training).marked(with: raw.training.origins!))
        #expect(sets.validation == statistics.apply(raw.validation!))
        // Over the 15 examples each input has mean 0.
        for i in 0..<4 { #expect(abs((0..<15).map { sets.training.x($0)[$0 * 4 + i] }.reduce(0, +)) < 1e-12) }
    }

    @Test func positionsCountTheCopies() throws {
        let text = ExpansionLessonTests.text.replacingOccurrences(of: "  batch: 5", with: "  batch: 15")
        let lesson = try ExpansionLessonTests.lesson(text + "\nbeats:\n  - {at: {example: 15, step: output-error}, say: the last copy}")
        #expect(lesson.beats.count == 1)
        let error = try #require(lessonError(text + "\nbeats:\n  - {at: {example: 15, step: output-error}, variants: [plain], say: no such example}"))
        #expect(error.location.line == 25 && error.message.contains("no step"), "\(error)")
    }

    /// (what replaces `expand: {shifts: true}` or `image: [2, 2]`, line, column, a phrase of
    /// the message, a phrase of the hint)
    static let bad: [(String, String, Int, Int, String, String)] = [
        ("  image: [2, 2]", "  image: [3, 3]", 11, 10, "`image: [3, 3]` has 9 pixels, but each example has 4 inputs", "rows × columns"),
        ("  image: [2, 2]", "  image: [4]", 11, 10, "`image` must list 2 numbers", "image: [8, 8]"),
        ("  image: [2, 2]", "  image: [0, 4]", 11, 11, "at least 1 pixel, not 0", "image: [8, 8]"),
        ("  image: [2, 2]\n", "", 11, 11, "shifts and rotations move the pixels of an image", "image: [rows, columns]"),
        ("  expand: {shifts: true}", "  expand: {noise: -0.05}", 12, 19, "standard deviation must be greater than 0, not -0.05", "noise: 0.05"),
        ("  expand: {shifts: true}", "  expand: {shift: true}", 12, 12, "unknown key `shift` in `expand`", "did you mean `shifts`?"),
        ("  expand: {shifts: true}", "  expand: {shifts: true, copies: 5}", 12, 34, "`copies` must be from 1 to 4, not 5", "at most one copy per transform"),
        ("  expand: {shifts: true}", "  expand: {rotations: [10, 0]}", 12, 28, "a rotation by 0° makes a copy equal to the image", "between -180 and 180"),
        ("  expand: {shifts: true}", "  expand: {rotations: [10, 10]}", 12, 28, "lists 10° twice", "once"),
        ("  expand: {shifts: true}", "  expand: {shifts: true, noise: 0.1}", 12, 12, "`shifts` and `noise` cannot be combined", "noisy copies"),
        ("  expand: {shifts: true}", "  expand: {shifts: false}", 12, 11, "`expand` makes no copies", "expand: {noise: 0.05, copies: 3}"),
        ("  expand: {shifts: true}", "  expand: yes", 12, 11, "`expand` must be `none` or a mapping", "expand: none"),
        ("  expand: {shifts: true}", "  expand: {noise: 0.1, copies: 0}", 12, 32, "`copies` must be from 1 to 100, not 0", "noisy copies"),
        ("    expand: none", "    expand: {shifts: true, copis: 2}", 19, 28, "unknown key `copis` in `expand`", "did you mean `copies`?"),
    ]

    @Test(arguments: 0..<bad.count)
    func badValuesAreLocatedAndExplained(_ k: Int) throws {
        let (old, new, line, column, message, hint) = Self.bad[k]
        let text = ExpansionLessonTests.text.replacingOccurrences(of: old, with: new)
        #expect(text != ExpansionLessonTests.text)
        try expectLocatedError(text, line: line, column: column, message: message, hint: hint)
    }

    @Test func varyingShiftsOnDataThatIsNotAnImageIsLocatedOnTheCommandLine() throws {
        let lesson = try Lesson.parse(minimalLesson, file: "t.yaml")
        #expect(lesson.image == nil && lesson.training.origins == nil)
        do {
            _ = try lesson.settings(variant: nil, changing: [("expand", "{shifts: true}")])
            Issue.record("no error")
        } catch let error as LessonError {
            #expect(error.location.file == "command line" && error.message.contains("move the pixels of an image"), "\(error)")
        }
        // Noise needs no image.
        let noisy = try lesson.settings(variant: nil, changing: [("data.expand", "{noise: 0.2}")])
        #expect(lesson.datasets(for: noisy).training.count == 4)
    }
}
