import TransitionSupport

/// Every event type Transition understands, with its wire name, current schema, subject and meaning.
///
/// The log stores any type string; this enum is the single list the rest of the engine agrees on, so
/// adding a type forces every projection's exhaustive switch to decide what the new fact means.
public enum DomainEventType: String, Sendable, Hashable, Codable, CaseIterable {
    case programmeInitialised = "programme.initialised"
    case workflowRevised = "workflow.revised"
    case statutoryDateChanged = "programme.statutory-date.changed"
    case baselineTaken = "baseline.taken"
    case taskStarted = "task.started"
    case taskProgressed = "task.progressed"
    case taskFinished = "task.finished"
    case taskReforecast = "task.reforecast"
    case dueDiligenceItemAssigned = "dd.item.assigned"
    case dueDiligenceEvidenceAttached = "dd.evidence.attached"
    case dueDiligenceStatusChanged = "dd.status.changed"
    case dueDiligenceItemSignedOff = "dd.item.signed-off"
    case staffPostMapped = "staff.post.mapped"
    case consultationOpened = "staff.consultation.opened"
    case consultationClosed = "staff.consultation.closed"
    case staffConsulted = "staff.consulted"
    case staffExceptionRaised = "staff.exception.raised"
    case staffExceptionResolved = "staff.exception.resolved"
    case staffTransferConfirmed = "staff.transfer.confirmed"
    case staffTransferred = "staff.transferred"
    case contractRegistered = "contract.registered"
    case contractMechanismChosen = "contract.mechanism.chosen"
    case contractDueDiligenceDone = "contract.due-diligence.done"
    case contractConsentRecorded = "contract.consent.recorded"
    case contractTransferred = "contract.transferred"
    case assetRegistered = "asset.registered"
    case assetTransferred = "asset.transferred"
    case readinessDrafted = "ros.drafted"
    case readinessSectionAssessed = "ros.section.assessed"
    case readinessSigned = "ros.signed"
    case readinessSubmitted = "ros.submitted"
    case readinessFeedbackRecorded = "ros.feedback.recorded"
    case readinessResubmitted = "ros.resubmitted"
    case eventCorrected = "event.corrected"
    case eventRetracted = "event.retracted"
    case ruleOverridden = "rule.overridden"

    /// The wire name, such as `dd.status.changed`.
    public var wireName: String { rawValue }

    /// The type stored under `wireName`, as `init(rawValue:)` finds it but with one look-up in a
    /// ``StringIndex`` instead of a comparison per case: replay reads the type of every event twice
    /// (a `Dictionary<String, _>`, hashing with SipHash, cost some 500 instructions a look-up).
    public init?(wireName: String) {
        guard let position = Self.byWireName.position(of: wireName) else { return nil }
        self = Self.inOrder[position]
    }

    private static let inOrder = allCases
    private static let byWireName = StringIndex(inOrder.map(\.rawValue))

    /// The schema version new events of this type are written with. Older versions are upcast.
    public var currentSchema: Int {
        switch self {
        case .staffPostMapped: return 2
        default: return 1
        }
    }

    /// The kind of entity the envelope's `entity` names for this type.
    public var entityKind: EntityKind {
        switch self {
        case .programmeInitialised, .workflowRevised, .statutoryDateChanged, .baselineTaken: return .programme
        case .taskStarted, .taskProgressed, .taskFinished, .taskReforecast: return .task
        case .dueDiligenceItemAssigned, .dueDiligenceEvidenceAttached, .dueDiligenceStatusChanged,
            .dueDiligenceItemSignedOff:
            return .dueDiligence
        case .staffPostMapped, .staffConsulted, .staffExceptionRaised, .staffExceptionResolved,
            .staffTransferConfirmed, .staffTransferred:
            return .staff
        case .consultationOpened, .consultationClosed: return .consultation
        case .contractRegistered, .contractMechanismChosen, .contractDueDiligenceDone, .contractConsentRecorded,
            .contractTransferred:
            return .contract
        case .assetRegistered, .assetTransferred: return .asset
        case .readinessDrafted, .readinessSectionAssessed, .readinessSigned, .readinessSubmitted,
            .readinessFeedbackRecorded, .readinessResubmitted:
            return .ros
        case .eventCorrected, .eventRetracted: return .event
        case .ruleOverridden: return .rule
        }
    }

    /// Whether this is one of the two sign-off types (`dd.item.signed-off`, `ros.signed`).
    public var isSignOff: Bool { self == .dueDiligenceItemSignedOff || self == .readinessSigned }

    /// Whether this event fixes another event rather than recording a fact.
    public var isCorrection: Bool { self == .eventCorrected || self == .eventRetracted }

    /// One line saying what the event records.
    public var summary: String {
        switch self {
        case .programmeInitialised: return "The programme starts, with the full workflow it runs under."
        case .workflowRevised: return "A new version of the workflow replaces the one in force."
        case .statutoryDateChanged: return "The statutory go-live date moves (e.g. 1 April to 1 July 2022)."
        case .baselineTaken: return "The current plan's task dates are frozen as a numbered baseline."
        case .taskStarted: return "A task actually started."
        case .taskProgressed: return "A task's percent complete (and optionally its remaining days) was reported."
        case .taskFinished: return "A task actually finished (a milestone was reached)."
        case .taskReforecast: return "A started task's remaining working days were re-estimated."
        case .dueDiligenceItemAssigned: return "A due-diligence item was given a named owner."
        case .dueDiligenceEvidenceAttached: return "Evidence documents were attached to a due-diligence item."
        case .dueDiligenceStatusChanged: return "A due-diligence item's status changed."
        case .dueDiligenceItemSignedOff: return "A role signed off a due-diligence item."
        case .staffPostMapped: return "A person was mapped from their CCG post to a post in the new body."
        case .consultationOpened: return "A staff consultation group's consultation opened."
        case .consultationClosed: return "A staff consultation closed and its outcome was issued."
        case .staffConsulted: return "A person was consulted."
        case .staffExceptionRaised: return "Something may stop or change a person's transfer (objection, leave, ...)."
        case .staffExceptionResolved: return "A person's transfer exception was resolved."
        case .staffTransferConfirmed: return "A person's transfer was confirmed (transfer letter issued)."
        case .staffTransferred: return "A person transferred, with effect from the envelope's effective date."
        case .contractRegistered: return "A contract was added to the contract register."
        case .contractMechanismChosen: return "How a contract moves (transfer scheme, novation, termination, expiry) was decided."
        case .contractDueDiligenceDone: return "A contract's due diligence was completed."
        case .contractConsentRecorded: return "The counterparty consented (novation)."
        case .contractTransferred: return "A contract transferred to the new body."
        case .assetRegistered: return "An asset, lease, liability or claim was added to the register."
        case .assetTransferred: return "An asset, lease, liability or claim transferred."
        case .readinessDrafted: return "A version of the Readiness to Operate Statement was drafted against a target date."
        case .readinessSectionAssessed: return "A ROS section was assessed (assured, partially assured, not assured)."
        case .readinessSigned: return "A signatory role signed a ROS version."
        case .readinessSubmitted: return "A ROS version was submitted to the region."
        case .readinessFeedbackRecorded: return "Regional feedback on a ROS version was recorded."
        case .readinessResubmitted: return "A ROS version was resubmitted after feedback."
        case .eventCorrected: return "An earlier event's payload (and effective date) is replaced; the original stays in the log."
        case .eventRetracted: return "An earlier event is withdrawn; it stays in the log but no longer counts."
        case .ruleOverridden: return "A rule is knowingly overridden for the next event, with a reason."
        }
    }
}
