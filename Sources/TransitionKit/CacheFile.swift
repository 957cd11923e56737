#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and replaces the files the application keeps in a log's `snapshots` directory: caches
/// derived from the events, which the log never reads and which are always safe to delete.
///
/// Replacing writes a temporary file and renames it over the old one, so a reader sees the old
/// file or the new one, never a mixture. Every failure is quiet: a cache that cannot be read is
/// absent, and one that cannot be written (a read-only log) is simply not kept.
enum CacheFile {
    /// The whole file at `path`, or `nil` when it is missing, empty or unreadable.
    static func contents(at path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        let complete = bytes.withUnsafeMutableBytes { buffer in
            transfer(buffer.count) { done in read(descriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done) }
        }
        return complete ? bytes : nil
    }

    /// Replaces the file at `path` with `bytes`, best effort, creating its directory if need be.
    static func replace(_ path: String, with bytes: [UInt8]) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let directory = String(path[..<slash])
        let name = String(path[path.index(after: slash)...])
        mkdir(directory, 0o2770)
        let temporary = directory + "/.\(name).\(getpid()).tmp"
        guard store(bytes, at: temporary) else {
            unlink(temporary)
            return
        }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    private static func store(_ bytes: [UInt8], at path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return bytes.withUnsafeBytes { buffer in
            transfer(buffer.count) { done in write(descriptor, buffer.baseAddress.map { $0 + done }, buffer.count - done) }
        }
    }

    /// Calls `step(done)` (a `read` or `write` of the rest, after `done` bytes) until `total` bytes
    /// have moved, retrying an interrupted call; whether they all did.
    private static func transfer(_ total: Int, _ step: (Int) -> Int) -> Bool {
        var done = 0
        while done < total {
            let count = step(done)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            done += count
        }
        return true
    }
}
