import Domain
import EventLog
import TransitionSupport

/// Builds stored event records for tests, as the log would have written them.
///
/// Records are made by decoding canonical lines, so they are exactly what replay reads from disk.
struct HistoryBuilder {
    private(set) var records: [EventRecord] = []
    var sha = String(repeating: "0f", count: 32)

    /// Parses a JSON object literal.
    static func object(_ text: String) -> JSONObject {
        guard let value = try? JSONParser.parse(text), case .object(let object) = value else {
            return ["unparseable": .string(text)]
        }
        return object
    }

    /// Appends one event; the entity is taken from the payload unless given.
    @discardableResult
    mutating func add(
        _ type: String, _ data: JSONObject, at time: String, effective: String? = nil, actor: String = "A. Patel",
        role: String? = "sro-people", entity: String? = nil, reason: String? = nil, evidence: [String] = [],
        schema: Int? = nil, batch: BatchMarker? = nil
    ) throws -> EventRecord {
        let sequence = records.count + 1
        let recordedAt = try requireValue(Timestamp(iso8601: time), "bad time \(time)")
        let decoded = try? DomainEvent.decode(type: type, schema: schema ?? 1, data: data)
        var object: JSONObject = [
            "seq": .int(sequence), "id": .string("00000000-0000-0000-0000-\(String(repeating: "0", count: 12 - String(sequence).count))\(sequence)"),
            "type": .string(type), "schema": .int(schema ?? decoded?.schema ?? 1),
            "recordedAt": .string(recordedAt.description), "effective": .string(effective ?? recordedAt.date.description),
            "actor": .string(actor), "data": .object(data), "prev": .string(String(repeating: "0", count: 64)),
        ]
        if let role { object["role"] = .string(role) }
        if let entity = entity ?? decoded?.entity { object["entity"] = .string(entity) }
        if let reason { object["reason"] = .string(reason) }
        if !evidence.isEmpty { object["evidence"] = .array(evidence.map { .object(["name": .string($0)]) }) }
        if let batch { object["batch"] = .object(["first": .int(batch.first), "size": .int(batch.size)]) }
        var line = JSONWriter.canonical(.object(object))
        line.removeLast()
        line += Array(",\"hash\":\"\(String(repeating: "0", count: 64))\"}".utf8)
        let record = try EventRecord.decode(line: line, checkingHash: false).record
        records.append(record)
        return record
    }

    /// Starts the programme under `document` at `time`.
    mutating func initialise(_ document: JSONObject = TinyWorkflow.document, at time: String = "2022-03-01T09:00:00Z") throws {
        try add(
            "programme.initialised",
            ["programme": .string("tiny"), "workflow": .object(document), "workflowSha256": .string(sha), "workflowFile": .string("tiny.json")],
            at: time, role: "programme-director")
    }
}

struct MissingValue: Error, CustomStringConvertible {
    var description: String
}

/// Unwraps `value` or throws (a `#require` usable outside test functions).
func requireValue<T>(_ value: T?, _ message: String) throws -> T {
    guard let value else { throw MissingValue(description: message) }
    return value
}
