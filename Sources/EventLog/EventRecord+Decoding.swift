import TransitionSupport

/// Why one stored line is not a well-formed event.
public struct LineDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

extension EventRecord {
    /// The fixed suffix `,"hash":"<64 hex>"}` every stored line ends with (newline excluded).
    static let hashSuffixLength = 75

    /// Decodes one stored line (without its newline) and checks its own hash.
    ///
    /// Lines in the writer's exact canonical form (nearly every stored line) are read byte by byte by
    /// `CanonicalLine.record(of:)`; any other line goes through the full decoder, which gives the same
    /// record for canonical lines and says what is wrong with bad ones.
    ///
    /// - Returns: the record, and whether the line's stored hash matches SHA-256 of its body.
    public static func decode(line: UnsafeBufferPointer<UInt8>, checkingHash: Bool = true) throws(LineDecodingError) -> (record: EventRecord, hashMatches: Bool) {
        try decode(line: line, checkingHash: checkingHash, strings: nil)
    }

    /// ``decode(line:checkingHash:)``, taking the short strings of a canonical line from `strings`
    /// when it has them (the same strings, made once for many lines).
    static func decode(
        line: UnsafeBufferPointer<UInt8>, checkingHash: Bool, strings: StringCache?
    ) throws(LineDecodingError) -> (record: EventRecord, hashMatches: Bool) {
        let record = try stored(line: line, strings: strings)
        guard checkingHash else { return (record, true) }
        // Both readings have checked that the line ends with `,"hash":"<64 hex>"}`.
        let bodyEnd = line.count - hashSuffixLength
        var hasher = SHA256()
        hasher.update(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(line)[0..<bodyEnd]))
        hasher.update(CollectionOfOne(UInt8(ascii: "}")))
        let computed = hasher.finalize()
        let matches = computed == record.hash
        return (record, matches)
    }

    /// The record stored in `line` (without checking its hash), read the canonical way when the
    /// line is canonical, with short strings from `strings`.
    static func stored(line: UnsafeBufferPointer<UInt8>, strings: StringCache?) throws(LineDecodingError) -> EventRecord {
        if let canonical = CanonicalLine.record(of: UnsafeRawBufferPointer(line), strings: strings) { return canonical }
        return try fullyDecodedRecord(line: line)
    }

    /// ``stored(line:strings:)`` written straight into `slot` (which the caller has left `nil`).
    static func read(line: UnsafeBufferPointer<UInt8>, strings: StringCache?, into slot: inout EventRecord?) throws(LineDecodingError) {
        if CanonicalLine.read(UnsafeRawBufferPointer(line), strings: strings, into: &slot) { return }
        slot = try fullyDecodedRecord(line: line)
    }

    /// The full decoder: parses any JSON line into a `JSONValue` tree and reads the event from it.
    ///
    /// Slower than the canonical reading, but it accepts every valid spelling (white space, escapes,
    /// any key order) and names the problem in a line it refuses. It is the reference that
    /// `CanonicalLine.record(of:)` must agree with.
    static func fullyDecodedRecord(line: UnsafeBufferPointer<UInt8>) throws(LineDecodingError) -> EventRecord {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw LineDecodingError(reason: "not valid JSON (\(error.reason) at byte \(error.offset + 1))")
        }
        guard case .object(let object) = value else { throw LineDecodingError(reason: "not a JSON object") }
        let record = try decode(object: object)
        guard line.count > hashSuffixLength,
            line[line.count - hashSuffixLength..<line.count - 64 - 2].elementsEqual(",\"hash\":\"".utf8)
        else {
            throw LineDecodingError(reason: "the line does not end with its \"hash\" field")
        }
        return record
    }

    /// Decodes one stored line from an array of bytes.
    public static func decode(line: [UInt8], checkingHash: Bool = true) throws(LineDecodingError) -> (record: EventRecord, hashMatches: Bool) {
        try line.withUnsafeBufferPointer { (buffer) throws(LineDecodingError) in try decode(line: buffer, checkingHash: checkingHash) }
    }

    static func decode(object: JSONObject) throws(LineDecodingError) -> EventRecord {
        // One pass over the members (replay decodes every line, so no repeated key lookups).
        var sequence: Int?
        var id: String?
        var type: String?
        var schema: Int?
        var recordedAt: Timestamp?
        var effective: CivilDate?
        var actor: String?
        var role: String?
        var entity: String?
        var reason: String?
        var evidence: [EvidenceReference] = []
        var data: JSONObject?
        var system: JSONObject?
        var signature: JSONObject?
        var batch: BatchMarker?
        var previousHash: SHA256Digest?
        var hash: SHA256Digest?
        func wrongType(_ key: String, _ value: JSONValue) -> LineDecodingError {
            LineDecodingError(reason: "field \"\(key)\" has the wrong type (\(value.typeName))")
        }
        for member in object.members {
            let value = member.value
            switch member.key {
            case "seq":
                guard let number = value.intValue else { throw wrongType("seq", value) }
                sequence = number
            case "id":
                guard case .string(let text) = value else { throw wrongType("id", value) }
                id = text
            case "type":
                guard case .string(let text) = value else { throw wrongType("type", value) }
                type = text
            case "schema":
                guard let number = value.intValue else { throw wrongType("schema", value) }
                schema = number
            case "recordedAt":
                guard case .string(let text) = value else { throw wrongType("recordedAt", value) }
                guard let time = Timestamp(iso8601: text) else {
                    throw LineDecodingError(reason: "field \"recordedAt\" is not a UTC timestamp: \(text)")
                }
                recordedAt = time
            case "effective":
                guard case .string(let text) = value else { throw wrongType("effective", value) }
                guard let date = CivilDate(iso8601: text) else {
                    throw LineDecodingError(reason: "field \"effective\" is not a date: \(text)")
                }
                effective = date
            case "actor":
                guard case .string(let text) = value else { throw wrongType("actor", value) }
                actor = text
            case "role":
                guard case .string(let text) = value else { throw wrongType("role", value) }
                role = text
            case "entity":
                guard case .string(let text) = value else { throw wrongType("entity", value) }
                entity = text
            case "reason":
                guard case .string(let text) = value else { throw wrongType("reason", value) }
                reason = text
            case "evidence":
                guard case .array(let list) = value else { throw wrongType("evidence", value) }
                for item in list {
                    guard let name = item["name"]?.stringValue else {
                        throw LineDecodingError(reason: "an evidence entry has no \"name\"")
                    }
                    evidence.append(EvidenceReference(name: name, sha256: item["sha256"]?.stringValue, bytes: item["bytes"]?.intValue))
                }
            case "data":
                guard case .object(let payload) = value else { throw wrongType("data", value) }
                data = payload
            case "system":
                guard case .object(let payload) = value else { throw wrongType("system", value) }
                system = payload
            case "signature":
                guard case .object(let payload) = value else { throw wrongType("signature", value) }
                signature = payload
            case "batch":
                guard case .object(let marker) = value, let first = marker["first"]?.intValue, let size = marker["size"]?.intValue else {
                    throw LineDecodingError(reason: "field \"batch\" needs integer \"first\" and \"size\"")
                }
                batch = BatchMarker(first: first, size: size)
            case "prev", "hash":
                guard case .string(let text) = value, let digest = SHA256Digest(lowercaseHex: text) else {
                    throw LineDecodingError(reason: "\"\(member.key)\" is not 64 lower-case hex digits")
                }
                if member.key == "prev" { previousHash = digest } else { hash = digest }
            default:
                continue
            }
        }
        func missing(_ key: String) -> LineDecodingError { LineDecodingError(reason: "missing field \"\(key)\"") }
        guard let sequence else { throw missing("seq") }
        guard let id else { throw missing("id") }
        guard let type else { throw missing("type") }
        guard let schema else { throw missing("schema") }
        guard let recordedAt else { throw missing("recordedAt") }
        guard let effective else { throw missing("effective") }
        guard let actor else { throw missing("actor") }
        guard let data else { throw missing("data") }
        guard let previousHash else { throw missing("prev") }
        guard let hash else { throw missing("hash") }
        return EventRecord(
            sequence: sequence, id: id, type: type, schema: schema, recordedAt: recordedAt, effective: effective, actor: actor,
            role: role, entity: entity, reason: reason, evidence: evidence, data: data, system: system, signature: signature,
            batch: batch, previousHash: previousHash, hash: hash)
    }
}
