import ArgumentParser
import DeltaCore
import DeltaLessons
import Foundation

@main
/// The `deltatrace` command and its subcommands.
struct DeltaTrace: ParsableCommand {
    /// The program's name, abstract, subcommands and the default (the screen).
    static let configuration = CommandConfiguration(
        commandName: "deltatrace",
        abstract: "Step through how a neural network learns, one operation at a time.",
        discussion: """
            `deltatrace [LESSON]` opens the step-by-step screen (a picker without a lesson). \
            Lessons are YAML files in lessons/. Name one by its path, its number or its name \
            (see `deltatrace lessons`). Bad lesson files are reported as FILE:LINE:COLUMN and \
            exit with status 2. `deltatrace --generate-completion-script bash` (or zsh, fish) \
            prints a shell completion script: see README.md.
            """,
        version: DeltaTrace.version,
        subcommands: [Tui.self, Lessons.self, Run.self, Trace.self, Compare.self, Cv.self, Check.self, Gen.self],
        defaultSubcommand: Tui.self)
}

/// Prints a message to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Runs a body, turning a lesson problem into its located message and exit status 2.
func reportingLessonErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as LessonError {
        printError(error.description)
        throw ExitCode(2)
    }
}
