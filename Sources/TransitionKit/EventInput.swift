import EventLog
import TransitionSupport

/// Turns the JSON given to `transition append` into events for the log.
///
/// Accepts one object or an array of objects (a batch). Each object needs `type` and `data` (an
/// object) and may give `id`, `entity`, `effective`, `actor`, `role`, `reason`, `evidence`, `schema`
/// and `recordedAt`. Unknown fields are refused so a typo never passes silently.
public enum EventInput {
    static let allowedFields: Set<String> = [
        "type", "data", "id", "entity", "effective", "actor", "role", "reason", "evidence", "schema", "recordedAt",
    ]

    /// Parses `bytes`, filling `actor` / `role` from `defaults` where the input does not give them.
    public static func parse(
        _ bytes: [UInt8], defaultActor: String?, defaultRole: String?, system: SystemIdentity?
    ) throws(InputError) -> [ProposedEvent] {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw InputError(location: "input", message: "not valid JSON: \(error); nothing was appended")
        }
        let objects: [JSONValue]
        switch value {
        case .object: objects = [value]
        case .array(let elements): objects = elements
        default: throw InputError(location: "input", message: "expected an event object or an array of them, found \(value.typeName)")
        }
        guard !objects.isEmpty else { throw InputError(location: "input", message: "the array holds no events; nothing was appended") }
        var events: [ProposedEvent] = []
        for (index, element) in objects.enumerated() {
            let location = objects.count == 1 && value.arrayValue == nil ? "event" : "event[\(index)]"
            events.append(try event(from: element, location: location, defaultActor: defaultActor, defaultRole: defaultRole, system: system))
        }
        return events
    }

    static func event(
        from value: JSONValue, location: String, defaultActor: String?, defaultRole: String?, system: SystemIdentity?
    ) throws(InputError) -> ProposedEvent {
        guard case .object(let object) = value else {
            throw InputError(location: location, message: "expected an object, found \(value.typeName)")
        }
        for key in object.keys where !allowedFields.contains(key) {
            let hint = Suggestion.hint(for: key, in: allowedFields.sorted())
            throw InputError(location: "\(location).\(key)", message: "unknown field\(hint)")
        }
        func string(_ key: String) throws(InputError) -> String? {
            guard let raw = object[key] else { return nil }
            guard let text = raw.stringValue, !text.isEmpty else {
                throw InputError(location: "\(location).\(key)", message: "must be a non-empty string, found \(raw.typeName)")
            }
            return text
        }
        guard let type = try string("type") else {
            throw InputError(location: "\(location).type", message: "missing; every event needs a type such as \"dd.evidence.attached\"")
        }
        guard let rawData = object["data"] else {
            throw InputError(location: "\(location).data", message: "missing; give the payload as an object (use {} for none)")
        }
        guard case .object(let data) = rawData else {
            throw InputError(location: "\(location).data", message: "must be an object, found \(rawData.typeName)")
        }
        var effective: CivilDate?
        if let text = try string("effective") {
            guard let date = CivilDate(iso8601: text) else {
                throw InputError(location: "\(location).effective", message: "'\(text)' is not a date; use YYYY-MM-DD")
            }
            effective = date
        }
        var recordedAt: Timestamp?
        if let text = try string("recordedAt") {
            guard let time = Timestamp(iso8601: text) else {
                throw InputError(location: "\(location).recordedAt", message: "'\(text)' is not a UTC timestamp such as 2022-05-16T09:30:00Z")
            }
            recordedAt = time
        }
        var schema = 1
        if let raw = object["schema"] {
            guard let version = raw.intValue, version >= 1 else {
                throw InputError(location: "\(location).schema", message: "must be a positive integer")
            }
            schema = version
        }
        guard let actor = try string("actor") ?? defaultActor else {
            throw InputError(location: "\(location).actor", message: "missing; give \"actor\", or --as NAME, or set TRANSITION_ACTOR")
        }
        var evidence: [EvidenceReference] = []
        if let raw = object["evidence"] {
            guard let list = raw.arrayValue else {
                throw InputError(location: "\(location).evidence", message: "must be an array of names or {\"name\", \"path\"} objects")
            }
            for (position, item) in list.enumerated() {
                evidence.append(try evidenceReference(item, location: "\(location).evidence[\(position)]"))
            }
        }
        if let id = try string("id"), !isUUID(id) {
            throw InputError(location: "\(location).id", message: "'\(id)' is not a UUID such as 7d0f6a3e-8a43-4c8a-9c4e-2f0c1d9e5b11")
        }
        return ProposedEvent(
            id: try string("id")?.lowercased(), type: type, schema: schema, recordedAt: recordedAt, effective: effective,
            actor: actor, role: try string("role") ?? defaultRole, entity: try string("entity"), reason: try string("reason"),
            evidence: evidence, data: data, system: system?.json)
    }

    static func evidenceReference(_ item: JSONValue, location: String) throws(InputError) -> EvidenceReference {
        if let name = item.stringValue { return EvidenceReference(name: name) }
        guard case .object(let object) = item, let name = object["name"]?.stringValue ?? object["path"]?.stringValue else {
            throw InputError(location: location, message: "must be a name or an object with \"name\" and optional \"path\"")
        }
        if let path = object["path"]?.stringValue {
            return try EvidenceHasher.reference(forFile: path, name: object["name"]?.stringValue)
        }
        return EvidenceReference(name: name, sha256: object["sha256"]?.stringValue)
    }

    /// Whether `text` looks like a UUID (8-4-4-4-12 hex digits).
    public static func isUUID(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false)
        guard groups.map(\.count) == [8, 4, 4, 4, 12] else { return false }
        return groups.allSatisfy { $0.allSatisfy(\.isHexDigit) }
    }
}
