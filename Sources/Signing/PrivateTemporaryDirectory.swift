import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A directory only this user can enter (0700), for the files ssh-keygen reads and writes.
///
/// Messages, signatures and allowed-signers lists pass through files; keeping them in a fresh
/// private directory, removed after each operation, stops other users reading or swapping them.
struct PrivateTemporaryDirectory: Sendable {
    /// The directory's absolute path.
    let path: String

    /// Creates a fresh directory under the system temporary directory with `mkdtemp` (0700).
    static func make() throws(ToolFailure) -> PrivateTemporaryDirectory {
        var base = FileManager.default.temporaryDirectory.path
        if !base.hasSuffix("/") { base += "/" }
        var template = Array((base + "transition-signing.XXXXXX").utf8CString)
        let created: String? = template.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress, let result = mkdtemp(start) else { return nil }
            return String(cString: result)
        }
        guard let created else {
            throw .fileProblem("cannot create a private directory in \(base): \(String(cString: strerror(errno)))")
        }
        return PrivateTemporaryDirectory(path: created)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String {
        path + "/" + name
    }

    /// Writes `bytes` to a new file `name` (0600) and returns its path.
    func write(_ name: String, _ bytes: [UInt8]) throws(ToolFailure) -> String {
        let target = file(name)
        guard FileManager.default.createFile(atPath: target, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else { throw .fileProblem("cannot write \(target)") }
        return target
    }

    /// Writes `text` as UTF-8 to a new file `name` (0600) and returns its path.
    func write(_ name: String, text: String) throws(ToolFailure) -> String {
        try write(name, Array(text.utf8))
    }

    /// Deletes the directory and everything in it; failures are ignored (nothing else to do).
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
