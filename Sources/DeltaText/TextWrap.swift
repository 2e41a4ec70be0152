/// Breaks text into lines of at most `width` columns at spaces; a continuation line starts
/// with `indent`. Leading spaces are kept, so continued equations stay aligned. Every
/// character counts as one column, as on the screen.
///
/// A word longer than a line (a product written without spaces, σ′(−1.22605)·(0.677179·…)
/// is broken between terms, after a "·", "/" or "(" (``termBreak(in:limit:)``), never inside a
/// number or a symbol; a word with no such place is cut only outside its numbers, or left
/// whole (the screen's clip then shows "…" rather than part of a number).
public func wrap(_ text: String, width: Int, indent: String = "") -> [String] {
    guard width > indent.count + 4 else { return [text] }
    let leading = String(text.prefix { $0 == " " })
    var lines: [String] = [], current = leading
    // The first line may use the whole width; a continuation line loses the indent.
    func limit() -> Int { lines.isEmpty ? width : width - indent.count }
    func finish(_ line: String) { lines.append(lines.isEmpty ? line : indent + line) }
    for word in text.dropFirst(leading.count).split(separator: " ", omittingEmptySubsequences: false) {
        if current.isEmpty || current == leading && lines.isEmpty {
            current += String(word)
        } else if current.count + 1 + word.count <= limit() || word.count > width - indent.count {
            // A word longer than any line starts on this one and is broken between terms.
            current += " " + word
        } else {
            finish(current)
            current = String(word)
        }
        while current.count > limit() {
            let characters = Array(current)
            // The last word's start: the head keeps the words before it whole.
            let wordStart = (characters.lastIndex(of: " ").map { $0 + 1 }) ?? 0
            if let cut = termBreak(in: characters, from: wordStart, limit: limit()) {
                finish(String(characters[..<cut]))
                current = String(characters[cut...])
            } else if characters[..<wordStart].contains(where: { $0 != " " }) {
                // No break fits on this line: the word starts the next.
                finish(String(characters[..<(wordStart - 1)]))
                current = String(characters[wordStart...])
            } else {
                break
            }
        }
    }
    if !current.isEmpty || lines.isEmpty { finish(current) }
    return lines
}

/// Where to break a line's characters that run past `limit` within its last word (from
/// `start`): the last place that fits between two terms (after "·", "/" or "(", or before
/// the "(" of a product such as a₁,₁(1 − a₁,₁), not of a function such as σ′(z)); else the
/// last place that fits outside a number and a symbol's subscripts, commas and primes (a
/// plain word may be cut); nil when there is none (the word is then left whole).
func termBreak(in characters: [Character], from start: Int, limit: Int) -> Int? {
    let candidates = stride(from: min(limit, characters.count - 1), to: start, by: -1)
    func betweenTerms(_ k: Int) -> Bool {
        let before = characters[k - 1], after = characters[k]
        if "·/(".contains(before) { return true }
        return after == "(" && (before == ")" || symbolParts.contains(before))
    }
    if let k = candidates.first(where: { betweenTerms($0) && NumberToken.cut(characters, at: $0) == nil }) { return k }
    return candidates.first { k in
        NumberToken.cut(characters, at: k) == nil && !symbolParts.contains(characters[k]) && characters[k] != "′"
    }
}

/// Subscripts, superscripts and the commas between subscripts, which belong to the symbol
/// before them.
private let symbolParts: Set<Character> = Set("₀₁₂₃₄₅₆₇₈₉ᵢⱼₖₗₘₙ₋₊⁰¹²³⁴⁵⁶⁷⁸⁹⁻,")

extension String {
    /// The text with spaces in front, `n` columns wide (unchanged if it is wider).
    public func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
    /// The text with spaces after it, `n` columns wide (unchanged if it is wider).
    public func padded(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
