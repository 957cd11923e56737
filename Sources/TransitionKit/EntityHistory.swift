import EventLog
import TransitionSupport

/// Every event that touches an entity, oldest first: the auditor's per-item trail.
///
/// An event touches an entity when it is the event's `entity`, when its payload names it (`item`,
/// `person`, `contract`, `task`, ...), when it overrides a rule for it, or when it corrects or
/// retracts an event that touched it.
public enum EntityHistory {
    static let payloadKeys = ["item", "person", "contract", "asset", "task", "group", "entity"]

    public static func events(touching entity: String, in records: [EventRecord]) -> [EventRecord] {
        var touched = Set<Int>()
        var result: [EventRecord] = []
        for record in records {
            var hit = names(entity, record)
            if !hit, isCorrection(record), let target = record.data["sequence"]?.intValue, touched.contains(target) {
                hit = true
            }
            if hit {
                touched.insert(record.sequence)
                result.append(record)
            }
        }
        return result
    }

    /// Whether `record` can matter to `entity`'s history: it names the entity, or it corrects or
    /// retracts an event (which may be one that does). Keeping only these while reading a log gives
    /// ``events(touching:in:)``, ``text(_:all:)`` and ``json(_:all:)`` exactly what the whole log
    /// would, without holding it.
    public static func mayConcern(_ record: EventRecord, entity: String) -> Bool {
        names(entity, record) || isCorrection(record)
    }

    /// Whether `record` is about `entity`: its envelope's entity, or an id in its payload.
    private static func names(_ entity: String, _ record: EventRecord) -> Bool {
        record.entity == entity || payloadKeys.contains { record.data[$0]?.stringValue == entity }
    }

    private static func isCorrection(_ record: EventRecord) -> Bool {
        record.type == "event.corrected" || record.type == "event.retracted"
    }

    /// Sequence numbers of events later corrected or retracted, with the correcting event.
    public static func corrections(in records: [EventRecord]) -> [Int: EventRecord] {
        var map: [Int: EventRecord] = [:]
        for record in records where isCorrection(record) {
            if let target = record.data["sequence"]?.intValue { map[target] = record }
        }
        return map
    }

    /// A readable block per event: who, when, effective date, reason, evidence, identity, signature.
    public static func text(_ records: [EventRecord], all: [EventRecord]) -> [String] {
        let corrected = corrections(in: all)
        var lines: [String] = []
        for record in records {
            var head = "#\(record.sequence)  \(record.type)  recorded \(record.recordedAt)  effective \(record.effective)"
            if record.recordedAt.date > record.effective {
                head += "  [late: recorded \(record.effective.days(to: record.recordedAt.date)) days after it took effect]"
            }
            lines.append(head)
            lines.append("    by \(record.actor)\(record.role.map { " as \($0)" } ?? "")\(systemText(record))")
            if let reason = record.reason { lines.append("    reason: \(reason)") }
            let data = record.data.members.filter { !["workflow", "tasks"].contains($0.key) }
            if !data.isEmpty {
                lines.append("    data: " + JSONWriter.canonicalString(.object(JSONObject(uniqueSorted: Dictionary(uniqueKeysWithValues: data.map { ($0.key, $0.value) })))))
            }
            for item in record.evidence {
                lines.append("    evidence: \(item.name)\(item.sha256.map { " sha256 \($0)" } ?? " (no file hashed)")")
            }
            if let signature = record.signature {
                lines.append("    signed: principal \(signature["principal"]?.stringValue ?? "?") key \(signature["fingerprint"]?.stringValue ?? "?")")
            }
            if record.type == "rule.overridden" {
                lines.append("    OVERRIDE of rule \(record.data["rule"]?.stringValue ?? "?") for \(record.data["eventType"]?.stringValue ?? "?")")
            }
            if let later = corrected[record.sequence] {
                lines.append("    \(later.type == "event.retracted" ? "RETRACTED" : "CORRECTED") by #\(later.sequence) on \(later.recordedAt.date): \(later.reason ?? "")")
            }
        }
        return lines
    }

    static func systemText(_ record: EventRecord) -> String {
        guard let system = record.system else { return "" }
        let user = system["user"]?.stringValue ?? "?"
        let host = system["host"]?.stringValue ?? "?"
        return "  [OS user \(user) on \(host)]"
    }

    public static func json(_ records: [EventRecord], all: [EventRecord]) -> JSONValue {
        let corrected = corrections(in: all)
        return .array(records.map { record in
            var object = record.jsonObject
            object["workflow"] = nil
            if let later = corrected[record.sequence] {
                object["supersededBy"] = .object(["seq": .int(later.sequence), "type": .string(later.type)])
            }
            object["late"] = .bool(record.recordedAt.date > record.effective && record.type != "programme.initialised")
            return .object(object)
        })
    }
}
