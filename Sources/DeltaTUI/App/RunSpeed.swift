/// How fast `r` runs: a level of ``levels``, each a number of steps per tick, from a walk
/// to "as fast as the machine can" (steps for up to ``TraceApp/trainingSlice`` each tick).
///
/// Tests count steps per tick (``stepsPerTick``), never time; the steps per second shown
/// are the steps per tick times ``ticksPerSecond``, the rate the terminal backend ticks at.
public struct RunSpeed: Sendable, Hashable {
    /// Steps per tick at each level; nil: as many as fit in a time slice.
    public static let levels: [Int?] = [1, 3, 10, 30, 100, 300, 1000, nil]
    /// Ticks per second of the terminal backend (`CursesTerminal` ticks every 100 ms).
    public static let ticksPerSecond = 10

    /// The index of the level in ``levels``.
    public private(set) var level: Int

    /// A speed at a level (clamped to ``levels``); the default is 3 steps a tick.
    public init(level: Int = 1) {
        self.level = min(max(level, 0), RunSpeed.levels.count - 1)
    }

    /// The steps one tick takes, or nil for as many as a time slice allows.
    public var stepsPerTick: Int? { RunSpeed.levels[level] }

    /// Whether this is the fastest level.
    public var isFastest: Bool { level == RunSpeed.levels.count - 1 }
    /// Whether this is the slowest level.
    public var isSlowest: Bool { level == 0 }

    /// One level faster (stays at the fastest).
    public mutating func faster() { level = min(level + 1, RunSpeed.levels.count - 1) }
    /// One level slower (stays at the slowest).
    public mutating func slower() { level = max(level - 1, 0) }

    /// "speed 2/8 · ≈30 steps/s", or "speed 8/8 · as fast as the machine can".
    public var label: String {
        let rate = stepsPerTick.map { "≈\($0 * RunSpeed.ticksPerSecond) steps/s" } ?? "as fast as the machine can"
        return "speed \(level + 1)/\(RunSpeed.levels.count) · \(rate)"
    }
}
