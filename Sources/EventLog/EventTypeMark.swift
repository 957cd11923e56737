import TransitionSupport

/// The least a replay's first pass can read of one stored event: its sequence number and a code
/// for its type, with the whole record of the few types the caller names.
///
/// An ``EventMark`` also reads the hash and batch marker from the end of the line, so that the
/// pass can end on the last event of a finished batch and say where it ended. A replay whose second
/// pass reads every line in full anyway can take both from there instead: a type mark is read from
/// a canonical line's first fields alone (`{"seq":…,"id":"…","type":"…","schema":`), a fraction of
/// a mark's cost. As with marks, a line altered in between may be misread, so the caller must
/// compare what it relies on with what the second pass decodes (``EventLog/forEachTypeMarkBlock(_:_:)``).
public struct EventTypeMark: Sendable, Hashable {
    public var sequence: Int
    /// The type's code in the ``EventMark/Classifier`` the mark was read with (0: none of its names).
    public var typeCode: Int
    /// The whole record, for the types the classifier keeps; `nil` for the rest.
    public var record: EventRecord? { boxedRecord?.record }
    /// Behind a reference, so that the mark, moved once per event while the log streams, stays small.
    private var boxedRecord: RecordBox?

    public init(sequence: Int, typeCode: Int, record: EventRecord?) {
        self.sequence = sequence
        self.typeCode = typeCode
        self.boxedRecord = record.map(RecordBox.init)
    }

    /// Reads one line (without its newline): from its first fields when they are canonical and its
    /// type's record is not kept, else with the exact header reading (which checks the whole line,
    /// or decodes it in full, and fails as the decoder does).
    static func read(line: UnsafeBufferPointer<UInt8>, classifier: EventMark.Classifier) -> Result<EventTypeMark, LineDecodingError> {
        if let (sequence, code, _) = EventMark.prefix(line, classifier), !classifier.keepsRecord(ofCode: code) {
            return .success(EventTypeMark(sequence: sequence, typeCode: code, record: nil))
        }
        switch EventHeader.read(line: line, fullRecordTypes: classifier.keptNames) {
        case .success(let header):
            return .success(EventTypeMark(sequence: header.sequence, typeCode: classifier.code(of: header.type), record: header.record))
        case .failure(let error):
            return .failure(error)
        }
    }
}
