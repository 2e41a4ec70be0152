import Foundation

/// What the screen knows of the open lesson file to notice that it was saved: its
/// modification time (to the nanosecond), size and inode (an editor that saves by renaming
/// a new file over the old one changes it). Read on ticks; cheap enough for every tick.
public struct LessonFileStamp: Sendable, Hashable {
    /// Seconds of the modification time.
    let seconds: Int
    /// Nanoseconds of the modification time.
    let nanoseconds: Int
    /// The file's size in bytes.
    let size: Int
    /// The file's inode.
    let inode: UInt64

    /// The stamp of the file at `path` now, or nil when there is no such file.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        size = Int(info.st_size)
        inode = UInt64(info.st_ino)
    }
}
