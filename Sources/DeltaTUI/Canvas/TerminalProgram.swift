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
