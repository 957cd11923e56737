import TransitionSupport

/// The envelope facts of one stored event that a pre-pass needs, read without decoding its payload.
///
/// A replay that streams the log in blocks must know every correction before it folds the events
/// they correct, so it first reads each event's type and time (without building the payload) and
/// asks for the whole record of only the few types it needs. A replay of everything reads the
/// cheaper ``EventTypeMark`` instead, and headers only when the type marks must be checked again.
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
final class RecordBox: Sendable, Hashable {
    let record: EventRecord

    init(_ record: EventRecord) { self.record = record }

    static func == (left: RecordBox, right: RecordBox) -> Bool { left.record == right.record }
    func hash(into hasher: inout Hasher) { hasher.combine(record) }
}

extension EventHeader {
    /// Reads the header of one stored line (without its newline), with the whole record when its
    /// type is in `fullRecordTypes`.
    ///
    /// A line in the writer's canonical form is read byte by byte, as `verify` reads it
    /// (`CanonicalLine`: every field in its documented place, the payload checked to be canonical
    /// JSON but not built); any other line goes through the full decoder. Either way the header
    /// holds exactly the values the full decoder reads (`EventHeaderTests`, and the event-line fuzz
    /// target). A payload that is canonical JSON but wrong for its type is found by the replay's
    /// second, full pass.
    static func read(line: UnsafeBufferPointer<UInt8>, fullRecordTypes: Set<String>) -> Result<EventHeader, LineDecodingError> {
        if let header = canonical(line), !fullRecordTypes.contains(header.type) { return .success(header) }
        do {
            let record = try EventRecord.decode(line: line, checkingHash: false).record
            return .success(EventHeader(record, keepingRecord: fullRecordTypes.contains(record.type)))
        } catch {
            return .failure(error)
        }
    }

    /// The header of a canonical line, or `nil` when the line is not exactly canonical.
    ///
    /// Reading only the first fields and the fixed suffix would be cheaper, but a line need not be
    /// canonical in between (white space, a duplicated or escaped key, a second batch marker), and
    /// then the decoder's values could differ; so the whole line must pass the canonical reading.
    static func canonical(_ line: UnsafeBufferPointer<UInt8>) -> EventHeader? {
        guard let start = line.baseAddress, let facts = CanonicalLine.unhashedFacts(of: UnsafeRawBufferPointer(line))?.facts else {
            return nil
        }
        // The canonical form puts `type` third; its value is re-read here (ASCII without escapes only).
        var cursor = CanonicalJSONCursor(start, count: line.count)
        guard cursor.consume("{\"seq\":"), cursor.integer() != nil, cursor.consume(",\"id\":"), cursor.string() != nil,
            cursor.consume(",\"type\":"), let typeRange = cursor.string()
        else { return nil }
        let typeBytes = UnsafeBufferPointer(rebasing: line[typeRange])
        guard !typeBytes.contains(UInt8(ascii: "\\")) else { return nil }
        return EventHeader(
            sequence: facts.sequence, type: String(decoding: typeBytes, as: UTF8.self), recordedAt: facts.recordedAt,
            hash: facts.hash, batch: facts.batch, record: nil)
    }
}
