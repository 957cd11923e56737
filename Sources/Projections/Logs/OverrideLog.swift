import Domain
import EventLog
import TransitionSupport

/// Every rule knowingly set aside: which rule, for which event, by whom, in what role, and why.
///
/// Overrides are the audit trail's sharpest edge, so they are listed on their own, each linked to the
/// event it let through (the next event of the same batch with the overridden type).
public struct OverrideLog: Sendable, Hashable, Codable {
    /// One `rule.overridden` event.
    public struct Entry: Sendable, Hashable, Codable {
        public var sequence: Int
        public var recordedAt: Timestamp
        public var rule: String
        public var eventType: DomainEventType
        /// The id the envelope's `entity` must carry.
        public var entity: String?
        public var actor: String
        public var role: String?
        public var reason: String?
        /// What the rule found unmet when it was overridden.
        public var unmet: String?
        /// The sequence of the event the override let through, once seen.
        public var letThrough: Int?
        /// The first sequence of the batch the override was recorded in, if any.
        var batchFirst: Int?
    }

    public internal(set) var entries: [Entry] = []

    /// An empty projection, before any event.
    public init() {}

    /// Folds one event in.
    public mutating func apply(_ event: RecordedEvent) {
        switch event.event {
        case .ruleOverridden(let payload):
            entries.append(
                Entry(
                    sequence: event.sequence, recordedAt: event.recordedAt, rule: payload.rule,
                    eventType: payload.overriddenType, entity: payload.subject, actor: event.actor, role: event.role,
                    reason: event.reason, unmet: payload.unmet, letThrough: nil, batchFirst: event.record.batch?.first))
        case .programmeInitialised, .workflowRevised, .statutoryDateChanged, .baselineTaken, .taskStarted,
            .taskProgressed, .taskFinished, .taskReforecast, .dueDiligenceItemAssigned, .dueDiligenceEvidenceAttached,
            .dueDiligenceStatusChanged, .dueDiligenceItemSignedOff, .staffPostMapped, .consultationOpened,
            .consultationClosed, .staffConsulted, .staffExceptionRaised, .staffExceptionResolved,
            .staffTransferConfirmed, .staffTransferred, .contractRegistered, .contractMechanismChosen,
            .contractDueDiligenceDone, .contractConsentRecorded, .contractTransferred, .assetRegistered,
            .assetTransferred, .readinessDrafted, .readinessSectionAssessed, .readinessSigned, .readinessSubmitted,
            .readinessFeedbackRecorded, .readinessResubmitted, .eventCorrected, .eventRetracted:
            link(event)
        }
    }

    /// Links pending overrides of this event's type recorded just before it in the same batch.
    private mutating func link(_ event: RecordedEvent) {
        var index = entries.count - 1
        while index >= 0 {
            let entry = entries[index]
            let sameBatch = entry.batchFirst != nil && entry.batchFirst == event.record.batch?.first
            guard sameBatch || (entry.batchFirst == nil && entry.sequence == event.sequence - 1) else { return }
            if entry.letThrough == nil, entry.eventType == event.type { entries[index].letThrough = event.sequence }
            index -= 1
        }
    }

    /// Deterministic rendering, in log order.
    public func json() -> JSONValue {
        .array(
            entries.map {
                .object([
                    "sequence": .int($0.sequence), "recordedAt": .string($0.recordedAt.description),
                    "rule": .string($0.rule), "eventType": .string($0.eventType.rawValue),
                    "entity": JSONRendering.string($0.entity), "actor": .string($0.actor),
                    "role": JSONRendering.string($0.role), "reason": JSONRendering.string($0.reason),
                    "unmet": JSONRendering.string($0.unmet), "letThrough": JSONRendering.int($0.letThrough),
                ])
            })
    }
}
