import TransitionSupport

/// A note that a torn tail was cut off when the log was opened for writing.
///
/// A crash mid-append can leave a partial line or part of a batch that was never acknowledged.
/// The writer removes it before appending, and keeps what it removed here, so nothing disappears
/// silently and `verify` can show every repair.
public struct RepairRecord: Sendable, Hashable {
    public var detectedAt: Timestamp
    public var segment: String
    public var offset: Int
    public var removedBytes: Int
    /// `torn-line` (bytes with no newline) or `unfinished-batch` (complete lines of a batch cut short).
    public var kind: String
    /// Sequence numbers of the complete lines removed (unfinished batch), if any.
    public var sequences: [Int]
    /// The removed bytes as text (invalid UTF-8 is replaced), for forensic review.
    public var removedText: String

    var json: JSONValue {
        .object([
            "detectedAt": .string(detectedAt.description), "segment": .string(segment), "offset": .int(offset),
            "removedBytes": .int(removedBytes), "kind": .string(kind), "sequences": .array(sequences.map { .int($0) }),
            "removedText": .string(removedText),
        ])
    }

    init(detectedAt: Timestamp, segment: String, offset: Int, removedBytes: Int, kind: String, sequences: [Int], removedText: String) {
        self.detectedAt = detectedAt
        self.segment = segment
        self.offset = offset
        self.removedBytes = removedBytes
        self.kind = kind
        self.sequences = sequences
        self.removedText = removedText
    }

    init?(json: JSONValue) {
        guard let detected = json["detectedAt"]?.stringValue.flatMap(Timestamp.init(iso8601:)),
            let segment = json["segment"]?.stringValue, let offset = json["offset"]?.intValue,
            let removed = json["removedBytes"]?.intValue, let kind = json["kind"]?.stringValue
        else { return nil }
        self.init(
            detectedAt: detected, segment: segment, offset: offset, removedBytes: removed, kind: kind,
            sequences: json["sequences"]?.arrayValue?.compactMap(\.intValue) ?? [],
            removedText: json["removedText"]?.stringValue ?? "")
    }
}

extension EventLog {
    /// Every repair made so far, oldest first.
    public func repairs() throws -> [RepairRecord] {
        guard POSIXFile.exists(layout.repairsFile) else { return [] }
        var records: [RepairRecord] = []
        _ = try LineReader.forEachLine(path: layout.repairsFile) { line, _, _ in
            if let value = try? JSONParser.parse(line), let record = RepairRecord(json: value) {
                records.append(record)
            }
            return true
        }
        return records
    }
}
