import TransitionSupport

/// The least a replay's first pass can read of one stored event: its sequence number and a code
/// for its type, with the whole record of the few types the caller names.
///
/// Reading an ``EventHeader`` costs thousands of instructions a line (the time, a `String` for the
/// type); a type mark is read from a canonical line's first fields alone
/// (`{"seq":…,"id":"…","type":"…","schema":`), and its type becomes a small number without a
/// `String` being made (``EventTypeClassifier``). Nothing else of the line is looked at, so a line
/// altered further on may be misread: a replay, whose second pass decodes every line in full
/// anyway, compares the types and takes the hash, batch and position of its last event from there
/// (``EventLog/forEachTypeMarkBlock(_:_:)``).
public struct EventTypeMark: Sendable, Hashable {
    public var sequence: Int
    /// The type's code in the ``EventTypeClassifier`` the mark was read with (0: none of its names).
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
    static func read(line: UnsafeBufferPointer<UInt8>, classifier: EventTypeClassifier) -> Result<EventTypeMark, LineDecodingError> {
        if let (sequence, code) = prefix(line, classifier), !classifier.keepsRecord(ofCode: code) {
            return .success(EventTypeMark(sequence: sequence, typeCode: code, record: nil))
        }
        switch EventHeader.read(line: line, fullRecordTypes: classifier.keptNames) {
        case .success(let header):
            return .success(EventTypeMark(sequence: header.sequence, typeCode: classifier.code(of: header.type), record: header.record))
        case .failure(let error):
            return .failure(error)
        }
    }

    /// The sequence number and type code read from a canonical line's first fields
    /// (`{"seq":…,"id":"…","type":"…","schema":`); `nil` when they are not in exactly that form.
    @inline(__always)
    static func prefix(_ line: UnsafeBufferPointer<UInt8>, _ classifier: EventTypeClassifier) -> (sequence: Int, typeCode: Int)? {
        guard let start = line.baseAddress else { return nil }
        var cursor = CanonicalJSONCursor(start, count: line.count)
        var typeEscaped = false
        guard cursor.consume("{\"seq\":"), let sequence = cursor.integer(), cursor.consume(",\"id\":"), cursor.string() != nil,
            cursor.consume(",\"type\":"), let typeRange = cursor.string(isEscaped: &typeEscaped), !typeEscaped,
            cursor.consume(",\"schema\":")
        else { return nil }
        let code = classifier.code(ofUTF8: UnsafeBufferPointer(rebasing: line[typeRange]), within: line)
        return (sequence, code)
    }
}
