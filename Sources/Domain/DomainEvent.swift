import TransitionSupport

/// One decoded fact: the event's type and its typed payload, one case per wire type.
///
/// Projections and rules switch over this enum exhaustively, so a new event type cannot be added
/// without every reader deciding what it means.
public enum DomainEvent: Sendable, Hashable, Codable {
    case programmeInitialised(ProgrammeInitialised)
    case workflowRevised(WorkflowRevised)
    case statutoryDateChanged(StatutoryDateChanged)
    case baselineTaken(BaselineTaken)
    case taskStarted(TaskStarted)
    case taskProgressed(TaskProgressed)
    case taskFinished(TaskFinished)
    case taskReforecast(TaskReforecast)
    case dueDiligenceItemAssigned(DueDiligenceItemAssigned)
    case dueDiligenceEvidenceAttached(DueDiligenceEvidenceAttached)
    case dueDiligenceStatusChanged(DueDiligenceStatusChanged)
    case dueDiligenceItemSignedOff(DueDiligenceItemSignedOff)
    case staffPostMapped(StaffPostMapped)
    case consultationOpened(ConsultationOpened)
    case consultationClosed(ConsultationClosed)
    case staffConsulted(StaffConsulted)
    case staffExceptionRaised(StaffExceptionRaised)
    case staffExceptionResolved(StaffExceptionResolved)
    case staffTransferConfirmed(StaffTransferConfirmed)
    case staffTransferred(StaffTransferred)
    case contractRegistered(ContractRegistered)
    case contractMechanismChosen(ContractMechanismChosen)
    case contractDueDiligenceDone(ContractDueDiligenceDone)
    case contractConsentRecorded(ContractConsentRecorded)
    case contractTransferred(ContractTransferred)
    case assetRegistered(AssetRegistered)
    case assetTransferred(AssetTransferred)
    case readinessDrafted(ReadinessDrafted)
    case readinessSectionAssessed(ReadinessSectionAssessed)
    case readinessSigned(ReadinessSigned)
    case readinessSubmitted(ReadinessSubmitted)
    case readinessFeedbackRecorded(ReadinessFeedbackRecorded)
    case readinessResubmitted(ReadinessResubmitted)
    case eventCorrected(EventCorrected)
    case eventRetracted(EventRetracted)
    case ruleOverridden(RuleOverridden)

    /// The typed payload, for code that treats every type alike (encoding, entity lookup).
    public var payload: any EventPayload {
        switch self {
        case .programmeInitialised(let payload): return payload
        case .workflowRevised(let payload): return payload
        case .statutoryDateChanged(let payload): return payload
        case .baselineTaken(let payload): return payload
        case .taskStarted(let payload): return payload
        case .taskProgressed(let payload): return payload
        case .taskFinished(let payload): return payload
        case .taskReforecast(let payload): return payload
        case .dueDiligenceItemAssigned(let payload): return payload
        case .dueDiligenceEvidenceAttached(let payload): return payload
        case .dueDiligenceStatusChanged(let payload): return payload
        case .dueDiligenceItemSignedOff(let payload): return payload
        case .staffPostMapped(let payload): return payload
        case .consultationOpened(let payload): return payload
        case .consultationClosed(let payload): return payload
        case .staffConsulted(let payload): return payload
        case .staffExceptionRaised(let payload): return payload
        case .staffExceptionResolved(let payload): return payload
        case .staffTransferConfirmed(let payload): return payload
        case .staffTransferred(let payload): return payload
        case .contractRegistered(let payload): return payload
        case .contractMechanismChosen(let payload): return payload
        case .contractDueDiligenceDone(let payload): return payload
        case .contractConsentRecorded(let payload): return payload
        case .contractTransferred(let payload): return payload
        case .assetRegistered(let payload): return payload
        case .assetTransferred(let payload): return payload
        case .readinessDrafted(let payload): return payload
        case .readinessSectionAssessed(let payload): return payload
        case .readinessSigned(let payload): return payload
        case .readinessSubmitted(let payload): return payload
        case .readinessFeedbackRecorded(let payload): return payload
        case .readinessResubmitted(let payload): return payload
        case .eventCorrected(let payload): return payload
        case .eventRetracted(let payload): return payload
        case .ruleOverridden(let payload): return payload
        }
    }

    /// The event's wire type.
    public var type: DomainEventType { Swift.type(of: payload).eventType }

    /// The payload as stored in the log, in the current schema.
    public var data: JSONObject { payload.data }

    /// The schema version ``data`` is written in (always the type's current schema).
    public var schema: Int { type.currentSchema }

    /// The id the envelope's `entity` must carry, or `nil` when any is acceptable.
    public var entity: String? { payload.entity }
}
