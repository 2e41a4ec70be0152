import Foundation
import Testing

/// The real binary in tmux: q back to the lessons and Enter back to the lesson as it was
/// left, and the screen reloading a lesson file an instructor saves.
@Suite(.serialized) struct ScreenControlEndToEndTests {
    @Test func qGoesBackToThePickerWithTheLessonSelectedAndQuitsFromThere() throws {
        let tmux = try TmuxSession.deltatrace("2")
        defer { tmux.kill() }
        try tmux.waitFor("Question: What is the output a = σ(2·1 + 2)?")
        tmux.send("Escape", "q")  // q does nothing while a question waits: skip it first
        let picker = try tmux.waitFor("02  The saturated neuron")  // the whole picker painted
        #expect(picker.contains("choose a lesson") && picker.contains("01  One sigmoid neuron, by hand"))
        // Lesson 2 is the one selected: Enter opens it again.
        // It is as it was left: its question skipped, so not asked while the student stays.
        tmux.send("Enter")
        let back = try tmux.waitFor("epoch 1/300 · update 1/1")
        #expect(!back.contains("Question:") && !back.contains("choose a lesson"))
        tmux.send("q")
        try tmux.waitFor("choose a lesson")
        tmux.send("q")
        try tmux.waitForPrompt()
    }

    @Test func qThenEnterComesBackToThePositionAndTheAnswersAsTheyWereLeft() throws {
        let tmux = try TmuxSession.deltatrace("2")
        defer { tmux.kill() }
        try tmux.waitFor("Question: What is the output a = σ(2·1 + 2)?")
        tmux.send("0.982", "Enter")
        try tmux.waitFor("✓ Right: the answer is 0.982014; you said 0.982.")
        tmux.send("e", "e")
        try tmux.waitFor("epoch 3/300 · update 1/1 · example 1/1 · feedforward l=1")
        tmux.send("q")
        try tmux.waitFor("02  The saturated neuron")  // the whole picker painted
        tmux.send("Enter")
        let back = try tmux.waitFor("epoch 3/300 · update 1/1 · example 1/1 · feedforward l=1")
        #expect(back.contains("step 7/900") && !back.contains("choose a lesson"))
        // The answer was kept: back at the question's step, it is not asked again (a new
        // screen would ask it).
        tmux.send("g")
        tmux.send("1", "Enter")
        let first = try tmux.waitFor("epoch 1/300 · update 1/1 · example 1/1 · feedforward l=1")
        #expect(!first.contains("Question:"))
        tmux.send("C-c")
        try tmux.waitForPrompt()
    }

    @Test func aSavedLessonFileIsReloadedInPlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("deltatrace-e2e-reload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("01-one-neuron.yaml").path
        let original = try String(contentsOf: packageRoot.appendingPathComponent("lessons/01-one-neuron.yaml"), encoding: .utf8)
        try original.write(toFile: path, atomically: false, encoding: .utf8)

        let tmux = try TmuxSession.deltatrace(TmuxSession.quoted(path))
        defer { tmux.kill() }
        try tmux.waitFor("Question: What is z = x·w + b?")
        tmux.send("Escape", "Escape", "u", "u")
        try tmux.waitFor("epoch 3/20 · update 1/1")

        // Saved with a new title: the screen shows it, still at epoch 3.
        try original.replacingOccurrences(of: "title: One sigmoid neuron, by hand", with: "title: One neuron, edited live")
            .write(toFile: path, atomically: false, encoding: .utf8)
        var screen = try tmux.waitFor("One neuron, edited live")
        #expect(screen.contains("epoch 3/20 · update 1/1") && screen.contains("reloaded 01-one-neuron"))

        // Saved with a mistake: the located error, and the last good lesson stays.
        try original.replacingOccurrences(of: "  eta: 1.0", with: "  eta: fast").write(toFile: path, atomically: false, encoding: .utf8)
        screen = try tmux.waitFor("The lesson file has an error")
        #expect(screen.contains("01-one-neuron.yaml:14:8: error:"))
        #expect(screen.contains("One neuron, edited live") && screen.contains("epoch 3/20 · update 1/1"))

        // Fixed: reloaded, the error gone.
        try original.write(toFile: path, atomically: false, encoding: .utf8)
        screen = try tmux.waitUntil("the error to go") { !$0.contains("has an error") && $0.contains("One sigmoid neuron, by hand") }
        #expect(screen.contains("epoch 3/20 · update 1/1"))
        tmux.send("C-c")
        try tmux.waitForPrompt()
    }
}
