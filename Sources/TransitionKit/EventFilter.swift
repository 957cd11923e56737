import EventLog
import TransitionSupport

/// Selects events for `transition log`: by type (exact or `prefix.*`), entity, recorded-time window
/// and sequence-number range.
public struct EventFilter: Sendable {
    public var types: [String]
    public var entity: String?
    public var since: Timestamp?
    public var until: Timestamp?
    /// The first sequence number listed, if not 1.
    public var from: Int?
    /// The last sequence number listed, if not the head.
    public var to: Int?

    public init(
        types: [String] = [], entity: String? = nil, since: Timestamp? = nil, until: Timestamp? = nil, from: Int? = nil, to: Int? = nil
    ) {
        self.types = types
        self.entity = entity
        self.since = since
        self.until = until
        self.from = from
        self.to = to
    }

    /// Whether no event after `record` can match (the log is read in sequence order).
    public func isPast(_ record: EventRecord) -> Bool {
        to.map { record.sequence >= $0 } ?? false
    }

    public func matches(_ record: EventRecord) -> Bool {
        if let from, record.sequence < from { return false }
        if let to, record.sequence > to { return false }
        if !types.isEmpty, !types.contains(where: { EventFilter.type(record.type, matches: $0) }) { return false }
        if let entity, record.entity != entity { return false }
        if let since, record.recordedAt < since { return false }
        if let until, record.recordedAt > until { return false }
        return true
    }

    /// `*` matches everything, `dd.*` any type starting with `dd.`, anything else itself.
    public static func type(_ type: String, matches pattern: String) -> Bool {
        if pattern == "*" { return true }
        if pattern.hasSuffix(".*") { return type.hasPrefix(String(pattern.dropLast())) }
        return type == pattern
    }
}

/// Reads a point in time the way people type it: a full timestamp, or a date meaning its start or end.
public enum TimeArgument {
    /// Which instant a bare date stands for: its first millisecond (`--since`) or its last (`--until`).
    public enum DateMeaning: Sendable { case startOfDay, endOfDay }

    public static func parse(_ text: String, option: String, date meaning: DateMeaning) throws(InputError) -> Timestamp {
        if let stamp = Timestamp(iso8601: text) { return stamp }
        if let date = CivilDate(iso8601: text) {
            return meaning == .startOfDay ? Timestamp(startOf: date) : Timestamp(endOf: date)
        }
        throw InputError(location: "--\(option)", message: "'\(text)' is not a date (YYYY-MM-DD) or UTC timestamp (2022-05-16T09:30:00Z)")
    }
}
