import EventLog
import TransitionSupport

/// Small conversions shared by every register's `json()`, so dates, times and absent values are
/// always written the same way and output stays byte-identical across replays.
enum JSONRendering {
    static func date(_ date: CivilDate?) -> JSONValue {
        date.map { .string($0.description) } ?? .null
    }

    static func time(_ time: Timestamp?) -> JSONValue {
        time.map { .string($0.description) } ?? .null
    }

    static func string(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }

    static func int(_ number: Int?) -> JSONValue {
        number.map { .int($0) } ?? .null
    }

    /// Whole amounts as integers, others as numbers (matching how payloads write amounts).
    static func amount(_ value: Double?) -> JSONValue {
        guard let value else { return .null }
        if value.rounded() == value, abs(value) < 9.0e15 { return .int(Int(value)) }
        return .double(value)
    }

    static func strings(_ list: [String]) -> JSONValue {
        .array(list.map { .string($0) })
    }

    /// A `{key: count}` object over `keys`, zeros included, so the shape never depends on the data.
    static func counts(_ counts: [String: Int], keys: [String]) -> JSONValue {
        var object = JSONObject()
        for key in keys { object[key] = .int(counts[key] ?? 0) }
        for key in counts.keys.sorted() where !keys.contains(key) { object[key] = .int(counts[key] ?? 0) }
        return .object(object)
    }

    static func evidence(_ reference: EvidenceReference) -> JSONValue {
        var object: JSONObject = ["name": .string(reference.name)]
        if let sha256 = reference.sha256 { object["sha256"] = .string(sha256) }
        if let bytes = reference.bytes { object["bytes"] = .int(bytes) }
        return .object(object)
    }
}

/// Ids in workflow order first, then any others (known only from events) sorted, without repeats.
///
/// Registers list planned things the way the programme board reads them and unplanned ones after,
/// so ordering is stable whatever order the events arrived in.
func orderedIDs(planned: [String], known: some Collection<String>) -> [String] {
    var seen = Set<String>()
    var result: [String] = []
    result.reserveCapacity(max(planned.count, known.count))
    for id in planned where seen.insert(id).inserted { result.append(id) }
    let known = Set(known)
    for id in known.sorted() where !seen.contains(id) { result.append(id) }
    return result
}
