/// The shape of image inputs (`data.image: [rows, columns]`): each example's n_0 inputs are
/// the pixels of a rows × columns image, row by row from the top, each row from the left, so
/// that input x_{k+1} (k counted from 0) is the pixel in row k / columns, column k mod columns
/// (both counted from 0).
public struct ImageShape: Sendable, Hashable {
    /// The number of pixel rows.
    public let rows: Int
    /// The number of pixel columns.
    public let columns: Int

    /// A shape of rows × columns pixels.
    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    /// The number of pixels, rows × columns: the inputs an example of this shape has.
    public var count: Int { rows * columns }

    /// The index (from 0) of the pixel in row r and column c, or nil outside the image.
    @inline(__always)
    func index(_ r: Int, _ c: Int) -> Int? {
        r >= 0 && r < rows && c >= 0 && c < columns ? r * columns + c : nil
    }

    /// The pixel in row r and column c, 0 outside the image (the background the transforms
    /// fill with).
    @inline(__always)
    func pixel(_ pixels: some RandomAccessCollection<Double>, _ r: Int, _ c: Int) -> Double {
        guard let k = index(r, c) else { return 0 }
        return pixels[pixels.index(pixels.startIndex, offsetBy: k)]
    }
}
