import TransitionSupport

extension EventHeader {
    /// How a header pass reads each line.
    public enum Reading: Sendable, Hashable {
        /// The header holds exactly what the full decoder reads, for every line (the whole line is
        /// checked to be canonical, or decoded in full).
        case exact
        /// Only a line's first fields and its fixed suffix are read, which costs a small fraction of
        /// the exact reading. For every line the writer wrote (canonical throughout) the values are
        /// the exact ones; a line altered in between (white space, a repeated key) may be misread.
        /// A caller that decodes the same lines in full later must compare what matters to it and
        /// read again exactly on any difference (``LogReplay`` does).
        case quick
    }

    /// Reads one line as `reading` says; see ``read(line:fullRecordTypes:)`` for the exact reading.
    static func read(
        line: UnsafeBufferPointer<UInt8>, fullRecordTypes: Set<String>, reading: Reading
    ) -> Result<EventHeader, LineDecodingError> {
        if reading == .quick, let header = quick(line), !fullRecordTypes.contains(header.type) { return .success(header) }
        return read(line: line, fullRecordTypes: fullRecordTypes)
    }

    /// The header read from the canonical first fields
    /// (`{"seq":…,"id":"…","type":"…","schema":…,"recordedAt":"…"`) and the fixed suffix
    /// (`[,"batch":{"first":…,"size":…}],"prev":"<64 hex>","hash":"<64 hex>"}`), or `nil` when
    /// either is not in exactly that form. What lies between, and the 64 characters of `prev`, are
    /// not looked at.
    static func quick(_ line: UnsafeBufferPointer<UInt8>) -> EventHeader? {
        let suffix = CanonicalLine.hashSuffixLength + previousSuffixLength
        guard let start = line.baseAddress, line.count > suffix else { return nil }
        var cursor = CanonicalJSONCursor(start, count: line.count)
        guard cursor.consume("{\"seq\":"), let sequence = cursor.integer(), cursor.consume(",\"id\":"), cursor.string() != nil,
            cursor.consume(",\"type\":"), let typeRange = cursor.string(), cursor.consume(",\"schema\":"),
            cursor.integer() != nil, cursor.consume(",\"recordedAt\":"), let recordedAt = CanonicalLine.timestamp(&cursor),
            cursor.consume(",")
        else { return nil }
        let typeBytes = UnsafeBufferPointer(rebasing: line[typeRange])
        guard !typeBytes.contains(UInt8(ascii: "\\")) else { return nil }
        // The suffix: `,"prev":"<64 hex>"` then `,"hash":"<64 hex>"}`.
        let previousStart = line.count - suffix
        guard previousStart >= cursor.index else { return nil }
        var tail = CanonicalJSONCursor(start, count: line.count)
        tail.index = previousStart
        // `prev` is not part of the header; its digits are left to the full decoder.
        guard tail.consume(",\"prev\":\""), tail.skip(64), tail.consume("\""),
            tail.consume(",\"hash\":\""), let hash = CanonicalLine.hexDigest(&tail), tail.consume("\"}"), tail.isAtEnd
        else { return nil }
        let batch: BatchMarker?
        switch batchMarker(endingAt: previousStart, in: tail, after: cursor.index) {
        case .absent: batch = nil
        case .present(let marker): batch = marker
        case .unreadable: return nil
        }
        return EventHeader(
            sequence: sequence, type: String(decoding: typeBytes, as: UTF8.self), recordedAt: recordedAt, hash: hash,
            batch: batch, record: nil)
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
