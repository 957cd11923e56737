import EventLog
import Foundation
import TransitionSupport

/// Fingerprints evidence files with SHA-256 so that a later change to a document can be detected.
public enum EvidenceHasher {
    /// The reference for a file: its base name, SHA-256 and size, read in 1 MiB pieces.
    public static func reference(forFile path: String, name: String? = nil) throws(InputError) -> EvidenceReference {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(location: "evidence", message: "cannot read evidence file '\(path)'; check the path, or give just a name without a file")
        }
        defer { try? handle.close() }
        var hasher = SHA256()
        var size = 0
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw InputError(location: "evidence", message: "failed reading evidence file '\(path)': \(error)")
            }
            if chunk.isEmpty { break }
            size += chunk.count
            hasher.update(chunk)
        }
        let displayName = name ?? (path as NSString).lastPathComponent
        return EvidenceReference(name: displayName, sha256: hasher.finalize().hex, bytes: size)
    }
}

/// A problem with what the user gave us (a file, a flag, a JSON document), naming where it is.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var location: String
    public var message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}
