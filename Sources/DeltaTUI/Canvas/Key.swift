/// A key the user pressed.
public enum Key: Sendable, Hashable {
    case character(Character)
    case up, down, left, right
    case enter, escape, backspace, tab, backTab
    case pageUp, pageDown, home, end
    /// Ctrl-C (delivered as a key once the backend has taken SIGINT over).
    case interrupt
}

/// Something that happened to the program.
public enum Event: Sendable, Hashable {
    case key(Key)
    /// The terminal has a new size.
    case resize(width: Int, height: Int)
    /// Time passed (about every 100 ms while the program wants ticks).
    case tick
}

/// A full-screen program in the Model–Update–View style: events change its state, and
/// its state renders into a canvas. The backend owns the terminal; the program never
/// touches it, so every screen can be tested by rendering into a canvas.
public protocol TerminalProgram {
    /// Handles one event. Returns false to quit.
    mutating func handle(_ event: Event) -> Bool
    /// Draws the whole screen.
    func render(into canvas: inout Canvas)
    /// Whether the program wants `.tick` events (while an animation runs).
    var wantsTicks: Bool { get }
}
