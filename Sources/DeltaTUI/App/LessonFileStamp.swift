import Foundation

/// What the screen knows of the open lesson file to notice that it was saved: its
/// modification time, size and file number (an editor that saves by renaming a new file
/// over the old one changes it). Read on ticks; cheap enough for every tick.
public struct LessonFileStamp: Sendable, Hashable {
    /// The modification time.
    let modified: Date?
    /// The file's size in bytes.
    let size: UInt64?
    /// The file's number in its file system (its inode).
    let fileNumber: UInt64?

    /// The stamp of the file at `path` now, or nil when there is no such file.
    public init?(path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        modified = attributes[.modificationDate] as? Date
        size = (attributes[.size] as? NSNumber)?.uint64Value
        fileNumber = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
    }
}
