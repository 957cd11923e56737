import Domain
import TransitionSupport

/// An event recorded after the date it took effect: a fact the programme learned late.
///
/// Reports as of an earlier date could not have shown it; listing late events explains why two replays
/// of "the state on 1 July" (as known then, and as known now) differ.
public struct LateEvent: Sendable, Hashable, Codable {
    public var sequence: Int
    public var type: DomainEventType
    /// The id the envelope's `entity` must carry.
    public var entity: String?
    public var effective: CivilDate
    public var recordedAt: Timestamp
    /// Calendar days between the effective date and the recorded date.
    public var daysLate: Int

    /// The late-event entry for `event`, or `nil` when it was recorded on or before its effective date.
    public init?(_ event: borrowing RecordedEvent) {
        let recordedDate = event.recordedAt.date
        guard recordedDate > event.effective else { return nil }
        sequence = event.sequence
        type = event.type
        entity = event.entity
        effective = event.effective
        recordedAt = event.recordedAt
        daysLate = event.effective.days(to: recordedDate)
    }

    var json: JSONValue {
        .object([
            "sequence": .int(sequence), "type": .string(type.rawValue), "entity": JSONRendering.string(entity),
            "effective": .string(effective.description), "recordedAt": .string(recordedAt.description),
            "daysLate": .int(daysLate),
        ])
    }
}
