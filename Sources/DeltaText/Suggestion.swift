/// Did-you-mean suggestions and lists of names, for every message that names what a person
/// may write instead (lesson keys, values, steps, command-line options).
public enum Suggestion {
    /// The closest of some names to a misspelt one, if it is close enough to be a likely
    /// typo: an edit distance of at most max(2, a third of its length).
    public static func closest(to name: String, among candidates: [String]) -> String? {
        let lowered = name.lowercased()
        let scored = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= max(2, name.count / 3) ? best.0 : nil
    }

    /// "did you mean `x`? " for a likely typo of one of the names, or "".
    public static func didYouMean(_ name: String, among candidates: [String]) -> String {
        closest(to: name, among: candidates).map { "did you mean `\($0)`? " } ?? ""
    }

    /// "a, b or c" (or "a, b and c").
    public static func listing(_ names: [String], conjunction: String = "or") -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        default: return names.dropLast().joined(separator: ", ") + " \(conjunction) " + names.last!
        }
    }

    /// The Levenshtein distance between two strings, in characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
