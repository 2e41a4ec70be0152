/// A subscript: a variable such as l, j or m, a number, or a variable plus an offset
/// (l − 1).
public enum Index: Sendable, Hashable {
    /// A free index such as "l", "i", "j", "k", "m" or "L".
    case variable(String)
    /// A bound index.
    case literal(Int)
    /// A variable plus a constant, such as l − 1.
    case offset(String, Int)
}
