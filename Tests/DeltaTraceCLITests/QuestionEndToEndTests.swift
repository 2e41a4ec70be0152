import Foundation
import Testing

/// A student answering questions in a real terminal (tmux): answering, a key that does not
/// consume a waiting question, a skipped question asked again, and the score at the end.
@Suite(.serialized) struct QuestionEndToEndTests {
    @Test func answeringAFractionAndKeysThatDoNotConsumeTheQuestion() throws {
        let tmux = try TmuxSession.deltatrace("1")
        defer { tmux.kill() }
        var screen = try tmux.waitFor("Question: What is z = x·w + b?")
        #expect(screen.contains("answer the question — Esc to skip"))
        #expect(screen.contains("┌─ Lesson · a question for you"))
        // Tab, an arrow, g and q: the question stays, the program stays, and it says why.
        tmux.send("Tab", "Right", "g", "q")
        screen = try tmux.waitFor("answering the question: type a number, Enter to check, Esc to skip")
        #expect(screen.contains("Question: What is z = x·w + b?") && screen.contains("step 1/60"))
        #expect(screen.contains("┌─ Network") && tmux.foregroundCommand() != "bash")
        // After a refused key, the first Enter asks before it grades (g 2 Enter must not
        // grade "2" unnoticed); the second checks.
        tmux.send("19/20", "Enter")
        try tmux.waitFor("Enter again checks 19/20 as your answer")
        tmux.send("Enter")
        try tmux.waitFor("✓ Right: the answer is 0.95; you said 0.95.")
        try tmux.waitFor("Question: What is the output a = σ(z)?")
        tmux.send("C-c")
        try tmux.waitForPrompt()
    }

    @Test func steppingBackAsksASkippedQuestionAgain() throws {
        let tmux = try TmuxSession.deltatrace("1")
        defer { tmux.kill() }
        try tmux.waitFor("Question: What is z = x·w + b?")
        tmux.send("Escape")
        try tmux.waitFor("Question: What is the output a = σ(z)?")
        tmux.send("Escape", "Right")
        try tmux.waitFor("Question: What is δ = (a − y)·a(1 − a)?")
        tmux.send("Escape", "Left")
        let screen = try tmux.waitFor("Question, asked again: What is z = x·w + b?")
        #expect(screen.contains("step 1/60"))
        tmux.send("C-c")
        try tmux.waitForPrompt()
    }

    @Test func theEndOfTheLessonShowsTheScoreAndAsksTheSkippedOnesAgain() throws {
        let tmux = try TmuxSession.deltatrace("1", width: 160, height: 48)
        defer { tmux.kill() }
        try tmux.waitFor("Question: What is z = x·w + b?")
        tmux.send("0.95", "Enter")
        try tmux.waitFor("Question: What is the output a = σ(z)?")
        tmux.send("0.5", "Enter")
        try tmux.waitFor("✗ Not quite: the answer is 0.721115; you said 0.5.")
        // Lesson 1 is 60 steps: go to the last.
        tmux.send("g")
        tmux.type("20 1 1 gd")
        tmux.send("Enter")
        let screen = try tmux.waitFor("Score: 1 right · 1 wrong · 2 skipped, of 4 questions.")
        #expect(screen.contains("step 60/60"))
        #expect(screen.contains("✓ right at epoch 1, update 1, example 1, feedforward l=1: What is z = x·w + b?"))
        #expect(screen.contains("○ skipped at epoch 1, update 1, example 1, output error: What is δ = (a − y)·a(1 − a)?"))
        #expect(screen.contains("Press s to go back to the first skipped question and answer it."))
        tmux.send("s")
        try tmux.waitFor("Question: What is δ = (a − y)·a(1 − a)?")  // jumped over, never asked: not "asked again"
        tmux.send("−0.0561", "Enter")  // the minus sign (tmux reads "-0.0561" as a flag)
        try tmux.waitFor("1 question not answered yet: s asks the next")
        tmux.send("s")
        try tmux.waitFor("Question: What is the new weight w − η·x·δ?")
        tmux.send("C-c")
        try tmux.waitForPrompt()
    }

    @Test func runningToTheEndShowsTheScore() throws {
        let tmux = try TmuxSession.deltatrace("1")
        defer { tmux.kill() }
        try tmux.waitFor("Question: What is z = x·w + b?")
        tmux.send("Escape", "Escape", "r")
        try tmux.waitFor("Question: What is δ")
        tmux.send("Escape", "r")
        try tmux.waitFor("Question: What is the new weight")
        tmux.send("Escape", "r")
        // The epoch-2 beat stops the run (its words are the message); r again runs to the end.
        let stopped = try tmux.waitFor("The second epoch starts from the new w and b.")
        #expect(stopped.contains("step 4/60") && !stopped.contains("the lesson has something to say here"))
        tmux.send("r")
        try tmux.waitFor("Score: 0 right · 0 wrong · 4 skipped, of 4 questions.", timeout: 30)
        tmux.send("C-c")
        try tmux.waitForPrompt()
    }
}
