/// A colour of the terminal's basic palette.
public enum Color: Int16, Sendable, Hashable, CaseIterable {
    case black = 0, red, green, yellow, blue, magenta, cyan, white
}
