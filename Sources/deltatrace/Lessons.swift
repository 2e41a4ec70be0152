import ArgumentParser
import DeltaLessons
import DeltaText
import Foundation

/// `deltatrace lessons`: the bundled lessons, numbered.
struct Lessons: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the bundled lessons, numbered, with their summaries.")

    func run() throws {
        let files = LessonLocator.bundled()
        guard !files.isEmpty else {
            printError("no bundled lessons found: run deltatrace inside the DeltaTrace checkout, whose lessons/ folder holds them")
            throw ExitCode(2)
        }
        var failed = false
        for url in files {
            let stem = url.deletingPathExtension().lastPathComponent
            let number = Int(stem.prefix { $0.isNumber }).map(String.init) ?? "-"
            let name = String(stem.drop { $0.isNumber || $0 == "-" })
            do {
                let lesson = try Lesson.load(path: LessonLocator.display(url))
                print("\(number.leftPadded(3))  \(name.padded(28)) \(lesson.title)")
                print("     \(String(repeating: " ", count: 28)) \(lesson.summary)")
            } catch {
                print("\(number.leftPadded(3))  \(name.padded(28)) (invalid: \(error))")
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
