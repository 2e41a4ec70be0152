/// Where a training example came from: its data row (counted from 0 in file order), and
/// for a copy made by ``Expansion``, which copy of that row it is and how it was made.
public struct ExampleOrigin: Sendable, Hashable {
    /// The data row, counted from 0 in file order (after `rows`, before any split).
    public let row: Int
    /// 0 for the row itself; k for its k-th copy (from 1), in the order ``Expansion`` makes them.
    public let copy: Int
    /// How the copy was made; nil for the row itself.
    public let transform: ExampleTransform?

    /// An origin; see each property.
    public init(row: Int, copy: Int = 0, transform: ExampleTransform? = nil) {
        self.row = row
        self.copy = copy
        self.transform = transform
    }

    /// Whether the example is its data row as read (not a copy).
    public var isOriginal: Bool { transform == nil }
}
