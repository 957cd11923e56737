import TransitionSupport

/// One decoded fact: the event's type and its typed payload, one case per wire type.
///
/// Projections and rules switch over this enum exhaustively, so a new event type cannot be added
/// without every reader deciding what it means. Every case is `indirect`: the payload lives in a
/// box, so that the copies a `switch` or a hand-over makes move one reference rather than the
/// largest payload's 147 bytes (a replay copies each event some dozens of times; this took 3% of
/// its instructions).
public indirect enum DomainEvent: Sendable, Hashable, Codable {
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
    ///
    /// A plain switch rather than `Swift.type(of: payload).eventType`: replay asks every event for
    /// its type, and going through ``payload`` would box the payload in an existential each time.
    public var type: DomainEventType {
        switch self {
        case .programmeInitialised: return .programmeInitialised
        case .workflowRevised: return .workflowRevised
        case .statutoryDateChanged: return .statutoryDateChanged
        case .baselineTaken: return .baselineTaken
        case .taskStarted: return .taskStarted
        case .taskProgressed: return .taskProgressed
        case .taskFinished: return .taskFinished
        case .taskReforecast: return .taskReforecast
        case .dueDiligenceItemAssigned: return .dueDiligenceItemAssigned
        case .dueDiligenceEvidenceAttached: return .dueDiligenceEvidenceAttached
        case .dueDiligenceStatusChanged: return .dueDiligenceStatusChanged
        case .dueDiligenceItemSignedOff: return .dueDiligenceItemSignedOff
        case .staffPostMapped: return .staffPostMapped
        case .consultationOpened: return .consultationOpened
        case .consultationClosed: return .consultationClosed
        case .staffConsulted: return .staffConsulted
        case .staffExceptionRaised: return .staffExceptionRaised
        case .staffExceptionResolved: return .staffExceptionResolved
        case .staffTransferConfirmed: return .staffTransferConfirmed
        case .staffTransferred: return .staffTransferred
        case .contractRegistered: return .contractRegistered
        case .contractMechanismChosen: return .contractMechanismChosen
        case .contractDueDiligenceDone: return .contractDueDiligenceDone
        case .contractConsentRecorded: return .contractConsentRecorded
        case .contractTransferred: return .contractTransferred
        case .assetRegistered: return .assetRegistered
        case .assetTransferred: return .assetTransferred
        case .readinessDrafted: return .readinessDrafted
        case .readinessSectionAssessed: return .readinessSectionAssessed
        case .readinessSigned: return .readinessSigned
        case .readinessSubmitted: return .readinessSubmitted
        case .readinessFeedbackRecorded: return .readinessFeedbackRecorded
        case .readinessResubmitted: return .readinessResubmitted
        case .eventCorrected: return .eventCorrected
        case .eventRetracted: return .eventRetracted
        case .ruleOverridden: return .ruleOverridden
        }
    }

    /// The payload as stored in the log, in the current schema.
    public var data: JSONObject { payload.data }

    /// The schema version ``data`` is written in (always the type's current schema).
    public var schema: Int { type.currentSchema }

    /// The id the envelope's `entity` must carry, or `nil` when any is acceptable.
    public var entity: String? { payload.entity }
}
