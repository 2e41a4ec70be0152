/// ASCII stand-ins for the Unicode characters the views draw, used when the terminal's
/// locale is not UTF-8 (or `--ascii` is given). Views always draw Unicode; the backend (or
/// a test) transliterates each row of cells (``Canvas/asciiOnly()``).
///
/// Every character has a one-cell stand-in (``ascii(_:)``), so that boxes, tables and the
/// network keep their shape. A few read far better spelled out (`½` as `1/2`, `≤` as `<=`,
/// `∞` as `inf`, `—` as `--`): those are spelled out where the text after them can move
/// right into spare spaces (``spelled``), and take their one-cell stand-in where it cannot.
///
/// No stand-in of a symbol is a digit, for a digit reads as a number: `∞` with no room for
/// `inf` is `!`, which no other character stands for and no number is written with.
public enum ASCIIFallback {
    /// One ASCII character for each non-ASCII character the lessons and screens use.
    static let table: [Character: Character] = [
        // Box drawing, blocks and markers.
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "━": "=", "┃": "|", "╭": "+", "╮": "+", "╰": "+", "╯": "+", "═": "=", "║": "|",
        "▁": "_", "▂": "_", "▃": "-", "▄": "-", "▅": "=", "▆": "=", "▇": "#", "█": "#", "▏": "|", "▌": "|", "▐": "|",
        "░": ".", "▒": ":", "▓": "#", "●": "o", "○": "o", "◆": "*", "◇": "*", "■": "#", "□": "#", "▶": ">", "◀": "<",
        "▲": "^", "▼": "v", "→": ">", "←": "<", "↑": "^", "↓": "v", "⊙": "*", "✓": "v", "✗": "x", "•": "*", "⏸": "|",
        "⎯": "-",
        // Punctuation: dashes, quotes, the ellipsis, spaces.
        "—": "-", "–": "-", "‒": "-", "‐": "-", "‑": "-", "‘": "'", "’": "'", "‚": ",", "“": "\"", "”": "\"", "„": "\"",
        "…": ".", "′": "'", "″": "\"", "«": "<", "»": ">", "\u{00A0}": " ", "\u{2009}": " ", "\u{202F}": " ",
        // Operators.
        "·": "*", "×": "x", "−": "-", "±": "+", "÷": "/", "≈": "~", "≤": "<", "≥": ">", "≠": "#", "∂": "d", "∇": "D",
        "√": "V", "∞": "!", "½": "h", "‖": "|", "∈": "e", "⁄": "/", "°": "o",
        // Greek: the lecture's δ, σ, η, λ, Σ, Δ and the rest by their Latin look-alikes.
        "α": "a", "β": "b", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "n", "θ": "0", "ι": "i", "κ": "k", "λ": "L",
        "μ": "u", "ν": "v", "ξ": "x", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "u", "φ": "f", "χ": "X",
        "ψ": "Y", "ω": "w", "Γ": "G", "Δ": "D", "Θ": "0", "Λ": "L", "Ξ": "X", "Π": "P", "Σ": "E", "Φ": "F", "Ψ": "Y",
        "Ω": "W",
        // Subscripts and superscripts.
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "₊": "+", "₋": "-", "₌": "=", "₍": "(", "₎": ")",
        "ₐ": "a", "ₑ": "e", "ₒ": "o", "ₓ": "x", "ₕ": "h", "ₖ": "k", "ₗ": "l", "ₘ": "m", "ₙ": "n", "ₚ": "p", "ₛ": "s",
        "ₜ": "t", "ᵢ": "i", "ⱼ": "j", "ᵣ": "r", "ᵤ": "u", "ᵥ": "v",
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
        "⁺": "+", "⁻": "-", "⁼": "=", "⁽": "(", "⁾": ")", "ⁱ": "i", "ⁿ": "n",
    ]

    /// The characters that read better as several ASCII characters, and those characters.
    static let spelled: [Character: String] = [
        "—": "--", "…": "...", "½": "1/2", "≤": "<=", "≥": ">=", "≠": "!=", "±": "+-", "∞": "inf",
        "→": "->", "←": "<-", "⇒": "=>", "‖": "||", "°": " deg",
    ]

    /// The ASCII character to show for a character (itself if it is ASCII; "?" if unknown).
    public static func ascii(_ c: Character) -> Character {
        if c.isASCII { return c }
        if let mapped = table[c] { return mapped }
        // Braille dots (charts) become a dot when any dot is set.
        if let scalar = c.unicodeScalars.first, (0x2800...0x28FF).contains(scalar.value) { return scalar.value == 0x2800 ? " " : "." }
        return "?"
    }

    /// Whether a character draws a frame or a picture (box drawing, blocks, geometric
    /// shapes, braille dots), not text: text never moves past one.
    static func isDrawing(_ c: Character) -> Bool {
        guard let scalar = c.unicodeScalars.first else { return false }
        return (0x2500...0x25FF).contains(scalar.value) || (0x2800...0x28FF).contains(scalar.value)
    }

    /// One row of cells in ASCII. A character with a spelled-out form takes it when the text
    /// after it, up to the next gap of two or more spaces (or a frame, or the end of the row),
    /// can move right into that gap and still leave one space of it; the gap loses as many
    /// spaces as the spelling adds, so that whatever follows the gap stays in its column.
    /// Every other character takes its one-cell stand-in.
    static func asciiRow(_ row: [Cell]) -> [Cell] {
        var row = row
        var x = 0
        while x < row.count {
            let c = row[x].character
            if let spelling = spelled[c], let gap = gap(after: x, in: row, room: spelling.count - 1) {
                let extra = spelling.count - 1
                row.removeSubrange(gap..<(gap + extra))
                let letters = Array(spelling)
                row[x].character = letters[0]
                row.insert(contentsOf: letters.dropFirst().map { Cell($0, style: row[x].style) }, at: x + 1)
                x += letters.count
            } else {
                row[x].character = ascii(c)
                x += 1
            }
        }
        return row
    }

    /// The start of the gap of spaces that ends the phrase after column x, if it has more
    /// than `room` spaces (a gap at the end of the row needs only `room`); nil if a frame
    /// character comes first or the gap is too narrow.
    static func gap(after x: Int, in row: [Cell], room: Int) -> Int? {
        var p = x + 1
        while p < row.count {
            let c = row[p].character
            if isDrawing(c) { return nil }
            if c == " " && (p + 1 == row.count || row[p + 1].character == " ") { break }
            p += 1
        }
        var end = p
        while end < row.count && row[end].character == " " { end += 1 }
        let spaces = end - p
        return spaces > room || (end == row.count && spaces >= room && room > 0) ? p : nil
    }
}

extension Canvas {
    /// The canvas with every character replaced by ASCII (``ASCIIFallback``): each row keeps
    /// its width, and frames and columns stay where they are.
    public func asciiOnly() -> Canvas {
        var copy = self
        for y in 0..<height {
            let row = ASCIIFallback.asciiRow((0..<width).map { self[$0, y] })
            for x in 0..<width { copy[x, y] = row[x] }
        }
        return copy
    }
}
