import Domain
import EventLog
import Projections

/// What became of a recorded override: the event it let through, and whether that event or the
/// override itself was later retracted.
///
/// `check` lists every `rule.overridden` event as recorded (the record never changes); an auditor
/// reading the list also needs to know which overridden facts still stand.
public struct OverrideStanding: Sendable, Hashable {
    /// The event the override let through (the next event of its type in the same batch), if known.
    public var letThrough: Int?
    /// The retraction of the override event itself, if any.
    public var retractedBy: Int?
    /// The retraction of the event it let through, if any.
    public var letThroughRetractedBy: Int?

    /// How the standing reads after a listing line: "" when nothing happened to it since.
    public var summary: String {
        var parts: [String] = []
        if let letThrough { parts.append("let through #\(letThrough)" + (letThroughRetractedBy.map { ", since retracted by #\($0)" } ?? "")) }
        if let retractedBy { parts.append("override retracted by #\(retractedBy)") }
        return parts.isEmpty ? "" : " [" + parts.joined(separator: "; ") + "]"
    }
}

extension ProgrammeView {
    /// The standing of the override `record` (a `rule.overridden` event of this view).
    ///
    /// The event it let through is the first event of the overridden type after it in its batch
    /// (overrides are recorded in the same append as the event), found from the type the correction
    /// log notes for every event, so it is named even when that event was retracted since.
    public func standing(ofOverride record: EventRecord) -> OverrideStanding {
        let corrections = state.corrections
        func retraction(of target: Int) -> Int? {
            guard let entry = corrections.activeEntry(for: target), entry.kind == .retracted else { return nil }
            return entry.sequence
        }
        let overridden = record.data["eventType"]?.stringValue.flatMap(DomainEventType.init(wireName:))
        let batchEnd = max(record.batch?.last ?? record.sequence, record.sequence)
        let letThrough = overridden.flatMap { type in
            (record.sequence + 1...max(batchEnd, record.sequence + 1)).first { corrections.type(ofEvent: $0) == type }
        }
        return OverrideStanding(
            letThrough: letThrough, retractedBy: retraction(of: record.sequence), letThroughRetractedBy: letThrough.flatMap(retraction(of:)))
    }
}
