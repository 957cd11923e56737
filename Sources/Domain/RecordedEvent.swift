import EventLog
import TransitionSupport

/// A stored event together with its decoded meaning: the envelope the log keeps and the typed fact.
///
/// Projections need both: the fact to fold, and the envelope's sequence, times, actor, role, reason and
/// evidence to show who did what, when and why.
public struct RecordedEvent: Sendable, Hashable, Codable {
    /// The event as stored (its `data` is the stored payload, possibly of an older schema).
    public var record: EventRecord
    /// The decoded payload, in the current schema.
    public var event: DomainEvent

    /// Pairs a record with an already decoded event.
    public init(record: EventRecord, event: DomainEvent) {
        self.record = record
        self.event = event
    }

    /// Decodes a stored record: upcasts its payload to the current schema, then decodes it strictly.
    ///
    /// The envelope is not judged here (history recorded under older rules must still replay); use
    /// ``DomainEvent/validateEnvelope(record:)`` before appending.
    public static func decode(_ record: consuming EventRecord) throws(PayloadError) -> RecordedEvent {
        let event = try DomainEvent.decode(type: record.type, schema: record.schema, data: record.data)
        return RecordedEvent(record: record, event: event)
    }

    public var sequence: Int { record.sequence }
    public var recordedAt: Timestamp { record.recordedAt }
    public var effective: CivilDate { record.effective }
    public var actor: String { record.actor }
    public var role: String? { record.role }
    /// The id the envelope's `entity` must carry.
    public var entity: String? { record.entity }
    public var reason: String? { record.reason }
    public var evidence: [EvidenceReference] { record.evidence }
    public var type: DomainEventType { event.type }
}
