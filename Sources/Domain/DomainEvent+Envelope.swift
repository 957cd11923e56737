import EventLog
import TransitionSupport

extension DomainEvent {
    /// Why this event needs a reason in its envelope, or `nil` when a reason is optional.
    ///
    /// Reasons are demanded where a decision closes or changes something without the work being done:
    /// auditors ask "why?" of exactly these.
    public var reasonRequirement: String? {
        switch self {
        case .workflowRevised: return "to revise the workflow"
        case .statutoryDateChanged: return "to change the statutory date"
        case .dueDiligenceStatusChanged(let change):
            return change.status.requiresReason ? "to mark an item \(change.status.rawValue)" : nil
        case .eventCorrected: return "to correct an event"
        case .eventRetracted: return "to retract an event"
        case .ruleOverridden: return "to override a rule"
        case .programmeInitialised, .baselineTaken, .taskStarted, .taskProgressed, .taskFinished, .taskReforecast,
            .dueDiligenceItemAssigned, .dueDiligenceEvidenceAttached, .dueDiligenceItemSignedOff, .staffPostMapped,
            .consultationOpened, .consultationClosed, .staffConsulted, .staffExceptionRaised, .staffExceptionResolved,
            .staffTransferConfirmed, .staffTransferred, .contractRegistered, .contractMechanismChosen,
            .contractDueDiligenceDone, .contractConsentRecorded, .contractTransferred, .assetRegistered,
            .assetTransferred, .readinessDrafted, .readinessSectionAssessed, .readinessSigned, .readinessSubmitted,
            .readinessFeedbackRecorded, .readinessResubmitted:
            return nil
        }
    }

    /// Whether the envelope must list at least one evidence document.
    public var requiresEvidence: Bool {
        if case .dueDiligenceEvidenceAttached = self { return true }
        return false
    }

    /// Checks the envelope fields this event's type depends on: the entity names the payload's subject, a
    /// reason is given where required, and evidence is attached where required.
    ///
    /// - Throws: the first ``PayloadError`` found, in that order.
    public func validateEnvelope(entity: String?, reason: String?, evidence: [EvidenceReference]) throws(PayloadError) {
        if let expected = self.entity, entity != expected {
            throw PayloadError(eventType: type.rawValue, problem: .entityMismatch(expected: expected, found: entity))
        }
        if let why = reasonRequirement, reason?.contains(where: { !$0.isWhitespace }) != true {
            throw PayloadError(eventType: type.rawValue, problem: .reasonRequired(why: why))
        }
        if requiresEvidence, evidence.isEmpty {
            throw PayloadError(eventType: type.rawValue, problem: .evidenceRequired)
        }
    }

    /// Checks a stored record's envelope (see ``validateEnvelope(entity:reason:evidence:)``).
    public func validateEnvelope(record: EventRecord) throws(PayloadError) {
        try validateEnvelope(entity: record.entity, reason: record.reason, evidence: record.evidence)
    }

    /// Checks a proposed event's envelope before it is appended.
    public func validateEnvelope(proposed: ProposedEvent) throws(PayloadError) {
        try validateEnvelope(entity: proposed.entity, reason: proposed.reason, evidence: proposed.evidence)
    }

    /// Decodes a proposed event's payload and checks its envelope: what an append path calls first.
    public static func validate(proposed: ProposedEvent) throws(PayloadError) -> DomainEvent {
        let event = try decode(type: proposed.type, schema: proposed.schema, data: proposed.data)
        try event.validateEnvelope(proposed: proposed)
        return event
    }
}

extension ProposedEvent {
    /// A proposed event carrying `event` in the current schema, with its entity filled in.
    public init(
        _ event: DomainEvent, actor: String, role: String? = nil, effective: CivilDate? = nil, reason: String? = nil,
        evidence: [EvidenceReference] = [], recordedAt: Timestamp? = nil, id: String? = nil
    ) {
        self.init(
            id: id, type: event.type.rawValue, schema: event.schema, recordedAt: recordedAt, effective: effective,
            actor: actor, role: role, entity: event.entity, reason: reason, evidence: evidence, data: event.data)
    }
}
