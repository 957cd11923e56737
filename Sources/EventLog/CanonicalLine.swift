import TransitionSupport

/// Reads a stored line that is exactly in the writer's canonical form, without a `JSONValue` tree.
///
/// The fields must come in the documented order with no white space, the payload must be canonical
/// JSON (`CanonicalJSONCursor`), and the values `verify` needs are taken straight from the bytes:
/// sequence, predecessor hash, own hash, recorded time and batch marker. Replay reads whole records
/// the same way (`record(of:)`, in CanonicalLine+Record.swift). Anything else returns `nil` and is
/// left to the full decoder. Whatever this accepts, the full decoder accepts too, with the same
/// values (`CanonicalLineTests` and `CanonicalRecordTests` check the two against each other on
/// mutated lines).
enum CanonicalLine {
    /// The fixed suffix `,"hash":"<64 hex>"}` every stored line ends with.
    static let hashSuffixLength = 75

    /// The facts of `line` (no newline) if it is canonical, with its body re-hashed; otherwise `nil`.
    static func facts(of line: UnsafeRawBufferPointer) -> LineFacts? {
        guard var read = unhashedFacts(of: line) else { return nil }
        read.facts.hashMatches = read.body.digest == read.facts.hash
        return read.facts
    }

    /// The facts of a canonical `line` with `hashMatches` still `false`, and the body whose hash
    /// decides it, so that many lines can be hashed together (`SHA256.digests(of:)`).
    static func unhashedFacts(of line: UnsafeRawBufferPointer) -> (facts: LineFacts, body: Body)? {
        guard let start = line.baseAddress, line.count > hashSuffixLength else { return nil }
        var cursor = CanonicalJSONCursor(start.assumingMemoryBound(to: UInt8.self), count: line.count)
        guard cursor.consume("{\"seq\":"), let sequence = cursor.integer(),
            cursor.consume(",\"id\":"), cursor.string() != nil,
            cursor.consume(",\"type\":"), cursor.string() != nil,
            cursor.consume(",\"schema\":"), cursor.integer() != nil,
            cursor.consume(",\"recordedAt\":"), let recordedAt = timestamp(&cursor),
            cursor.consume(",\"effective\":"), date(&cursor) != nil,
            cursor.consume(",\"actor\":"), cursor.string() != nil
        else { return nil }
        if cursor.consume(",\"role\":") { guard cursor.string() != nil else { return nil } }
        if cursor.consume(",\"entity\":") { guard cursor.string() != nil else { return nil } }
        if cursor.consume(",\"reason\":") { guard cursor.string() != nil else { return nil } }
        if cursor.consume(",\"evidence\":") { guard evidence(&cursor) else { return nil } }
        guard cursor.consume(",\"data\":"), cursor.object(depth: 2) else { return nil }
        if cursor.consume(",\"system\":") { guard cursor.object(depth: 2) else { return nil } }
        if cursor.consume(",\"signature\":") { guard cursor.object(depth: 2) else { return nil } }
        var batch: BatchMarker?
        if cursor.consume(",\"batch\":") {
            guard cursor.consume("{\"first\":"), let first = cursor.integer(), cursor.consume(",\"size\":"),
                let size = cursor.integer(), cursor.consume("}")
            else { return nil }
            batch = BatchMarker(first: first, size: size)
        }
        let bodyEnd = line.count - hashSuffixLength
        guard cursor.consume(",\"prev\":\""), let previousHash = hexDigest(&cursor), cursor.consume("\""),
            cursor.index == bodyEnd, cursor.consume(",\"hash\":\""), let hash = hexDigest(&cursor),
            cursor.consume("\"}"), cursor.isAtEnd
        else { return nil }
        let facts = LineFacts(
            sequence: sequence, hashMatches: false, previousHash: previousHash, hash: hash, recordedAt: recordedAt, batch: batch)
        return (facts, Body(start: start, count: bodyEnd))
    }

    /// A line's bytes before `,"hash":`, which the writer hashed followed by `}`.
    struct Body {
        var start: UnsafeRawPointer
        var count: Int

        /// The body's digest, as the writer computed it.
        var digest: SHA256Digest {
            var hasher = SHA256()
            hasher.update(UnsafeRawBufferPointer(start: start, count: count))
            hasher.update(byte: UInt8(ascii: "}"))
            return hasher.finalize()
        }

        /// The body as a message for `SHA256.digests(of:)`.
        var message: SHA256.LaneMessage { SHA256.LaneMessage(start: start, count: count, trailingByte: UInt8(ascii: "}")) }
    }

    /// 64 lower-case hex digits.
    static func hexDigest(_ cursor: inout CanonicalJSONCursor) -> SHA256Digest? {
        guard cursor.count - cursor.index >= 64,
            let digest = SHA256Digest(lowercaseHex: UnsafeRawBufferPointer(start: cursor.base + cursor.index, count: 64))
        else { return nil }
        cursor.index += 64
        return digest
    }

    /// An evidence list: objects that each name their document with a string `name`.
    private static func evidence(_ cursor: inout CanonicalJSONCursor) -> Bool {
        guard cursor.consume("[") else { return false }
        if cursor.consume("]") { return true }
        while true {
            guard evidenceEntry(&cursor) else { return false }
            if cursor.consume(",") { continue }
            return cursor.consume("]")
        }
    }

    private static func evidenceEntry(_ cursor: inout CanonicalJSONCursor) -> Bool {
        guard cursor.consume("{"), !cursor.consume("}") else { return false }
        var previousKey: Range<Int>?
        var hasName = false
        while true {
            guard let key = cursor.plainKey() else { return false }
            if let previousKey, !cursor.precedes(previousKey, key) { return false }
            previousKey = key
            guard cursor.consume(":") else { return false }
            if cursor.bytes(key, equal: "name") {
                guard cursor.string() != nil else { return false }
                hasName = true
            } else {
                guard cursor.value(depth: 3) else { return false }
            }
            if cursor.consume(",") { continue }
            return hasName && cursor.consume("}")
        }
    }

    /// A quoted `YYYY-MM-DDTHH:MM:SS.mmmZ` naming a real instant, as `Timestamp(iso8601:)` reads it.
    static func timestamp(_ cursor: inout CanonicalJSONCursor) -> Timestamp? {
        guard cursor.count - cursor.index >= 26 else { return nil }
        let text = cursor.base + cursor.index + 1
        guard cursor.base[cursor.index] == UInt8(ascii: "\""), text[10] == UInt8(ascii: "T"), text[13] == UInt8(ascii: ":"),
            text[16] == UInt8(ascii: ":"), text[19] == UInt8(ascii: "."), text[23] == UInt8(ascii: "Z"),
            text[24] == UInt8(ascii: "\""), let day = civilDate(text),
            let hour = digits(text + 11, 2), hour < 24, let minute = digits(text + 14, 2), minute < 60,
            let second = digits(text + 17, 2), second < 60, let millis = digits(text + 20, 3)
        else { return nil }
        cursor.index += 26
        let milliseconds = Int64(day.daysSinceEpoch) * 86_400_000 + Int64(hour) * 3_600_000 + Int64(minute) * 60_000
            + Int64(second) * 1000 + Int64(millis)
        return Timestamp(millisecondsSinceEpoch: milliseconds)
    }

    /// A quoted `YYYY-MM-DD` naming a real day, as `CivilDate(iso8601:)` reads it.
    static func date(_ cursor: inout CanonicalJSONCursor) -> CivilDate? {
        guard cursor.count - cursor.index >= 12 else { return nil }
        let text = cursor.base + cursor.index + 1
        guard cursor.base[cursor.index] == UInt8(ascii: "\""), text[10] == UInt8(ascii: "\""), let date = civilDate(text) else {
            return nil
        }
        cursor.index += 12
        return date
    }

    /// `YYYY-MM-DD` at `text`, validated by `CivilDate` itself.
    private static func civilDate(_ text: UnsafePointer<UInt8>) -> CivilDate? {
        guard text[4] == UInt8(ascii: "-"), text[7] == UInt8(ascii: "-"), let year = digits(text, 4),
            let month = digits(text + 5, 2), let day = digits(text + 8, 2)
        else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    @inline(__always)
    private static func digits(_ text: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        var value = 0
        for offset in 0..<count {
            let digit = text[offset] &- 0x30
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}
