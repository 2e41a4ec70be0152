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
    /// How often it wants them: every 100 ms while something moves on the screen; a program
    /// that only polls (a file it watches) asks for fewer, since every tick draws a frame.
    var tickInterval: Duration { get }
}

extension TerminalProgram {
    /// Every 100 ms.
    public var tickInterval: Duration { .milliseconds(100) }
}
