/// A rectangle of cells, from the top-left corner.
public struct Rect: Sendable, Hashable {
    /// The left column, the top row, the width and the height, in cells.
    public var x: Int, y: Int, width: Int, height: Int

    /// A rectangle; a negative width or height counts as 0.
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    /// The rectangle shrunk by `by` cells on every side.
    public func inset(_ by: Int) -> Rect { Rect(x: x + by, y: y + by, width: width - 2 * by, height: height - 2 * by) }
    /// Whether it holds no cell.
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    /// The first column to its right.
    public var maxX: Int { x + width }
    /// The first row below it.
    public var maxY: Int { y + height }
}
