import TransitionSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, throwing wrappers over the POSIX calls the log needs for durability (write, fsync, flock).
///
/// Foundation's file APIs do not expose fsync of a directory or flock, and hide partial writes, so
/// the log speaks POSIX directly and turns each failure into an `EventLogError` naming the path.
struct POSIXFile: ~Copyable {
    let descriptor: Int32
    let path: String

    init(path: String, flags: Int32, mode: mode_t = 0o640) throws(EventLogError) {
        let fd = open(path, flags | O_CLOEXEC, mode)
        guard fd >= 0 else { throw POSIXFile.error("open", path) }
        descriptor = fd
        self.path = path
    }

    deinit { close(descriptor) }

    static func error(_ operation: String, _ path: String, code: Int32 = errno) -> EventLogError {
        switch code {
        case ENOSPC, EDQUOT: return .diskFull(path: path)
        case EROFS: return .readOnlyFileSystem(path: path)
        default:
            return .io(operation: operation, path: path, code: code, message: String(cString: strerror(code)))
        }
    }

    /// Writes every byte, retrying short writes and EINTR.
    func writeAll(_ bytes: [UInt8]) throws(EventLogError) {
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                guard let base = raw.baseAddress else { return }
                let written = write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure != 0 { throw POSIXFile.error("write", path, code: failure) }
    }

    func sync() throws(EventLogError) {
        while fsync(descriptor) != 0 {
            if errno == EINTR { continue }
            throw POSIXFile.error("fsync", path)
        }
    }

    func size() throws(EventLogError) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw POSIXFile.error("stat", path) }
        return Int(info.st_size)
    }

    func truncate(to length: Int) throws(EventLogError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw POSIXFile.error("truncate", path) }
    }

    func seekToEnd() throws(EventLogError) {
        guard lseek(descriptor, 0, SEEK_END) >= 0 else { throw POSIXFile.error("seek", path) }
    }

    /// Reads up to `count` bytes at `offset` into `buffer`, returning how many were read.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(EventLogError) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        while true {
            let count = pread(descriptor, base, buffer.count, off_t(offset))
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXFile.error("read", path)
            }
            return count
        }
    }

    /// Reads the whole file.
    func readAll() throws(EventLogError) -> [UInt8] {
        let size = try self.size()
        var bytes = [UInt8](repeating: 0, count: size)
        var failure: EventLogError?
        let count = bytes.withUnsafeMutableBytes { raw -> Int in
            do {
                return try read(into: raw, at: 0)
            } catch let error as EventLogError {
                failure = error
                return 0
            } catch {
                return 0
            }
        }
        if let failure { throw failure }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// Takes an exclusive flock, polling until `timeout` seconds have passed.
    func lockExclusively(timeout: Double) throws(EventLogError) {
        let deadline = Timestamp.monotonicSeconds() + timeout
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else { throw POSIXFile.error("lock", path) }
            if Timestamp.monotonicSeconds() >= deadline {
                throw EventLogError.lockTimeout(path: path, seconds: timeout)
            }
            usleep(2_000)
        }
    }

    /// Flushes a directory's entries (new or renamed files) to disk.
    static func syncDirectory(_ path: String) throws(EventLogError) {
        let file = try POSIXFile(path: path, flags: O_RDONLY | O_DIRECTORY)
        try file.sync()
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }

    /// Why `path` cannot be written: a read-only file system, or missing permission.
    static func writeRefusal(_ path: String) -> EventLogError {
        access(path, W_OK) != 0 && errno == EROFS ? .readOnlyFileSystem(path: path) : .readOnly(path: path)
    }

    static func makeDirectory(_ path: String, mode: mode_t = 0o2770) throws(EventLogError) {
        guard mkdir(path, mode) == 0 || errno == EEXIST else { throw POSIXFile.error("mkdir", path) }
    }

    /// Creates `path` and any missing parents (like `mkdir -p`).
    static func makeDirectories(_ path: String, mode: mode_t = 0o2770) throws(EventLogError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if !isDirectory(prefix) { try makeDirectory(prefix, mode: mode) }
            prefix += "/"
        }
    }

    /// Writes `bytes` to `path` atomically: temporary file, fsync, rename, fsync of the directory.
    static func writeAtomically(_ bytes: [UInt8], to path: String, directory: String, mode: mode_t = 0o640) throws(EventLogError) {
        let temporary = path + ".tmp-\(getpid())"
        do {
            let file = try POSIXFile(path: temporary, flags: O_WRONLY | O_CREAT | O_TRUNC, mode: mode)
            try file.writeAll(bytes)
            try file.sync()
        }
        guard rename(temporary, path) == 0 else {
            let failure = POSIXFile.error("rename", path)
            unlink(temporary)
            throw failure
        }
        try syncDirectory(directory)
    }

    /// Names in a directory (no `.` / `..`), sorted.
    static func list(_ path: String) throws(EventLogError) -> [String] {
        guard let stream = opendir(path) else { throw POSIXFile.error("list", path) }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

extension Timestamp {
    /// Seconds on the monotonic clock, for timeouts.
    static func monotonicSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}
