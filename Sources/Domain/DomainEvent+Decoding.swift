import TransitionSupport

extension DomainEvent {
    /// Decodes a stored payload of any supported schema: upcast to the current schema, then read strictly.
    ///
    /// - Throws: ``PayloadError`` naming the type and field when the type is unknown, the schema is
    ///   unsupported, or the payload does not fit the type.
    public static func decode(type typeName: String, schema: Int, data: JSONObject) throws(PayloadError) -> DomainEvent {
        guard let type = DomainEventType(wireName: typeName) else {
            let suggestion = Suggestion.closest(to: typeName, in: DomainEventType.allCases.map(\.rawValue))
            throw PayloadError(eventType: typeName, problem: .unknownType(suggestion: suggestion))
        }
        let current = try EventUpcasting.upcast(type: type, schema: schema, data: data)
        return try decode(type: type, currentData: current)
    }

    /// Decodes a payload already in the type's current schema.
    public static func decode(type: DomainEventType, currentData data: JSONObject) throws(PayloadError) -> DomainEvent {
        switch type {
        case .programmeInitialised: return .programmeInitialised(try ProgrammeInitialised(data: data))
        case .workflowRevised: return .workflowRevised(try WorkflowRevised(data: data))
        case .statutoryDateChanged: return .statutoryDateChanged(try StatutoryDateChanged(data: data))
        case .baselineTaken: return .baselineTaken(try BaselineTaken(data: data))
        case .taskStarted: return .taskStarted(try TaskStarted(data: data))
        case .taskProgressed: return .taskProgressed(try TaskProgressed(data: data))
        case .taskFinished: return .taskFinished(try TaskFinished(data: data))
        case .taskReforecast: return .taskReforecast(try TaskReforecast(data: data))
        case .dueDiligenceItemAssigned: return .dueDiligenceItemAssigned(try DueDiligenceItemAssigned(data: data))
        case .dueDiligenceEvidenceAttached: return .dueDiligenceEvidenceAttached(try DueDiligenceEvidenceAttached(data: data))
        case .dueDiligenceStatusChanged: return .dueDiligenceStatusChanged(try DueDiligenceStatusChanged(data: data))
        case .dueDiligenceItemSignedOff: return .dueDiligenceItemSignedOff(try DueDiligenceItemSignedOff(data: data))
        case .staffPostMapped: return .staffPostMapped(try StaffPostMapped(data: data))
        case .consultationOpened: return .consultationOpened(try ConsultationOpened(data: data))
        case .consultationClosed: return .consultationClosed(try ConsultationClosed(data: data))
        case .staffConsulted: return .staffConsulted(try StaffConsulted(data: data))
        case .staffExceptionRaised: return .staffExceptionRaised(try StaffExceptionRaised(data: data))
        case .staffExceptionResolved: return .staffExceptionResolved(try StaffExceptionResolved(data: data))
        case .staffTransferConfirmed: return .staffTransferConfirmed(try StaffTransferConfirmed(data: data))
        case .staffTransferred: return .staffTransferred(try StaffTransferred(data: data))
        case .contractRegistered: return .contractRegistered(try ContractRegistered(data: data))
        case .contractMechanismChosen: return .contractMechanismChosen(try ContractMechanismChosen(data: data))
        case .contractDueDiligenceDone: return .contractDueDiligenceDone(try ContractDueDiligenceDone(data: data))
        case .contractConsentRecorded: return .contractConsentRecorded(try ContractConsentRecorded(data: data))
        case .contractTransferred: return .contractTransferred(try ContractTransferred(data: data))
        case .assetRegistered: return .assetRegistered(try AssetRegistered(data: data))
        case .assetTransferred: return .assetTransferred(try AssetTransferred(data: data))
        case .readinessDrafted: return .readinessDrafted(try ReadinessDrafted(data: data))
        case .readinessSectionAssessed: return .readinessSectionAssessed(try ReadinessSectionAssessed(data: data))
        case .readinessSigned: return .readinessSigned(try ReadinessSigned(data: data))
        case .readinessSubmitted: return .readinessSubmitted(try ReadinessSubmitted(data: data))
        case .readinessFeedbackRecorded: return .readinessFeedbackRecorded(try ReadinessFeedbackRecorded(data: data))
        case .readinessResubmitted: return .readinessResubmitted(try ReadinessResubmitted(data: data))
        case .eventCorrected: return .eventCorrected(try EventCorrected(data: data))
        case .eventRetracted: return .eventRetracted(try EventRetracted(data: data))
        case .ruleOverridden: return .ruleOverridden(try RuleOverridden(data: data))
        }
    }
}
