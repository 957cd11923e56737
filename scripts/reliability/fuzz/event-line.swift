/// libFuzzer entry point for the event-line decoder: any bytes must decode or throw, never crash;
/// a decoded record, written back as a line, must decode to a record that writes the same line
/// (compared as canonical bytes: JSONObject equality is member-order sensitive, and a fuzzed line
/// need not have its keys in canonical order).
///
/// It also checks the canonical fast path (`CanonicalLine.record(of:)`, which `decode` tries first)
/// against the full decoder: whenever the fast path returns a record, the full decoder must accept
/// the same bytes and return an identical record (equal, and writing the same line). Hence the
/// `@testable` import: fuzz.sh compiles the modules with -enable-testing.
///
/// The two other byte-level readings are checked the same way: `verify`'s (`CanonicalLine.facts`,
/// which must give the full decoder's facts and hash verdict whenever it reads a line) and the
/// replay pre-pass's (`EventHeader.canonical`, which skips the payload and so may read a line the
/// decoder refuses, but must give the decoder's values whenever the decoder reads it), and the
/// cheaper type marks a replay of everything reads instead (`EventTypeMark.read`, see
/// `checkHeaderReading`).
@testable import EventLog

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    checkFastPath(bytes)
    checkVerifyReading(bytes)
    checkHeaderReading(bytes)
    guard let decoded = try? EventRecord.decode(line: bytes, checkingHash: true) else { return 0 }
    let line = decoded.record.line
    guard let again = try? EventRecord.decode(line: Array(line.dropLast()), checkingHash: true) else {
        fatalError("a decoded record's own line does not decode: \(String(decoding: line, as: UTF8.self))")
    }
    precondition(again.record.line == line, "re-encoded line changes on a second round trip")
    if decoded.hashMatches { precondition(Array(line.dropLast()) == bytes || again.hashMatches, "hash check unstable") }
    checkFastPath(Array(line.dropLast()))
    checkVerifyReading(Array(line.dropLast()))
    checkHeaderReading(Array(line.dropLast()))
    return 0
}

/// One string cache for the whole run, as a line reader keeps one for a run of lines.
nonisolated(unsafe) let sharedStrings = StringCache()

/// Crashes if the canonical reading of `bytes` returns a record the full decoder does not, or a
/// different record when its short strings come from a cache warmed by earlier inputs.
func checkFastPath(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { buffer in
        guard let fast = CanonicalLine.record(of: UnsafeRawBufferPointer(buffer)) else { return }
        // The same reading with the cache the line reader keeps, warm from every earlier input.
        let cached = CanonicalLine.record(of: UnsafeRawBufferPointer(buffer), strings: sharedStrings)
        precondition(cached == fast, "the reading with cached strings differs: \(String(decoding: bytes, as: UTF8.self))")
        let full: EventRecord
        do {
            full = try EventRecord.fullyDecodedRecord(line: buffer)
        } catch {
            fatalError("the fast path accepts a line the full decoder refuses (\(error)): \(String(decoding: bytes, as: UTF8.self))")
        }
        precondition(fast == full && fast.line == full.line, "the fast path's record differs: \(String(decoding: bytes, as: UTF8.self))")
    }
}

/// Crashes if `verify`'s canonical reading of `bytes` disagrees with the full decoder's verdict.
func checkVerifyReading(_ bytes: [UInt8]) {
    bytes.withUnsafeBytes { raw in
        guard let facts = CanonicalLine.facts(of: raw) else { return }
        let reference = LineOutcome.decoded(raw)
        precondition(reference == .event(facts), "verify's reading differs (\(reference)): \(String(decoding: bytes, as: UTF8.self))")
    }
}

/// Crashes if the replay pre-pass reads a header or a type mark the full decoder reads differently:
/// the exact header must agree entirely; a type mark must give the decoder's sequence number and
/// type (and kept record) whenever the decoder reads the line.
func checkHeaderReading(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { buffer in
        guard let full = try? EventRecord.fullyDecodedRecord(line: buffer) else { return }
        let expected = EventHeader(full, keepingRecord: false)
        if let header = EventHeader.canonical(buffer) {
            precondition(header == expected, "the header reading differs: \(String(decoding: bytes, as: UTF8.self))")
        }
        // The type mark a replay of everything reads: the decoder's sequence number and type code,
        // and the whole record when the type is kept.
        if case .success(let mark) = EventTypeMark.read(line: buffer, classifier: markClassifier) {
            let code = markClassifier.code(of: full.type)
            precondition(
                mark.sequence == full.sequence && mark.typeCode == code
                    && (markClassifier.keepsRecord(ofCode: code) ? mark.record == full : mark.record == nil),
                "the type mark reading differs: \(String(decoding: bytes, as: UTF8.self))")
        }
    }
}

/// Codes a few type names (some the corpus uses) for the type mark reading.
let markClassifier = EventTypeClassifier(
    names: ["sample.recorded", "dd.evidence.attached", "t.minimal", "staff.consulted", "event.corrected"],
    keepingRecordsOf: ["event.corrected"])
