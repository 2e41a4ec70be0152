/// Where a lesson's data came from.
public struct DataDescription: Sendable, Hashable {
    /// The kinds of data file.
    public enum FileFormat: Sendable, Hashable {
        /// Text with a header row of column names.
        case csv
        /// IDX, the MNIST format: images (or rows of numbers) in one file, labels in another.
        case idx
    }

    /// The data file (CSV or IDX), if the data came from one, as written in the lesson.
    public var file: String?
    /// The generator, if the data was generated.
    public var generator: String?
    /// The input column names (from a file).
    public var inputColumns: [String]
    /// The target column names, or for a class column the class names in one-hot order.
    public var targetNames: [String]
    /// The kind of `file`, if the data came from one.
    public var fileFormat: FileFormat? = nil
    /// The IDX file of class labels (`labels`, as written in the lesson), with an IDX `file`.
    public var labels: String? = nil
    /// With an IDX `file`, the sizes of one example: [rows, columns] for images, [] for a
    /// vector's single values, [k] for rows of k numbers.
    public var exampleDimensions: [Int]? = nil
}
