import TransitionSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the file system says of a segment file: enough to tell that a sealed segment is the very
/// file, unchanged, that was verified before, without reading it.
///
/// A sealed segment is never written again, so any change to it (an edit in place, or a file
/// written elsewhere and moved over it) changes its size, its inode, or its status-change time,
/// which the kernel sets on every write or rename and no ordinary call can set back. This is the
/// same evidence `git` trusts to skip re-hashing an unchanged file; `verify` still re-hashes
/// everything, whatever the fingerprints say.
public struct SegmentFingerprint: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    /// Last modification, in nanoseconds since 1970.
    public var modified: Int64
    /// Last status change (write, rename, permission change), in nanoseconds since 1970.
    public var changed: Int64

    public init(device: UInt64, inode: UInt64, size: Int, modified: Int64, changed: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
        self.changed = changed
    }

    /// The fingerprint of the file at `path`.
    public static func of(path: String) throws(EventLogError) -> SegmentFingerprint {
        var info = stat()
        guard stat(path, &info) == 0 else { throw POSIXFile.error("stat", path) }
        #if canImport(Darwin)
        let modified = info.st_mtimespec
        let changed = info.st_ctimespec
        #else
        let modified = info.st_mtim
        let changed = info.st_ctim
        #endif
        return SegmentFingerprint(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int(info.st_size),
            modified: Int64(modified.tv_sec) * 1_000_000_000 + Int64(modified.tv_nsec),
            changed: Int64(changed.tv_sec) * 1_000_000_000 + Int64(changed.tv_nsec))
    }

    /// The wall clock the file system stamps changes with, in nanoseconds since 1970.
    static func clockNow() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
