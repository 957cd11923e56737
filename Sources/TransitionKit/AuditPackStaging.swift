import EventLog
import Foundation
import TransitionSupport

/// The folder an audit pack is written into before it takes the name the user asked for.
///
/// For a new destination it is a hidden sibling, renamed to the destination only once every file
/// is written; for an existing (empty) destination folder, which may be someone's working
/// directory and must stay the same folder, it is a hidden folder inside it whose entries are
/// moved up at the end. Either way a failure part-way (a full disk, a damaged log) leaves no half
/// pack. Files are written in chunks and hashed as they are written, so a pack of a long log is
/// made in bounded memory, and the SHA-256 of each is at hand for the manifest.
final class AuditPackStaging {
    /// Where the finished pack goes.
    let destination: String
    /// The staging folder itself.
    let path: String
    /// Whether the destination folder exists already (the staging folder is then inside it).
    private let destinationExists: Bool
    /// The SHA-256 of every file written so far, by path relative to the pack.
    private(set) var digests: [String: SHA256Digest] = [:]

    /// Creates the staging folder (and the destination's parent folders when needed).
    init(destination: String) throws {
        let target = URL(fileURLWithPath: destination).standardizedFileURL
        var isDirectory: ObjCBool = false
        destinationExists = FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) && isDirectory.boolValue
        let parent = destinationExists ? target : target.deletingLastPathComponent()
        self.destination = target.path
        path = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(UUIDs.random())").path
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw InputError(location: destination, message: "cannot create the folder (\(error.localizedDescription)); check the path and permissions")
        }
    }

    /// Writes `bytes` as the file `relativePath`.
    func store(_ bytes: [UInt8], at relativePath: String) throws {
        try stream(relativePath) { try $0.write(bytes) }
    }

    /// Writes the file `relativePath` from what `produce` hands its sink, chunk by chunk.
    func stream(_ relativePath: String, _ produce: (inout AuditPackFileSink) throws -> Void) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
        let handle: FileHandle
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown)
            }
            handle = try FileHandle(forWritingTo: url)
        } catch {
            throw AuditPackFileSink.failure(writing: relativePath, error)
        }
        defer { try? handle.close() }
        var sink = AuditPackFileSink(handle: handle, relativePath: relativePath)
        try produce(&sink)
        try sink.flush()
        digests[relativePath] = sink.digest
    }

    /// Moves the finished pack to its destination.
    func publish() throws {
        guard destinationExists else {
            guard rename(path, destination) == 0 else { throw placementFailure(String(cString: strerror(errno))) }
            return
        }
        // Into the existing folder: every top-level entry moves up (a rename within one file system),
        // then the emptied staging folder goes.
        // Should a move fail (the folder filled up meanwhile), the entries already moved are removed
        // again, so the folder holds nothing of a half pack.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        var moved: [String] = []
        for entry in entries.sorted() {
            guard rename(path + "/" + entry, destination + "/" + entry) == 0 else {
                let failure = placementFailure(String(cString: strerror(errno)))
                for done in moved { try? FileManager.default.removeItem(atPath: destination + "/" + done) }
                throw failure
            }
            moved.append(entry)
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    private func placementFailure(_ reason: String) -> InputError {
        InputError(
            location: destination,
            message: "cannot move the finished pack into place (\(reason)); if the folder is no longer empty, give --out a new folder name")
    }

    /// Removes the staging folder and everything in it (after a failure).
    func discard() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// One audit pack file being written: bytes are buffered, hashed and written a chunk at a time.
struct AuditPackFileSink {
    private static let chunkBytes = 1 << 20
    private let handle: FileHandle
    private let relativePath: String
    private var buffer: [UInt8] = []
    private var hasher = SHA256()

    fileprivate init(handle: FileHandle, relativePath: String) {
        self.handle = handle
        self.relativePath = relativePath
        buffer.reserveCapacity(Self.chunkBytes)
    }

    /// Appends `bytes` to the file.
    mutating func write(_ bytes: some Collection<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.chunkBytes { try flush() }
    }

    /// Writes out what is buffered.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        hasher.update(buffer)
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw Self.failure(writing: relativePath, error)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// The SHA-256 of everything written (call after the last ``flush()``).
    fileprivate var digest: SHA256Digest {
        var copy = hasher
        return copy.finalize()
    }

    fileprivate static func failure(writing relativePath: String, _ error: any Error) -> InputError {
        InputError(
            location: relativePath,
            message: "cannot write the audit pack file (\(error.localizedDescription)); check free space and permissions (no pack was made)")
    }
}
