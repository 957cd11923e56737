import Domain

extension TransitionState {
    /// One of the projections a ``TransitionState`` folds events of some types into. The correction
    /// log and the override log are not among them: each sees every event (the override log links
    /// each event to the overrides recorded just before it).
    enum Projection: CaseIterable, Sendable {
        case programme, tasks, dueDiligence, staff, contracts, assets, readiness
    }

    /// The projection whose `apply` reacts to events of `type` (every other one's `apply` ignores
    /// them); `nil` for overrides, corrections and retractions, which only the logs fold.
    ///
    /// The switch is exhaustive, so a new event type does not compile until it is routed;
    /// `ProjectionRoutingTests` checks that no other projection reacts to any type.
    static func projection(reactingTo type: DomainEventType) -> Projection? {
        switch type {
        case .programmeInitialised, .workflowRevised, .statutoryDateChanged, .baselineTaken:
            return .programme
        case .taskStarted, .taskProgressed, .taskFinished, .taskReforecast:
            return .tasks
        case .dueDiligenceItemAssigned, .dueDiligenceEvidenceAttached, .dueDiligenceStatusChanged, .dueDiligenceItemSignedOff:
            return .dueDiligence
        case .staffPostMapped, .consultationOpened, .consultationClosed, .staffConsulted, .staffExceptionRaised,
            .staffExceptionResolved, .staffTransferConfirmed, .staffTransferred:
            return .staff
        case .contractRegistered, .contractMechanismChosen, .contractDueDiligenceDone, .contractConsentRecorded,
            .contractTransferred:
            return .contracts
        case .assetRegistered, .assetTransferred:
            return .assets
        case .readinessDrafted, .readinessSectionAssessed, .readinessSigned, .readinessSubmitted,
            .readinessFeedbackRecorded, .readinessResubmitted:
            return .readiness
        case .ruleOverridden, .eventCorrected, .eventRetracted:
            return nil
        }
    }
}
