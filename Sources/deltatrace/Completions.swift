import ArgumentParser
import DeltaCore
import DeltaLessons
import Foundation

/// What the shell completes for deltatrace's arguments (`--generate-completion-script bash`,
/// `zsh` or `fish`): a lesson's number, name or file; the variants of the lesson already on
/// the command line; the costs; the lesson keys `--vary` takes; and the generators `gen`
/// writes.
///
/// Each function has swift-argument-parser's custom-completion signature: the shell words of
/// the command line (the program's name first), the index of the word being completed, and
/// the part of it before the cursor. The generated scripts call the binary as
/// `deltatrace ---completion SUBCOMMAND -- ARGUMENT INDEX CURSOR WORDS…`; the candidates are
/// printed one a line, and those that do not start with the typed prefix are left out.
enum Completions {
    /// A lesson: the bundled lessons' numbers (`2`) and names (`saturated-neuron`), then the
    /// folders and `.yaml`/`.yml` files that start with the prefix, as a path.
    @Sendable static func lessons(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        var names: [String] = []
        for url in LessonLocator.bundled() {
            let stem = url.deletingPathExtension().lastPathComponent
            if let number = Int(stem.prefix { $0.isNumber }) { names.append(String(number)) }
            let name = String(stem.drop { $0.isNumber || $0 == "-" })
            if !name.isEmpty { names.append(name) }
        }
        return (names + lessonFiles(prefix)).filter { $0.hasPrefix(prefix) }
    }

    /// The folders and lesson files a path prefix can continue with: `lessons/0` gives
    /// `lessons/01-one-neuron.yaml`, …; folders end in `/`. Hidden entries only when the
    /// prefix asks for them (`.`).
    static func lessonFiles(_ prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let folder = slash.map { String(prefix[...$0]) } ?? ""
        let partial = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder) else { return [] }
        return entries.sorted().compactMap { entry in
            guard entry.hasPrefix(partial), partial.hasPrefix(".") || !entry.hasPrefix(".") else { return nil }
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: folder + entry, isDirectory: &isDirectory), isDirectory.boolValue { return folder + entry + "/" }
            return entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") ? folder + entry : nil
        }
    }

    /// `--variant`: the variants of the lesson named on the command line (nothing before a
    /// lesson is named, or when it cannot be read).
    @Sendable static func variants(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        guard let name = lessonNamed(in: words, completing: index),
              let lesson = try? Lesson.load(path: try LessonLocator.resolve(name)) else { return [] }
        return lesson.variants.map(\.name).filter { $0.hasPrefix(prefix) }
    }

    /// The costs, as `--cost` and a lesson write them.
    static var costs: [String] { Cost.allCases.map(\.rawValue) }

    /// The generators, as `gen` and a lesson's `generator` name them.
    static var generators: [String] { DataGenerator.Shape.allCases.map(\.rawValue) }

    /// `--vary KEY=…`: every lesson key a variant may change, with its `=` (by bare name where
    /// one section alone declares it, `eta=`, else by path, `train.seed=`); after `cost=`,
    /// the costs.
    @Sendable static func varyKeys(_ words: [String], _ index: Int, _ prefix: String) -> [String] {
        if let equals = prefix.firstIndex(of: "=") {
            let key = String(prefix[..<equals])
            guard LessonKey.named(key)?.path == LessonKey.cost.path else { return [] }
            return costs.map { "\(key)=\($0)" }.filter { $0.hasPrefix(prefix) }
        }
        return LessonKey.all.filter { LessonKey.named($0.path) != nil }
            .map { key in (LessonKey.named(key.name) != nil ? key.name : key.path) + "=" }
            .filter { $0.hasPrefix(prefix) }
    }

    /// The lesson the command line names, read by parsing it as deltatrace would, without the
    /// program's name, the word being completed and the option whose value it is.
    static func lessonNamed(in words: [String], completing index: Int) -> String? {
        var arguments = words
        if arguments.indices.contains(index) { arguments.remove(at: index) }
        if index > 0, arguments.indices.contains(index - 1), arguments[index - 1].hasPrefix("-") {
            arguments.remove(at: index - 1)
        }
        guard !arguments.isEmpty else { return nil }
        arguments.removeFirst()
        guard let command = try? DeltaTrace.parseAsRoot(arguments) else { return nil }
        return (command as? NamesALesson)?.lessonName
    }
}
