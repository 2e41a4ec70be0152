import ArgumentParser
import DeltaLessons
import DeltaTUI
import Foundation

/// `deltatrace tui` (and `deltatrace LESSON`): the step-by-step screen, or the picker.
struct Tui: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Step through a lesson's training in the terminal (the default command).",
        discussion: "Without a lesson, shows a picker of the bundled lessons. Press ? on the screen for every key.")

    @Argument(help: "A lesson: a path to a .yaml file, or a bundled lesson's number or name.",
              completion: .custom(Completions.lessons))
    var lesson: String?
    @OptionGroup var variantOption: VariantOption
    @OptionGroup var screen: ScreenOptions

    func run() throws {
        try refuseWithoutTerminal()
        var program: Launcher
        if let lesson {
            let loaded = try reportingLessonErrors { try Lesson.load(path: try LessonLocator.resolve(lesson)) }
            // q comes back to the bundled lessons, this one selected when it is one of them.
            program = Launcher(app: try reportingLessonErrors { try variantOption.variant.map { try TraceApp(lesson: loaded, variants: [$0]) } ?? TraceApp(lesson: loaded) },
                               lessonPaths: LessonLocator.bundled().map(LessonLocator.display))
        } else {
            let lessons = LessonLocator.bundled().map(LessonLocator.display)
            guard !lessons.isEmpty else {
                printError("no bundled lessons found: run deltatrace inside the DeltaTrace checkout, or name a lesson file")
                throw ExitCode(2)
            }
            program = Launcher(lessonPaths: lessons)
        }
        try runFullScreen(&program, ascii: screen.ascii)
    }
}

/// Refuses, with a hint, when there is no terminal to draw on.
func refuseWithoutTerminal() throws {
    if let problem = TerminalCheck.problem() {
        printError("deltatrace: \(problem)\n  hint: use `deltatrace run LESSON` or `deltatrace trace LESSON` for output a script can read")
        throw ExitCode(2)
    }
}

/// Runs a program full screen, restoring the terminal however it ends.
func runFullScreen<P: TerminalProgram>(_ program: inout P, ascii: Bool) throws {
    let terminal: CursesTerminal
    do {
        terminal = try CursesTerminal(ascii: ascii || TerminalCheck.prefersASCII(), color: !TerminalCheck.colorsDisabled())
    } catch {
        printError("deltatrace: cannot open the screen: \(error)\n  hint: use `deltatrace run LESSON` instead")
        throw ExitCode(2)
    }
    terminal.run(&program)
    // Ended by SIGTERM, SIGHUP or a second Ctrl-C: exit as the signal would have.
    if case .signal(let number)? = terminal.ending { throw ExitCode(128 + number) }
}
