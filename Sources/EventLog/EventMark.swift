import TransitionSupport

/// The least a replay's first pass needs of one stored event: its sequence number, a code for its
/// type, its hash and batch marker, and, for the few types the caller names, the whole record.
///
/// A replay that streams the log must know every correction before it folds the events they
/// correct, so it reads the whole log once before folding it. Reading an ``EventHeader`` for that
/// costs thousands of instructions a line (the time, a `String` for the type); a mark is read from
/// a canonical line's first three fields and its fixed suffix, and its type becomes a small number
/// without a `String` being made (``Classifier``). For every line the writer wrote, the values are
/// exactly the full decoder's; a line altered in between may be misread, so a caller that decodes
/// the same lines later must compare what matters to it (``EventLog/forEachMark(_:_:)``).
public struct EventMark: Sendable, Hashable {
    public var sequence: Int
    /// The type's code in the ``Classifier`` the mark was read with: its position among the
    /// classifier's names plus one, or 0 for a type it does not name.
    public var typeCode: Int
    public var hash: SHA256Digest
    public var batch: BatchMarker?
    /// The whole record, for the types the classifier keeps; `nil` for the rest.
    public var record: EventRecord? { boxedRecord?.record }
    /// Behind a reference, so that the mark, moved once per event while the log streams, stays small.
    private var boxedRecord: RecordBox?

    public init(sequence: Int, typeCode: Int, hash: SHA256Digest, batch: BatchMarker?, record: EventRecord?) {
        self.sequence = sequence
        self.typeCode = typeCode
        self.hash = hash
        self.batch = batch
        self.boxedRecord = record.map(RecordBox.init)
    }

    /// Which type names a mark reading tells apart, and which types' whole records it keeps.
    public struct Classifier: Sendable {
        /// The names, in code order (code 1 is the first).
        public var names: [String] { index.ids }
        private let index: StringIndex
        /// By code: whether the whole record is kept.
        private let keeps: [Bool]
        /// The names whose records are kept.
        let keptNames: Set<String>

        /// Codes `names` 1, 2, ... in order (a repeated name keeps its first code) and keeps the
        /// whole record of the types in `kept`.
        public init(names: [String], keepingRecordsOf kept: Set<String>) {
            index = StringIndex(names)
            keeps = [false] + names.map(kept.contains)
            keptNames = kept.intersection(names)
        }

        /// The code of the type named `type`: 0 when it is none of the names.
        public func code(of type: String) -> Int {
            index.position(of: type).map { $0 + 1 } ?? 0
        }

        /// The code of the type whose name is these UTF-8 bytes.
        @inline(__always)
        func code(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
            index.position(ofUTF8: bytes).map { $0 + 1 } ?? 0
        }

        /// Whether the whole record of a type with this code is kept (never for code 0).
        public func keepsRecord(ofCode code: Int) -> Bool {
            code >= 0 && code < keeps.count && keeps[code]
        }
    }
}

extension EventMark: StreamedEntry {}

extension EventMark {
    /// Reads one line (without its newline): the quick way when it is in the writer's form and its
    /// type's record is not kept, else with the exact header reading (which checks the whole
    /// line, or decodes it in full, and fails as the decoder does).
    static func read(line: UnsafeBufferPointer<UInt8>, classifier: Classifier) -> Result<EventMark, LineDecodingError> {
        if let mark = quick(line, classifier), !classifier.keepsRecord(ofCode: mark.typeCode) { return .success(mark) }
        switch EventHeader.read(line: line, fullRecordTypes: classifier.keptNames) {
        case .success(let header):
            return .success(
                EventMark(
                    sequence: header.sequence, typeCode: classifier.code(of: header.type), hash: header.hash,
                    batch: header.batch, record: header.record))
        case .failure(let error):
            return .failure(error)
        }
    }

    /// The mark read from the canonical first fields (`{"seq":…,"id":"…","type":"…","schema":`) and
    /// the fixed suffix (`[,"batch":{"first":…,"size":…}],"prev":"<64 hex>","hash":"<64 hex>"}`), or
    /// `nil` when either is not in exactly that form. What lies between, and the 64 characters of
    /// `prev`, are not looked at.
    static func quick(_ line: UnsafeBufferPointer<UInt8>, _ classifier: Classifier) -> EventMark? {
        let suffix = CanonicalLine.hashSuffixLength + previousSuffixLength
        guard let start = line.baseAddress, line.count > suffix else { return nil }
        var cursor = CanonicalJSONCursor(start, count: line.count)
        var typeEscaped = false
        guard cursor.consume("{\"seq\":"), let sequence = cursor.integer(), cursor.consume(",\"id\":"), cursor.string() != nil,
            cursor.consume(",\"type\":"), let typeRange = cursor.string(isEscaped: &typeEscaped), !typeEscaped,
            cursor.consume(",\"schema\":")
        else { return nil }
        // The suffix: `,"prev":"<64 hex>"` then `,"hash":"<64 hex>"}`.
        let previousStart = line.count - suffix
        guard previousStart >= cursor.index else { return nil }
        var tail = CanonicalJSONCursor(start, count: line.count)
        tail.index = previousStart
        // `prev` is not part of the mark; its digits are left to the full decoder.
        guard tail.consume(",\"prev\":\""), tail.skip(64), tail.consume("\""),
            tail.consume(",\"hash\":\""), let hash = CanonicalLine.hexDigest(&tail), tail.consume("\"}"), tail.isAtEnd
        else { return nil }
        let batch: BatchMarker?
        switch batchMarker(endingAt: previousStart, in: tail, after: cursor.index) {
        case .absent: batch = nil
        case .present(let marker): batch = marker
        case .unreadable: return nil
        }
        let code = classifier.code(ofUTF8: UnsafeBufferPointer(rebasing: line[typeRange]))
        return EventMark(sequence: sequence, typeCode: code, hash: hash, batch: batch, record: nil)
    }

    /// `,"prev":"<64 hex>"`.
    private static let previousSuffixLength = 74

    /// What ends just before a line's `,"prev":`.
    private enum TailMarker {
        case absent
        case present(BatchMarker)
        /// It looks like a marker but its numbers are not canonical: the exact reading decides.
        case unreadable
    }

    /// The batch marker `,"batch":{"first":N,"size":M}` that ends just before `end` of the line
    /// `cursor` reads, if any.
    private static func batchMarker(endingAt end: Int, in cursor: CanonicalJSONCursor, after floor: Int) -> TailMarker {
        let line = UnsafeBufferPointer(start: cursor.base, count: cursor.count)
        /// Whether the bytes just before `end` are exactly `literal`.
        func precede(_ end: Int, _ literal: StaticString) -> Bool {
            end >= literal.utf8CodeUnitCount && cursor.bytes((end - literal.utf8CodeUnitCount)..<end, equal: literal)
        }
        guard end - floor > 0, line[end - 1] == UInt8(ascii: "}") else { return .absent }
        // Walk back over the size's digits, `,"size":`, the first's digits and `,"batch":{"first":`.
        let sizeEnd = end - 1
        var index = sizeEnd
        while index > floor, line[index - 1] &- 0x30 < 10 { index -= 1 }
        let sizeStart = index
        guard sizeStart < sizeEnd, precede(sizeStart, ",\"size\":") else { return .absent }
        let firstEnd = sizeStart - 8
        index = firstEnd
        while index > floor, line[index - 1] &- 0x30 < 10 { index -= 1 }
        let firstStart = index
        guard firstStart < firstEnd, precede(firstStart, ",\"batch\":{\"first\":"), firstStart - 18 >= floor else { return .absent }
        guard let first = canonicalInteger(line, firstStart..<firstEnd), let size = canonicalInteger(line, sizeStart..<sizeEnd)
        else { return .unreadable }
        return .present(BatchMarker(first: first, size: size))
    }

    /// Digits as the canonical form writes an integer: no leading zero, at most 18 digits.
    private static func canonicalInteger(_ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard range.count <= 18, range.count == 1 || line[range.lowerBound] != UInt8(ascii: "0") else { return nil }
        var value = 0
        for index in range { value = value * 10 + Int(line[index] &- 0x30) }
        return value
    }
}
