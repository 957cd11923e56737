import TransitionSupport

extension EventRecord {
    /// The hash of the chain's first predecessor: 64 zeros.
    public static let genesisHash = SHA256Digest(bytes: [UInt8](repeating: 0, count: 32))

    /// The canonical body of the event: every field but `hash`, in the documented order, no white space.
    ///
    /// The stored line is this body with `,"hash":"<hex>"` inserted before its closing brace, and the
    /// hash is SHA-256 over exactly these bytes, so verification slices bytes and never re-encodes.
    public var canonicalBody: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(512)
        writeCanonicalBody(into: &output)
        return output
    }

    /// Appends the canonical body (closing brace included) to `output`.
    ///
    /// Appends write into one growing buffer: the whole batch's lines are built, hashed and written
    /// from it without an array per event.
    public func writeCanonicalBody(into output: inout [UInt8]) {
        func key(_ literal: StaticString) { JSONWriter.writeLiteral(literal, into: &output) }
        func string(_ text: String) { JSONWriter.writeString(text, into: &output) }
        key("{\"seq\":")
        JSONWriter.writeInteger(sequence, into: &output)
        key(",\"id\":"); string(id)
        key(",\"type\":"); string(type)
        key(",\"schema\":")
        JSONWriter.writeInteger(schema, into: &output)
        key(",\"recordedAt\":")
        EventRecord.writeQuoted(recordedAt, into: &output)
        key(",\"effective\":")
        EventRecord.writeQuoted(effective, into: &output)
        key(",\"actor\":"); string(actor)
        if let role { key(",\"role\":"); string(role) }
        if let entity { key(",\"entity\":"); string(entity) }
        if let reason { key(",\"reason\":"); string(reason) }
        if !evidence.isEmpty {
            key(",\"evidence\":[")
            for (position, reference) in evidence.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                reference.writeCanonical(into: &output)
            }
            output.append(UInt8(ascii: "]"))
        }
        key(",\"data\":")
        JSONWriter.writeCanonical(data, into: &output)
        if let system { key(",\"system\":"); JSONWriter.writeCanonical(system, into: &output) }
        if let signature { key(",\"signature\":"); JSONWriter.writeCanonical(signature, into: &output) }
        if let batch {
            key(",\"batch\":{\"first\":")
            JSONWriter.writeInteger(batch.first, into: &output)
            key(",\"size\":")
            JSONWriter.writeInteger(batch.size, into: &output)
            output.append(UInt8(ascii: "}"))
        }
        key(",\"prev\":\"")
        previousHash.writeHex(into: &output)
        key("\"}")
    }

    /// Appends the stored line (newline included) and returns its hash: the canonical body is
    /// written, hashed where it lies, and its closing brace replaced by the `hash` field.
    static func writeLine(of record: EventRecord, into output: inout [UInt8]) -> SHA256Digest {
        let start = output.count
        record.writeCanonicalBody(into: &output)
        let hash = output.withUnsafeBytes { SHA256.hash(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        output.removeLast()
        JSONWriter.writeLiteral(",\"hash\":\"", into: &output)
        hash.writeHex(into: &output)
        JSONWriter.writeLiteral("\"}\n", into: &output)
        return hash
    }

    /// The full stored line, newline included.
    public var line: [UInt8] {
        var body = canonicalBody
        body.removeLast()
        JSONWriter.writeLiteral(",\"hash\":\"", into: &body)
        hash.writeHex(into: &body)
        JSONWriter.writeLiteral("\"}\n", into: &body)
        return body
    }

    /// Computes and sets `hash` from the canonical body.
    mutating func seal() {
        hash = SHA256.hash(canonicalBody)
    }

    /// `"YYYY-MM-DDTHH:MM:SS.mmmZ"`, exactly as `Timestamp.description` spells it.
    private static func writeQuoted(_ time: Timestamp, into output: inout [UInt8]) {
        let date = time.date
        guard (0...9999).contains(date.year) else {
            JSONWriter.writeString(time.description, into: &output)
            return
        }
        let withinDay = Int(time.millisecondsSinceEpoch - Int64(date.daysSinceEpoch) * 86_400_000)
        output.append(0x22)
        writeDate(date, into: &output)
        output.append(UInt8(ascii: "T"))
        writeDigits(withinDay / 3_600_000, count: 2, into: &output)
        output.append(UInt8(ascii: ":"))
        writeDigits(withinDay / 60_000 % 60, count: 2, into: &output)
        output.append(UInt8(ascii: ":"))
        writeDigits(withinDay / 1000 % 60, count: 2, into: &output)
        output.append(UInt8(ascii: "."))
        writeDigits(withinDay % 1000, count: 3, into: &output)
        output.append(UInt8(ascii: "Z"))
        output.append(0x22)
    }

    /// `"YYYY-MM-DD"`, exactly as `CivilDate.description` spells it.
    private static func writeQuoted(_ date: CivilDate, into output: inout [UInt8]) {
        guard (0...9999).contains(date.year) else {
            JSONWriter.writeString(date.description, into: &output)
            return
        }
        output.append(0x22)
        writeDate(date, into: &output)
        output.append(0x22)
    }

    private static func writeDate(_ date: CivilDate, into output: inout [UInt8]) {
        writeDigits(date.year, count: 4, into: &output)
        output.append(UInt8(ascii: "-"))
        writeDigits(date.month, count: 2, into: &output)
        output.append(UInt8(ascii: "-"))
        writeDigits(date.day, count: 2, into: &output)
    }

    /// Appends a non-negative `value` below 10^`count` as exactly `count` digits.
    private static func writeDigits(_ value: Int, count: Int, into output: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<count { divisor *= 10 }
        while divisor > 0 {
            output.append(UInt8(truncatingIfNeeded: value / divisor % 10) &+ 0x30)
            divisor /= 10
        }
    }
}

extension EvidenceReference {
    var json: JSONValue {
        var object: JSONObject = ["name": .string(name)]
        if let sha256 { object["sha256"] = .string(sha256) }
        if let bytes { object["bytes"] = .int(bytes) }
        return .object(object)
    }

    /// Appends the canonical encoding of `json` (keys `bytes`, `name`, `sha256` in byte order).
    func writeCanonical(into output: inout [UInt8]) {
        output.append(UInt8(ascii: "{"))
        if let bytes {
            JSONWriter.writeLiteral("\"bytes\":", into: &output)
            JSONWriter.writeInteger(bytes, into: &output)
            output.append(UInt8(ascii: ","))
        }
        JSONWriter.writeLiteral("\"name\":", into: &output)
        JSONWriter.writeString(name, into: &output)
        if let sha256 {
            JSONWriter.writeLiteral(",\"sha256\":", into: &output)
            JSONWriter.writeString(sha256, into: &output)
        }
        output.append(UInt8(ascii: "}"))
    }
}

extension ProposedEvent {
    /// Canonical bytes of the event's content (no sequence, chain, signature or system fields): what a
    /// signer signs before the event has a place in the log, and what idempotent re-appends compare.
    public var signingBytes: [UInt8] {
        var object: JSONObject = [
            "type": .string(type), "schema": .int(schema), "actor": .string(actor), "data": .object(data),
        ]
        if let id { object["id"] = .string(id) }
        if let effective { object["effective"] = .string(effective.description) }
        if let role { object["role"] = .string(role) }
        if let entity { object["entity"] = .string(entity) }
        if let reason { object["reason"] = .string(reason) }
        if !evidence.isEmpty { object["evidence"] = .array(evidence.map(\.json)) }
        return JSONWriter.canonical(.object(object))
    }
}
