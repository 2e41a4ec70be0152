/// Something that happened to the program.
public enum Event: Sendable, Hashable {
    /// A key was pressed.
    case key(Key)
    /// The terminal has a new size.
    case resize(width: Int, height: Int)
    /// Time passed (about every 100 ms while the program wants ticks).
    case tick
}
