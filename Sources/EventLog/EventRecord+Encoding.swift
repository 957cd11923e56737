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
        func key(_ name: StaticString, first: Bool = false) {
            if !first { output.append(UInt8(ascii: ",")) }
            output.append(0x22)
            output.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            output.append(0x22)
            output.append(UInt8(ascii: ":"))
        }
        func string(_ text: String) { JSONWriter.writeString(text, into: &output) }
        func integer(_ value: Int) { output.append(contentsOf: Array(String(value).utf8)) }
        output.append(UInt8(ascii: "{"))
        key("seq", first: true); integer(sequence)
        key("id"); string(id)
        key("type"); string(type)
        key("schema"); integer(schema)
        key("recordedAt"); string(recordedAt.description)
        key("effective"); string(effective.description)
        key("actor"); string(actor)
        if let role { key("role"); string(role) }
        if let entity { key("entity"); string(entity) }
        if let reason { key("reason"); string(reason) }
        if !evidence.isEmpty {
            key("evidence")
            JSONWriter.writeCanonical(.array(evidence.map(\.json)), into: &output)
        }
        key("data"); JSONWriter.writeCanonical(.object(data), into: &output)
        if let system { key("system"); JSONWriter.writeCanonical(.object(system), into: &output) }
        if let signature { key("signature"); JSONWriter.writeCanonical(.object(signature), into: &output) }
        if let batch {
            key("batch")
            output.append(contentsOf: Array("{\"first\":\(batch.first),\"size\":\(batch.size)}".utf8))
        }
        key("prev"); string(previousHash.hex)
        output.append(UInt8(ascii: "}"))
        return output
    }

    /// The full stored line, newline included.
    public var line: [UInt8] {
        var body = canonicalBody
        body.removeLast()
        body.append(contentsOf: Array(",\"hash\":\"\(hash.hex)\"}\n".utf8))
        return body
    }

    /// Computes and sets `hash` from the canonical body.
    mutating func seal() {
        hash = SHA256.hash(canonicalBody)
    }
}

extension EvidenceReference {
    var json: JSONValue {
        var object: JSONObject = ["name": .string(name)]
        if let sha256 { object["sha256"] = .string(sha256) }
        if let bytes { object["bytes"] = .int(bytes) }
        return .object(object)
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
