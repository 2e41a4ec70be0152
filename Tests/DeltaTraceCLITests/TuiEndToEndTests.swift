import Foundation
import Testing

/// The real binary in a real terminal (tmux): what a student sees, and that the terminal
/// is left as it was.
@Suite(.serialized) struct TuiEndToEndTests {
    @Test func aStudentStepsThroughTheSaturatedNeuron() throws {
        let tmux = try TmuxSession.deltatrace("2")
        defer { tmux.kill() }
        try tmux.waitFor("Question: What is the output a = σ(2·1 + 2)?")
        tmux.send("0.98", "Enter")
        try tmux.waitFor("✓ Right: the answer is 0.982014; you said 0.98.")
        tmux.send("Right")
        try tmux.waitFor("Question: What is δ for this example?")
        tmux.send("0.5", "Enter")
        var screen = try tmux.waitFor("✗ Not quite: the answer is 0.017345")
        #expect(screen.contains("δ₁,₁ = ∂C/∂a₁,₁·σ′(z₁,₁)"))
        #expect(screen.contains("= (0.982014 − 0)·0.982014·(1 − 0.982014)"))
        #expect(screen.contains("= 0.017345021"))
        #expect(screen.contains("epoch 1/300 · update 1/1 · example 1/1 · output error l=1"))
        // Gradient descent, then back.
        tmux.send("Right")
        screen = try tmux.waitFor("Gradient descent, layer 1")
        #expect(screen.contains("w₁,₁,₁ → w₁,₁,₁ − η·∂C/∂w₁,₁,₁"))
        tmux.send("Left")
        try tmux.waitFor("Output error, layer 1")
        // A bigger terminal re-lays out and shows more.
        tmux.resize(width: 160, height: 48)
        screen = try tmux.waitFor("Minibatch: Σₘ over the examples")
        #expect(screen.contains("Cost per epoch"))
        tmux.resize(width: 50, height: 12)
        try tmux.waitFor("needs a terminal of at least 64×18")
        tmux.resize(width: 80, height: 24)
        try tmux.waitFor("Output error, layer 1")
        tmux.send("?")
        try tmux.waitFor("closes this help")
        tmux.send("Escape")
        try tmux.waitUntil("the help to close") { !$0.contains("closes this help") }
        tmux.send("q")  // back to the lessons, then q quits
        try tmux.waitFor("choose a lesson")
        tmux.send("q")
        let after = try tmux.waitForPrompt()
        #expect(!after.contains("Output error"))
        // The terminal is back to normal: canonical mode and echo.
        tmux.send("stty -a | tr ' ' '\\n' | grep -cxE 'icanon|echo'", "Enter")
        try tmux.waitFor("\n2\n")
    }

    @Test func aVariantIsToldWhatItIsAndAskedNothing() throws {
        let tmux = try TmuxSession.deltatrace("2 --variant cross-entropy")
        defer { tmux.kill() }
        try tmux.waitFor("Variant cross-entropy of this lesson (cost: cross-entropy).")
        tmux.send("Right")
        let screen = try tmux.waitFor("Output error, layer 1")
        #expect(!screen.contains("Question") && !screen.contains("why this neuron learns so slowly"))
        // The network's row: z = 4, a = 0.98201, δ = a − y = 0.98201, y = 0.
        #expect(screen.contains("●₁,₁ 4.00000 0.98201 0.98201 0"))
        tmux.send("q")  // back to the lessons, then q quits
        try tmux.waitFor("choose a lesson")
        tmux.send("q")
        try tmux.waitForPrompt()
    }

    @Test func ctrlCAndTooSmallStillQuitCleanly() throws {
        let tmux = try TmuxSession.deltatrace("1", width: 60, height: 15)
        defer { tmux.kill() }
        try tmux.waitFor("needs a terminal of at least 64×18")
        tmux.send("q")
        try tmux.waitForPrompt()
        let again = try TmuxSession.deltatrace("1")
        defer { again.kill() }
        try again.waitFor("One sigmoid neuron, by hand")
        again.send("C-c")
        try again.waitForPrompt()
    }

    @Test func compareOpensSideBySideOnATerminal() throws {
        let tmux = try TmuxSession.deltatrace("compare 3", width: 120, height: 40)
        defer { tmux.kill() }
        try tmux.waitFor("compare: lesson vs cross-entropy")
        tmux.send("Right")
        try tmux.waitFor("output error l=1")
        tmux.send("Escape")  // skip the lesson's two questions
        try tmux.waitFor("And what is σ′(z)")
        tmux.send("Escape")
        let screen = try tmux.waitFor("= 0.034690042")
        #expect(screen.contains("= 0.98201379") && screen.contains("a₁,₁ − y₁"))
        #expect(screen.contains("━ lesson──+ cross-entropy─"))
        tmux.send("q")
        try tmux.waitForPrompt()
    }

    @Test func asciiAndNoColor() throws {
        let ascii = try TmuxSession.deltatrace("2 --ascii", environment: ["NO_COLOR": "1"])
        defer { ascii.kill() }
        let screen = try ascii.waitFor("Question:")
        #expect(screen.contains("+- Network 1-1 * example 1/1 -"))
        #expect(!screen.unicodeScalars.contains { !$0.isASCII })
        let escapes = ascii.capture(escapes: true)
        #expect(!(31...37).contains { escapes.contains("\u{1b}[\($0)m") || escapes.contains(";\($0)m") })
        ascii.send("Escape", "q")  // skip the waiting question (q does not quit while it waits), back to the lessons; then q quits
        try ascii.waitFor("choose a lesson")
        ascii.send("q")
        try ascii.waitForPrompt()

        let c = try TmuxSession.deltatrace("2", environment: ["LANG": "C", "LC_ALL": "C"])
        defer { c.kill() }
        let plain = try c.waitFor("Question:")
        #expect(plain.contains("+- Network 1-1 * example 1/1 -") && !plain.contains("δ"))
        c.send("Escape", "q")  // skip the waiting question (q does not quit while it waits), back to the lessons; then q quits
        try c.waitFor("choose a lesson")
        c.send("q")
        try c.waitForPrompt()

        let colored = try TmuxSession.deltatrace("2")
        defer { colored.kill() }
        try colored.waitFor("Question:")
        let withColor = colored.capture(escapes: true)
        #expect((31...37).contains { withColor.contains("\u{1b}[\($0)m") || withColor.contains(";\($0)m") })
        colored.send("Escape", "q")  // skip the waiting question (q does not quit while it waits), back to the lessons; then q quits
        try colored.waitFor("choose a lesson")
        colored.send("q")
        try colored.waitForPrompt()
    }

    @Test func refusesWithoutATerminal() throws {
        let outcome = try deltatrace(["2"])  // stdin and stdout are pipes here
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("deltatrace run LESSON") && outcome.stderr.contains("hint:"))
        let dumb = try TmuxSession.deltatrace("2", environment: ["TERM": "dumb"])
        defer { dumb.kill() }
        // The hint first: waiting for the prompt alone could see the one before the command ran.
        try dumb.waitFor("hint: use `deltatrace run LESSON`")
        let screen = try dumb.waitForPrompt()
        #expect(screen.contains("hint: use `deltatrace run LESSON`"))
    }
}
