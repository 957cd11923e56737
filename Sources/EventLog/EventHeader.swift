import TransitionSupport

/// The envelope facts of one stored event that a pre-pass needs, read without decoding its payload.
///
/// A replay that streams the log in blocks must know every correction before it folds the events
/// they correct, so it first reads each event's type and time (cheap: a canonical line's first
/// fields and its fixed suffix) and asks for the whole record of only the few types it needs.
public struct EventHeader: Sendable, Hashable {
    public var sequence: Int
    public var type: String
    public var recordedAt: Timestamp
    public var hash: SHA256Digest
    public var batch: BatchMarker?
    /// The whole record, for the types the caller asked for; `nil` for the rest.
    public var record: EventRecord? {
        get { boxedRecord?.record }
        set { boxedRecord = newValue.map(RecordBox.init) }
    }
    /// The record lives behind a reference, so that the header, copied and moved once per event
    /// while the log streams, stays small.
    private var boxedRecord: RecordBox?

    public init(sequence: Int, type: String, recordedAt: Timestamp, hash: SHA256Digest, batch: BatchMarker?, record: EventRecord?) {
        self.sequence = sequence
        self.type = type
        self.recordedAt = recordedAt
        self.hash = hash
        self.batch = batch
        self.boxedRecord = record.map(RecordBox.init)
    }

    /// The header of `record`, keeping the record itself when `keepingRecord`.
    init(_ record: EventRecord, keepingRecord: Bool) {
        self.init(
            sequence: record.sequence, type: record.type, recordedAt: record.recordedAt, hash: record.hash, batch: record.batch,
            record: keepingRecord ? record : nil)
    }
}

extension EventHeader: StreamedEntry {}

/// An immutable record behind a reference (see ``EventHeader/record``); equal when the records are.
private final class RecordBox: Sendable, Hashable {
    let record: EventRecord

    init(_ record: EventRecord) { self.record = record }

    static func == (left: RecordBox, right: RecordBox) -> Bool { left.record == right.record }
    func hash(into hasher: inout Hasher) { hasher.combine(record) }
}

extension EventHeader {
    /// Reads the header of one stored line (without its newline), with the whole record when its
    /// type is in `fullRecordTypes`.
    ///
    /// A line in the writer's canonical form is read from its first fields (`seq`, `id`, `type`,
    /// `schema`, `recordedAt`) and its fixed suffix (`batch`, `prev`, `hash`) without looking at the
    /// payload; any other line goes through the full decoder, so an unreadable line gets its usual
    /// verdict. A payload that would not decode is found by the replay's second, full pass.
    static func read(line: UnsafeBufferPointer<UInt8>, fullRecordTypes: Set<String>) -> Result<EventHeader, LineDecodingError> {
        if let header = canonical(line), !fullRecordTypes.contains(header.type) { return .success(header) }
        do {
            let record = try EventRecord.decode(line: line, checkingHash: false).record
            return .success(EventHeader(record, keepingRecord: fullRecordTypes.contains(record.type)))
        } catch {
            return .failure(error)
        }
    }

    /// The length of `,"prev":"<64 hex>"`, which comes just before the hash suffix.
    private static let previousFieldLength = 74

    /// The header of a canonical line, or `nil` when the line is not plainly canonical.
    static func canonical(_ line: UnsafeBufferPointer<UInt8>) -> EventHeader? {
        guard let start = line.baseAddress, line.count > CanonicalLine.hashSuffixLength + previousFieldLength + 20 else { return nil }
        var cursor = CanonicalJSONCursor(start, count: line.count)
        guard cursor.consume("{\"seq\":"), let sequence = cursor.integer(),
            cursor.consume(",\"id\":"), cursor.string() != nil,
            cursor.consume(",\"type\":"), let typeRange = cursor.string(),
            cursor.consume(",\"schema\":"), cursor.integer() != nil,
            cursor.consume(",\"recordedAt\":"), let recordedAt = CanonicalLine.timestamp(&cursor)
        else { return nil }
        let typeBytes = UnsafeBufferPointer(rebasing: line[typeRange])
        // Event types are plain ASCII; anything escaped is left to the full decoder.
        guard !typeBytes.contains(UInt8(ascii: "\\")) else { return nil }
        let bodyEnd = line.count - CanonicalLine.hashSuffixLength
        let previousStart = bodyEnd - previousFieldLength
        guard previousStart > cursor.index,
            matches(line, at: bodyEnd, ",\"hash\":\""), matches(line, at: previousStart, ",\"prev\":\""),
            line[bodyEnd - 1] == UInt8(ascii: "\""), line[line.count - 2] == UInt8(ascii: "\""),
            line[line.count - 1] == UInt8(ascii: "}"),
            let hash = SHA256Digest(lowercaseHex: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(line)[(line.count - 66)..<(line.count - 2)]))
        else { return nil }
        guard let batch = batchMarker(in: line, endingAt: previousStart, after: cursor.index) else { return nil }
        return EventHeader(
            sequence: sequence, type: String(decoding: typeBytes, as: UTF8.self), recordedAt: recordedAt, hash: hash,
            batch: batch, record: nil)
    }

    /// The `,"batch":{"first":N,"size":M}` member ending at `end`, if there is one there.
    ///
    /// Every member before `prev` ends with `}` (`data`, `system`, `signature` and `batch` are
    /// objects), and only a batch marker's `}` directly follows `"size":<digits>` preceded by
    /// `,"batch":{"first":<digits>`: a nested object with those keys would need one more `}` to
    /// close the member that holds it. Returns `.some(nil)` when there is no marker, and `nil` (not
    /// plainly canonical: the caller falls back to the full decoder) when `end` is not after a `}`
    /// or something that starts like a marker is not one.
    private static func batchMarker(
        in line: UnsafeBufferPointer<UInt8>, endingAt end: Int, after floor: Int
    ) -> BatchMarker?? {
        guard let start = line.baseAddress, line[end - 1] == UInt8(ascii: "}") else { return nil }
        let earliest = max(floor, end - 64)
        var candidate = end - 1
        while candidate >= earliest {
            if line[candidate] == UInt8(ascii: ","), matches(line, at: candidate, ",\"batch\":{\"first\":") {
                var cursor = CanonicalJSONCursor(start, count: end)
                cursor.index = candidate
                if cursor.consume(",\"batch\":{\"first\":"), let first = cursor.integer(), cursor.consume(",\"size\":"),
                    let size = cursor.integer(), cursor.consume("}"), cursor.isAtEnd
                {
                    return .some(BatchMarker(first: first, size: size))
                }
                return nil
            }
            candidate -= 1
        }
        return .some(nil)
    }

    private static func matches(_ line: UnsafeBufferPointer<UInt8>, at offset: Int, _ literal: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard offset >= 0, offset + expected.count <= line.count else { return false }
        return line[offset..<(offset + expected.count)].elementsEqual(expected)
    }
}
