/// A colour of the terminal's basic palette.
public enum Color: Int16, Sendable, Hashable, CaseIterable {
    /// The eight ANSI colours, numbered as curses numbers them.
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}
