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
    /// - Returns: the record, and whether the line's stored hash matches SHA-256 of its body.
    public static func decode(line: UnsafeBufferPointer<UInt8>, checkingHash: Bool = true) throws(LineDecodingError) -> (record: EventRecord, hashMatches: Bool) {
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
        guard checkingHash else { return (record, true) }
        let bodyEnd = line.count - hashSuffixLength
        var hasher = SHA256()
        hasher.update(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(line)[0..<bodyEnd]))
        hasher.update(CollectionOfOne(UInt8(ascii: "}")))
        let computed = hasher.finalize()
        let matches = computed == record.hash
        return (record, matches)
    }

    /// Decodes one stored line from an array of bytes.
    public static func decode(line: [UInt8], checkingHash: Bool = true) throws(LineDecodingError) -> (record: EventRecord, hashMatches: Bool) {
        try line.withUnsafeBufferPointer { (buffer) throws(LineDecodingError) in try decode(line: buffer, checkingHash: checkingHash) }
    }

    static func decode(object: JSONObject) throws(LineDecodingError) -> EventRecord {
        func required<T>(_ key: String, _ read: (JSONValue) -> T?) throws(LineDecodingError) -> T {
            guard let raw = object[key] else { throw LineDecodingError(reason: "missing field \"\(key)\"") }
            guard let value = read(raw) else { throw LineDecodingError(reason: "field \"\(key)\" has the wrong type (\(raw.typeName))") }
            return value
        }
        func optional<T>(_ key: String, _ read: (JSONValue) -> T?) throws(LineDecodingError) -> T? {
            guard let raw = object[key] else { return nil }
            guard let value = read(raw) else { throw LineDecodingError(reason: "field \"\(key)\" has the wrong type (\(raw.typeName))") }
            return value
        }
        let sequence = try required("seq", \.intValue)
        let recordedText = try required("recordedAt", \.stringValue)
        guard let recordedAt = Timestamp(iso8601: recordedText) else {
            throw LineDecodingError(reason: "field \"recordedAt\" is not a UTC timestamp: \(recordedText)")
        }
        let effectiveText = try required("effective", \.stringValue)
        guard let effective = CivilDate(iso8601: effectiveText) else {
            throw LineDecodingError(reason: "field \"effective\" is not a date: \(effectiveText)")
        }
        let previousText = try required("prev", \.stringValue)
        let hashText = try required("hash", \.stringValue)
        guard let previousHash = SHA256Digest(hex: previousText), let hash = SHA256Digest(hex: hashText),
            previousHash.hex == previousText, hash.hex == hashText
        else {
            throw LineDecodingError(reason: "\"prev\" or \"hash\" is not 64 lower-case hex digits")
        }
        var evidence: [EvidenceReference] = []
        if let list = try optional("evidence", \.arrayValue) {
            for item in list {
                guard let name = item["name"]?.stringValue else {
                    throw LineDecodingError(reason: "an evidence entry has no \"name\"")
                }
                evidence.append(EvidenceReference(name: name, sha256: item["sha256"]?.stringValue, bytes: item["bytes"]?.intValue))
            }
        }
        var batch: BatchMarker?
        if let marker = try optional("batch", \.objectValue) {
            guard let first = marker["first"]?.intValue, let size = marker["size"]?.intValue else {
                throw LineDecodingError(reason: "field \"batch\" needs integer \"first\" and \"size\"")
            }
            batch = BatchMarker(first: first, size: size)
        }
        return EventRecord(
            sequence: sequence,
            id: try required("id", \.stringValue),
            type: try required("type", \.stringValue),
            schema: try required("schema", \.intValue),
            recordedAt: recordedAt,
            effective: effective,
            actor: try required("actor", \.stringValue),
            role: try optional("role", \.stringValue),
            entity: try optional("entity", \.stringValue),
            reason: try optional("reason", \.stringValue),
            evidence: evidence,
            data: try required("data", \.objectValue),
            system: try optional("system", \.objectValue),
            signature: try optional("signature", \.objectValue),
            batch: batch,
            previousHash: previousHash,
            hash: hash)
    }
}
