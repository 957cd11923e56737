import EventLog
import TransitionSupport

/// Keeps a log's ``VerifiedSegments`` in `<log>/snapshots/verified-segments.json`, so that a query
/// re-hashes only the segments that may have changed since the last check.
///
/// One JSON document, `{"format":"transition.verified-segments/1","segments":[...]}`, each segment
/// with its file name, fingerprint and last event. Like the projection snapshot it is a cache: a
/// file that is missing, unreadable or of another format counts as nothing verified, and one that
/// cannot be written (a read-only log) is simply not kept.
struct VerifiedSegmentsStore {
    static let format = "transition.verified-segments/1"
    static let fileName = "verified-segments.json"

    let path: String

    init(log: EventLog) {
        path = log.layout.root + "/snapshots/" + Self.fileName
    }

    /// The segments recorded as verified, or ``VerifiedSegments/none``.
    func load() -> VerifiedSegments {
        guard let bytes = CacheFile.contents(at: path), let document = try? JSONParser.parse(bytes),
            document["format"]?.stringValue == Self.format, let segments = document["segments"]?.arrayValue
        else { return .none }
        var entries: [VerifiedSegments.Entry] = []
        for segment in segments {
            guard let entry = Self.entry(segment) else { return .none }
            entries.append(entry)
        }
        return VerifiedSegments(entries: entries)
    }

    /// Records `verified`, best effort.
    func save(_ verified: VerifiedSegments) {
        let segments = verified.entries.map { entry -> JSONValue in
            var last: JSONObject = ["seq": .int(entry.last.sequence), "hash": .string(entry.last.hash.hex)]
            if let recordedAt = entry.last.recordedAt { last["recordedAt"] = .string(recordedAt.description) }
            return .object([
                "name": .string(entry.name), "device": .int(Int(bitPattern: UInt(entry.fingerprint.device))),
                "inode": .int(Int(bitPattern: UInt(entry.fingerprint.inode))), "size": .int(entry.fingerprint.size),
                "modified": .int(Int(entry.fingerprint.modified)), "changed": .int(Int(entry.fingerprint.changed)),
                "last": .object(last),
            ])
        }
        let document: JSONValue = .object(["format": .string(Self.format), "segments": .array(segments)])
        CacheFile.replace(path, with: JSONWriter.canonical(document) + [0x0A])
    }

    private static func entry(_ segment: JSONValue) -> VerifiedSegments.Entry? {
        guard let name = segment["name"]?.stringValue, let device = segment["device"]?.intValue,
            let inode = segment["inode"]?.intValue, let size = segment["size"]?.intValue,
            let modified = segment["modified"]?.intValue, let changed = segment["changed"]?.intValue,
            let sequence = segment["last"]?["seq"]?.intValue, let hex = segment["last"]?["hash"]?.stringValue,
            let hash = SHA256Digest(hex: hex)
        else { return nil }
        var recordedAt: Timestamp?
        if let text = segment["last"]?["recordedAt"]?.stringValue {
            guard let time = Timestamp(iso8601: text) else { return nil }
            recordedAt = time
        }
        let fingerprint = SegmentFingerprint(
            device: UInt64(UInt(bitPattern: device)), inode: UInt64(UInt(bitPattern: inode)), size: size,
            modified: Int64(modified), changed: Int64(changed))
        return VerifiedSegments.Entry(
            name: name, fingerprint: fingerprint, last: EventLog.Head(sequence: sequence, hash: hash, recordedAt: recordedAt))
    }
}
