import TransitionSupport

extension CanonicalLine {
    /// The event stored in `line` (no newline) if the line is exactly in the writer's canonical
    /// form; otherwise `nil`, and the caller decodes it with the full decoder.
    ///
    /// Replay decodes every line of the log, and building a `JSONValue` tree for each envelope (17
    /// keys, all compared as strings) dominated it. This reads the fields in their documented order
    /// straight from the bytes and builds only the record's own values. It does not check the stored
    /// hash against the body (the caller does), and whatever it returns is equal to what
    /// `EventRecord.fullyDecodedRecord(line:)` returns for the same line (`CanonicalRecordTests` and
    /// the event-line fuzz target check this on mutated lines).
    ///
    /// Short strings are taken from `strings` when it has them (a reader of many lines passes one).
    static func record(of line: UnsafeRawBufferPointer, strings: StringCache? = nil) -> EventRecord? {
        var record: EventRecord?
        _ = read(line, strings: strings, into: &record)
        return record
    }

    /// ``record(of:strings:)`` stored straight into `slot` (which the caller has left `nil`);
    /// whether the line is in the writer's canonical form.
    static func read(_ line: UnsafeRawBufferPointer, strings: StringCache?, into slot: inout EventRecord?) -> Bool {
        // `strings` is held to the end (the cursor holds it unretained).
        defer { withExtendedLifetime(strings) {} }
        guard let start = line.baseAddress, line.count > hashSuffixLength else { return false }
        var cursor = CanonicalJSONCursor(start.assumingMemoryBound(to: UInt8.self), count: line.count)
        // `strings` outlives the cursor (it is this function's argument).
        cursor.strings = strings.map(Unmanaged.passUnretained)
        guard cursor.consume("{\"seq\":"), let sequence = cursor.integer(),
            cursor.consume(",\"id\":"), let id = cursor.text(),
            cursor.consume(",\"type\":"), let type = cursor.text(),
            cursor.consume(",\"schema\":"), let schema = cursor.integer(),
            cursor.consume(",\"recordedAt\":"), let recordedAt = timestamp(&cursor),
            cursor.consume(",\"effective\":"), let effective = date(&cursor),
            cursor.consume(",\"actor\":"), let actor = cursor.text()
        else { return false }
        var role: String?
        var entity: String?
        var reason: String?
        var evidence: [EvidenceReference] = []
        if cursor.consume(",\"role\":") {
            guard let text = cursor.text() else { return false }
            role = text
        }
        if cursor.consume(",\"entity\":") {
            guard let text = cursor.text() else { return false }
            entity = text
        }
        if cursor.consume(",\"reason\":") {
            guard let text = cursor.text() else { return false }
            reason = text
        }
        if cursor.consume(",\"evidence\":") {
            guard let list = evidenceList(&cursor) else { return false }
            evidence = list
        }
        guard cursor.consume(",\"data\":"), let data = cursor.jsonObject(depth: 2) else { return false }
        var system: JSONObject?
        var signature: JSONObject?
        var batch: BatchMarker?
        if cursor.consume(",\"system\":") {
            guard let object = cursor.jsonObject(depth: 2) else { return false }
            system = object
        }
        if cursor.consume(",\"signature\":") {
            guard let object = cursor.jsonObject(depth: 2) else { return false }
            signature = object
        }
        if cursor.consume(",\"batch\":") {
            guard cursor.consume("{\"first\":"), let first = cursor.integer(), cursor.consume(",\"size\":"),
                let size = cursor.integer(), cursor.consume("}")
            else { return false }
            batch = BatchMarker(first: first, size: size)
        }
        guard cursor.consume(",\"prev\":\""), let previousHash = hexDigest(&cursor), cursor.consume("\""),
            cursor.index == line.count - hashSuffixLength, cursor.consume(",\"hash\":\""), let hash = hexDigest(&cursor),
            cursor.consume("\"}"), cursor.isAtEnd
        else { return false }
        slot = EventRecord(
            sequence: sequence, id: id, type: type, schema: schema, recordedAt: recordedAt, effective: effective, actor: actor,
            role: role, entity: entity, reason: reason, evidence: evidence, data: data, system: system, signature: signature,
            batch: batch, previousHash: previousHash, hash: hash)
        return true
    }

    /// An evidence list as `EvidenceReference.writeCanonical` writes it.
    private static func evidenceList(_ cursor: inout CanonicalJSONCursor) -> [EvidenceReference]? {
        guard cursor.consume("[") else { return nil }
        var list: [EvidenceReference] = []
        if cursor.consume("]") { return list }
        while true {
            guard let reference = evidenceReference(&cursor) else { return nil }
            list.append(reference)
            if cursor.consume(",") { continue }
            return cursor.consume("]") ? list : nil
        }
    }

    /// `{"bytes":<integer>,"name":<string>,"sha256":<string>}` with `bytes` and `sha256` optional:
    /// the only members the writer emits. Other members, or other value types (which the full
    /// decoder reads leniently), go to the full decoder.
    private static func evidenceReference(_ cursor: inout CanonicalJSONCursor) -> EvidenceReference? {
        guard cursor.consume("{") else { return nil }
        var bytes: Int?
        var sha256: String?
        if cursor.consume("\"bytes\":") {
            guard let count = cursor.integer(), cursor.consume(",") else { return nil }
            bytes = count
        }
        guard cursor.consume("\"name\":"), let name = cursor.text() else { return nil }
        if cursor.consume(",\"sha256\":") {
            guard let digest = cursor.text() else { return nil }
            sha256 = digest
        }
        guard cursor.consume("}") else { return nil }
        return EvidenceReference(name: name, sha256: sha256, bytes: bytes)
    }
}
