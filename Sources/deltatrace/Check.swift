import ArgumentParser
import DeltaLessons
import DeltaText
import Foundation

/// `deltatrace check`: validate lesson files and verify their claims.
struct Check: ParsableCommand {
    /// The command's name, abstract and discussion for `--help`.
    static let configuration = CommandConfiguration(
        abstract: "Validate lesson files and verify their `expect` claims.",
        discussion: "Prints one line per lesson. Exit status: 0 all good, 1 a claim failed, 2 a file is invalid.")

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
            let results: [ClaimResult]
            do { results = try lesson.checkClaims() } catch {
                print("invalid  \(file)")
                printError("\(error)")
                invalid += 1
                continue
            }
            let failures = results.filter { !$0.passed }
            if failures.isEmpty {
                print("ok       \(file)  (\(results.count) claim\(results.count == 1 ? "" : "s"))")
            } else {
                failed += 1
                print("FAILED   \(file)  (\(failures.count) of \(results.count) claims)")
                for result in failures {
                    let actual = result.actual.map(NumberText.exact) ?? "none"
                    let why = result.problem.map { "; \(Check.say($0))" } ?? ""
                    print("  \(result.claim.location): \(result.claim.variant.map { "[\($0)] " } ?? "")\(result.measured) is \(actual), expected \(result.claim.test.description)\(why)")
                }
            }
        }
        if files.isEmpty {
            printError("no lesson files found in \(paths.joined(separator: ", "))")
            throw ExitCode(2)
        }
        if invalid > 0 { throw ExitCode(2) }
        if failed > 0 { throw ExitCode(1) }
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
        }
    }
}
