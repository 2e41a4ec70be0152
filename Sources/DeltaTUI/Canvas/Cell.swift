/// One character cell: a single-column grapheme and its style.
public struct Cell: Sendable, Hashable {
    /// The character shown (one column wide).
    public var character: Character
    /// How it is drawn.
    public var style: Style

    /// A cell; a blank one by default.
    public init(_ character: Character = " ", style: Style = .plain) {
        self.character = character
        self.style = style
    }
}
