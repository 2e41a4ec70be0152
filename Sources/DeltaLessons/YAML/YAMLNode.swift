import DeltaText
import Yams

/// A YAML node together with the file it came from, with readers that turn it into typed
/// values or into a ``LessonError`` that points at the node's line and column.
struct YAMLNode {
    /// The Yams node, with its line and column.
    let node: Node
    /// The file it came from, as the user named it.
    let file: String

    /// Parses a whole YAML document.
    static func parse(_ text: String, file: String) throws -> YAMLNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw LessonError(SourceLocation(file: file, line: 1, column: 1), "the file is empty",
                                  hint: "a lesson is a YAML mapping that starts with `title:`; see lessons/README.md")
            }
            return YAMLNode(node: node, file: file)
        } catch let error as YamlError {
            throw YAMLNode.locate(error, file: file, text: text)
        }
    }

    /// Where the node starts.
    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// An error at this node.
    func error(_ message: String, hint: String? = nil) -> LessonError {
        LessonError(location, message, hint: hint)
    }

    /// What kind of value the node holds, for messages: "a mapping", "a list", "the text \"x\"".
    var described: String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let s):
            if s.style == .plain && s.string.isEmpty || ["~", "null", "Null", "NULL"].contains(s.string) && s.style == .plain { return "nothing" }
            return "`\(s.string)`"
        }
    }

    // MARK: Collections

    /// The node as a mapping whose keys must all be in `allowed`.
    ///
    /// - Parameter listed: how hints list the allowed keys, when not all of `allowed`.
    func mapping(_ what: String, allowed: [String], listed: String? = nil) throws -> YAMLMapping {
        let listed = listed ?? Suggestion.listing(allowed)
        guard case .mapping(let mapping) = node else {
            throw error("\(what) must be a mapping of keys to values, not \(described)",
                        hint: "write it as `key: value` lines indented under it; allowed keys: \(listed)")
        }
        return try YAMLMapping(node: self, mapping: mapping, what: what, allowed: allowed, listed: listed)
    }

    /// The node as a list.
    func list(_ what: String, hint: String? = nil) throws -> [YAMLNode] {
        guard case .sequence(let sequence) = node else {
            throw error("\(what) must be a list, not \(described)", hint: hint ?? "write it as [a, b, c] or as lines starting with `- `")
        }
        return sequence.map { YAMLNode(node: $0, file: file) }
    }

    // MARK: Scalars

    /// The plain or quoted text of a scalar.
    func string(_ what: String) throws -> String {
        guard case .scalar(let s) = node, described != "nothing" else {
            throw error("\(what) must be text, not \(described)")
        }
        return s.string
    }

    /// A finite number. Quoted numbers, `.nan` and `.inf` are refused.
    func double(_ what: String) throws -> Double {
        guard case .scalar(let s) = node, s.style == .plain, let value = YAMLNode.number(s.string) else {
            throw error("\(what) must be a number, not \(described)", hint: "write it without quotes, e.g. 0.5 or -2 or 1e-3")
        }
        guard value.isFinite else {
            throw error("\(what) must be a finite number, not \(s.string)", hint: "NaN and infinity cannot be trained on")
        }
        return value
    }

    /// A whole number.
    func int(_ what: String) throws -> Int {
        guard case .scalar(let s) = node, s.style == .plain, let value = Int(s.string.replacingOccurrences(of: "_", with: "")) else {
            throw error("\(what) must be a whole number, not \(described)", hint: "write it without quotes or a decimal point, e.g. 10")
        }
        return value
    }

    /// true or false.
    func bool(_ what: String) throws -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else {
            throw error("\(what) must be true or false, not \(described)")
        }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("\(what) must be true or false, not \(described)")
        }
    }

    /// One of a set of names, with a suggestion for a misspelt one.
    func choice<T: RawRepresentable & CaseIterable>(_ what: String, _ type: T.Type) throws -> T where T.RawValue == String {
        let names = T.allCases.map(\.rawValue)
        let text = try string(what)
        if let value = T(rawValue: text) { return value }
        let guess = Suggestion.didYouMean(text, among: names)
        throw error("\(what) `\(text)` is not known", hint: "\(guess)use one of: \(Suggestion.listing(names))")
    }

    /// A list of finite numbers.
    func doubles(_ what: String) throws -> [Double] {
        try list(what, hint: "write it as a list of numbers, e.g. [0.5, 1.0]").enumerated().map { try $1.double("\(what)[\($0)]") }
    }

    /// A list of lists of finite numbers.
    func matrix(_ what: String) throws -> [[Double]] {
        try list(what, hint: "write it as a list of rows, e.g. [[0.5, 1.0], [0.2, 0.3]]").enumerated().map { try $1.doubles("\(what)[\($0)]") }
    }

    /// The number of digits after the decimal point with which a number is written
    /// (`0.20` → 2, `3` → 0, `1e-3` → nil), so that a claim can be checked to the digits printed.
    var decimalPlaces: Int? {
        guard case .scalar(let s) = node else { return nil }
        let text = s.string
        if text.contains("e") || text.contains("E") { return nil }
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: text.index(after: dot), to: text.endIndex)
    }

    /// A YAML number: decimal, with YAML's spellings of the special values.
    static func number(_ text: String) -> Double? {
        switch text.lowercased() {
        case ".nan": return .nan
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        default: return Double(text.replacingOccurrences(of: "_", with: ""))
        }
    }

    /// A located error for a YAML syntax error.
    static func locate(_ error: YamlError, file: String, text: String = "") -> LessonError {
        switch error {
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Point at the second time the key is written, where the mistake is.
            let key = duplicates.sorted().first ?? "?"
            var seen = 0, line = context.mark.line, column = context.mark.column
            for (k, row) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = row.drop { $0 == " " || $0 == "-" || $0 == "{" }
                if trimmed.hasPrefix(key + ":") {
                    seen += 1
                    if seen == 2 { line = k + 1; column = row.count - trimmed.count + 1; break }
                }
            }
            return LessonError(SourceLocation(file: file, line: line, column: column), "`\(key)` is written twice in the same mapping",
                               hint: "keep one of them")
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let what = [context.map { "\($0.text)" }, problem].compactMap { $0 }.joined(separator: ": ")
            return LessonError(SourceLocation(file: file, line: mark.line, column: mark.column),
                               "YAML syntax: \(what)",
                               hint: "check the indentation and the `key: value` punctuation on this line and the one before it")
        case .reader(let problem, _, _, _):
            return LessonError(SourceLocation(file: file, line: 1, column: 1), "the file cannot be read as text: \(problem)",
                               hint: "save it as UTF-8")
        default:
            return LessonError(SourceLocation(file: file, line: 1, column: 1), "YAML: \(error)")
        }
    }
}
