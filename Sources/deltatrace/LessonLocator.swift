import DeltaLessons
import Foundation

/// Finds lesson files: by path, or by number or name in the checkout's `lessons/` folder.
enum LessonLocator {
    /// The bundled lessons folder: `lessons/` next to `Package.swift` in the current
    /// directory or one above it, or beside the executable's build folder.
    static func lessonsDirectory() -> URL? {
        let fm = FileManager.default
        func search(from start: URL) -> URL? {
            var dir = start.standardized
            while true {
                let lessons = dir.appendingPathComponent("lessons")
                var isDirectory: ObjCBool = false
                if fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
                   fm.fileExists(atPath: lessons.path, isDirectory: &isDirectory), isDirectory.boolValue {
                    return lessons
                }
                let parent = dir.deletingLastPathComponent()
                if parent.path == dir.path { return nil }
                dir = parent
            }
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return search(from: URL(fileURLWithPath: fm.currentDirectoryPath)) ?? search(from: executable.deletingLastPathComponent())
    }

    /// The bundled lessons, in order of their file names.
    static func bundled() -> [URL] {
        guard let dir = lessonsDirectory(),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// The path of a lesson named by path, number (`1`, `01`) or name (`saturated-neuron`,
    /// `02-saturated-neuron`).
    static func resolve(_ name: String) throws -> String {
        if FileManager.default.fileExists(atPath: name) { return name }
        let lessons = bundled()
        let stem = { (url: URL) in url.deletingPathExtension().lastPathComponent }
        if let number = Int(name) {
            if let match = lessons.first(where: { Int(stem($0).prefix { $0.isNumber }) == number }) { return display(match) }
        } else if let match = lessons.first(where: { stem($0) == name || stem($0).drop { $0.isNumber || $0 == "-" } == name }) {
            return display(match)
        }
        let looksLikePath = name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml")
        throw LessonError(SourceLocation(file: name, line: 1, column: 1),
                          looksLikePath ? "no such lesson file" : "no bundled lesson is called `\(name)`",
                          hint: lessons.isEmpty ? "give the path of a lesson file" : "`deltatrace lessons` lists the bundled lessons by number and name")
    }

    /// A path as short as it can be shown: relative to the current directory when inside it.
    static func display(_ url: URL) -> String {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardized.path + "/"
        let path = url.standardized.path
        return path.hasPrefix(cwd) ? String(path.dropFirst(cwd.count)) : path
    }
}
