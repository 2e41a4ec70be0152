/// Where a lesson's data came from.
public struct DataDescription: Sendable, Hashable {
    /// The CSV file, if the data came from one (as written in the lesson, and resolved).
    public var file: String?
    /// The generator, if the data was generated.
    public var generator: String?
    /// The input column names (from a file).
    public var inputColumns: [String]
    /// The target column names, or for a class column the class names in one-hot order.
    public var targetNames: [String]
}
