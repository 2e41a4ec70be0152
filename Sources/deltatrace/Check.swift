import ArgumentParser
import DeltaLessons
import DeltaText
import Foundation

/// `deltatrace check`: validate lesson files and verify their claims.
struct Check: ParsableCommand {
    /// The command's name, abstract and discussion for `--help`.
    static let configuration = CommandConfiguration(
        abstract: "Validate lesson files and verify their `expect` claims and the numbers their beats show.",
        discussion: "Prints one line per lesson. A beat's `shows:` numbers are measured at the beat's own step, where the screen shows them beside it. Exit status: 0 all good, 1 a claim failed or a beat states a number the screen beside it does not show, 2 a file is invalid.")

    @Argument(help: "Lesson files, or folders whose .yaml files are all checked.")
    var paths: [String]

    /// Checks every lesson file named (or in the folders named) and prints one line each.
    func run() throws {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                printError("\(path):1:1: error: no such file or folder\n  hint: give lesson files or folders that hold them")
                throw ExitCode(2)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
                let lessons = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
                files += lessons.map { (path.hasSuffix("/") ? path : path + "/") + $0 }
            } else {
                files.append(path)
            }
        }
        var invalid = 0, failed = 0
        for file in files {
            let lesson: Lesson
            do { lesson = try Lesson.load(path: file) } catch {
                print("invalid  \(file)")
                printError("\(error)")
                invalid += 1
                continue
            }
            let results: [ClaimResult], shown: [ShownResult]
            do { (results, shown) = (try lesson.checkClaims(), try lesson.checkBeats()) } catch {
                print("invalid  \(file)")
                printError("\(error)")
                invalid += 1
                continue
            }
            let failures = results.filter { !$0.passed }, contradicted = shown.filter { !$0.result.passed }
            if failures.isEmpty && contradicted.isEmpty {
                print("ok       \(file)  (\(Check.count(results.count, shown.count)))")
            } else {
                failed += 1
                print("FAILED   \(file)  (\(Check.count(results.count, shown.count, failing: (failures.count, contradicted.count))))")
                for result in failures {
                    let actual = result.actual.map(NumberText.exact) ?? "none"
                    let why = result.problem.map { "; \(Check.say($0))" } ?? ""
                    print("  \(result.claim.location): \(result.claim.variant.map { "[\($0)] " } ?? "")\(result.measured) is \(actual), expected \(result.claim.test.description)\(why)")
                }
                for number in contradicted { print(Check.say(number).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n")) }
            }
        }
        if files.isEmpty {
            printError("no lesson files found in \(paths.joined(separator: ", "))")
            throw ExitCode(2)
        }
        if invalid > 0 { throw ExitCode(2) }
        if failed > 0 { throw ExitCode(1) }
    }

    /// A lesson's counts for its line: "13 claims", "13 claims, 6 numbers beside beats",
    /// "1 number beside beats" (a lesson whose claims are all beside beats), or with failures
    /// "1 of 13 claims, 0 of 6 numbers beside beats".
    static func count(_ claims: Int, _ shown: Int, failing: (claims: Int, shown: Int)? = nil) -> String {
        func of(_ failing: Int?, _ total: Int, _ one: String, _ many: String) -> String {
            (failing.map { "\($0) of " } ?? "") + "\(total) \(total == 1 ? one : many)"
        }
        var parts: [String] = []
        if claims > 0 || shown == 0 { parts.append(of(failing?.claims, claims, "claim", "claims")) }
        if shown > 0 { parts.append(of(failing?.shown, shown, "number beside beats", "numbers beside beats")) }
        return parts.joined(separator: ", ")
    }

    /// A number a beat states that the screen beside it does not show, as a located error:
    /// where the number is written, what the beat states against what the screen shows at
    /// the beat's step, and a hint (the neighbouring epoch where the words fit, if one does).
    static func say(_ number: ShownResult) -> String {
        let result = number.result, claim = result.claim
        let run = claim.variant.map { "[\($0)] " } ?? ""
        let beat = "the beat at line \(number.beat.at.location.line) states \(run)\(result.measured) \(claim.test.description)"
        let message: String, hint: String
        switch result.problem {
        case .notYetComputed?:
            message = "\(beat), but its step has not computed it yet: the screen beside the beat shows ·"
            hint = "move the beat to a step that has computed the number, or claim it under `expect:`"
        case .answersQuestion(let line)?:
            message = "\(beat), the answer to the question at line \(line), which the screen hides beside the beat until it is answered"
            hint = "state the number at a later step (or in the question's `explain:`), or ask for another number"
        case let problem?:
            message = "\(beat), but the screen beside it has no number: \(say(problem))"
            hint = "move the beat to a step the run reaches"
        case nil:
            message = "\(beat), but the screen beside it shows \(result.actual.map(NumberText.exact) ?? "none")"
            if let there = number.elsewhere {
                hint = "at \(StepText.position(there.position)) the screen shows \(NumberText.exact(there.value)), which fits: "
                    + "a position in epoch N shows what the updates of epoch N − 1 left; a claim's `epoch: N` is after epoch N"
            } else {
                hint = "change the words and `shows:` to what the screen shows, or move the beat"
            }
        }
        return "\(claim.location): error: \(message)\n  hint: \(hint)"
    }

    /// Why a claim's number does not exist, in words.
    static func say(_ problem: ClaimProblem) -> String {
        switch problem {
        case .endedBefore(.completed):
            return "the run does not reach it"
        case .endedBefore(let ending):
            return "training ended before it (\(Narrator.say(ending, epochs: 0, minus: .ascii)))"
        case .neverPassed(let epochs, let ending):
            let stopped: String
            switch ending {
            case .completed: stopped = ""
            case .nonFinite, .stoppedEarly: stopped = " (\(Narrator.say(ending, epochs: epochs, minus: .ascii)))"
            }
            return "it never did in \(epochs) epoch\(epochs == 1 ? "" : "s")" + stopped
        case .outputNotComputable(let failure):
            return "the output cannot be computed: \(Narrator.say(failure, minus: .ascii))"
        case .notFinite(let value):
            return "the number is \(NumberText.exact(value)), not a finite value"
        case .notMeasured(let statistic):
            return "the run has no \(statistic.rawValue): accuracy needs a classification"
        case .notYetComputed:
            return "its step has not computed it yet (the screen shows ·)"
        case .answersQuestion(let line):
            return "it is the answer to the question at line \(line), hidden while the question waits"
        case .noNonFinite(let epochs, let ending):
            return "the run met no NaN or ∞: it \(Narrator.say(ending, epochs: epochs, minus: .ascii))"
        case .noExample(let position):
            return "the NaN or ∞ appeared at \(StepText.position(position)), which works on the whole minibatch, not on one example"
        }
    }
}
