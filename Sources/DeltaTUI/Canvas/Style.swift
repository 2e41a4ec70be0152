/// How a cell is drawn. Without colour (NO_COLOR, or a terminal without it) the backend
/// keeps bold, dim, reverse and underline and drops the colours.
public struct Style: Sendable, Hashable {
    /// The text colour (nil: the terminal's default).
    public var foreground: Color?
    /// The background colour (nil: the terminal's default).
    public var background: Color?
    /// Bold (or bright) text.
    public var bold = false
    /// Dim text.
    public var dim = false
    /// Foreground and background swapped.
    public var reverse = false
    /// Underlined text.
    public var underline = false

    /// A style; see each property.
    public init(foreground: Color? = nil, background: Color? = nil, bold: Bool = false, dim: Bool = false,
                reverse: Bool = false, underline: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// The terminal's default look.
    public static let plain = Style()
}
