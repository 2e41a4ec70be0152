/// ASCII stand-ins for the Unicode characters the views draw, used when the terminal's
/// locale is not UTF-8 (or `--ascii` is given). Views always draw Unicode; the backend (or
/// a test) transliterates each cell.
public enum ASCIIFallback {
    static let table: [Character: Character] = [
        "─": "-", "│": "|", "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "━": "=", "┃": "|", "╭": "+", "╮": "+", "╰": "+", "╯": "+", "═": "=", "║": "|",
        "▁": "_", "▂": "_", "▃": "-", "▄": "-", "▅": "=", "▆": "=", "▇": "#", "█": "#", "▏": "|", "▌": "|", "▐": "|",
        "░": ".", "▒": ":", "▓": "#", "●": "o", "○": "o", "◆": "*", "◇": "*", "■": "#", "□": "#", "▶": ">", "◀": "<",
        "▲": "^", "▼": "v", "→": ">", "←": "<", "↑": "^", "↓": "v", "·": "*", "×": "x", "−": "-", "…": "~",
        "δ": "d", "σ": "s", "η": "n", "λ": "L", "Σ": "E", "∂": "d", "′": "'", "≈": "~", "≤": "<", "≥": ">", "≠": "#",
        "⊙": "*", "✓": "v", "✗": "x", "•": "*", "⏸": "|", "⎯": "-", "∞": "8", "√": "V", "½": "h",
        "₀": "0", "₁": "1", "₂": "2", "₃": "3", "₄": "4", "₅": "5", "₆": "6", "₇": "7", "₈": "8", "₉": "9",
        "ᵢ": "i", "ⱼ": "j", "ₖ": "k", "ₗ": "l", "ₘ": "m", "ₙ": "n", "ₓ": "x", "⁻": "-", "⁺": "+",
        "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    ]

    /// The ASCII character to show for a character (itself if it is ASCII; "?" if unknown).
    public static func ascii(_ c: Character) -> Character {
        if c.isASCII { return c }
        if let mapped = table[c] { return mapped }
        // Braille dots (charts) become a dot when any dot is set.
        if let scalar = c.unicodeScalars.first, (0x2800...0x28FF).contains(scalar.value) { return scalar.value == 0x2800 ? " " : "." }
        return "?"
    }
}

extension Canvas {
    /// The canvas with every character replaced by its ASCII stand-in.
    public func asciiOnly() -> Canvas {
        var copy = self
        for y in 0..<height {
            for x in 0..<width { copy[x, y].character = ASCIIFallback.ascii(self[x, y].character) }
        }
        return copy
    }
}
