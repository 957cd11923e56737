import Domain
import EventLog
import TransitionSupport
import Workflow

/// The Readiness to Operate Statement, version by version: sections assessed, who signed, when it went
/// to the region, what came back.
///
/// Each version is kept apart and tied to its target date, because moving the statutory date superseded
/// the April ROS and auditors must see who signed which version.
public struct ReadinessState: Sendable, Hashable, Codable {
    /// The current version's status, spelt as the rule vocabulary spells it.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case none
        case drafted
        case signed
        case submitted
        case resubmitted
    }

    /// One section's assessment.
    public struct SectionAssessment: Sendable, Hashable, Codable {
        public var assessment: ReadinessAssessment
        public var actions: String?
        public var sequence: Int
    }

    /// Feedback on a version.
    public struct Feedback: Sendable, Hashable, Codable {
        public var sequence: Int
        public var recordedAt: Timestamp
        public var feedback: String
        public var from: String?
    }

    /// One ROS version.
    public struct Version: Sendable, Hashable, Codable {
        public var version: Int
        public var targetDate: CivilDate?
        /// The `ros.drafted` event; `nil` when the version is only named by other events.
        public var draftedSequence: Int?
        public var sections: [String: SectionAssessment] = [:]
        /// Signing role to the sequence of its `ros.signed`.
        public var signatures: [String: Int] = [:]
        public var submittedSequence: Int?
        public var feedback: [Feedback] = []
        public var resubmittedSequence: Int?

        /// A version with nothing recorded yet.
        public init(version: Int) { self.version = version }

        public var isDrafted: Bool { draftedSequence != nil }
        public var isSubmitted: Bool { submittedSequence != nil || resubmittedSequence != nil }
    }

    public internal(set) var versions: [Int: Version] = [:]
    /// The roles whose signatures complete a version (workflow in force).
    public internal(set) var signatories: [String] = []
    /// Section ids in workflow order.
    public internal(set) var sectionOrder: [String] = []

    /// An empty projection, before any event.
    public init() {}

    /// Takes the sections and signatories of the workflow now in force.
    public mutating func adopt(_ workflow: WorkflowDefinition) {
        signatories = workflow.readiness.signatories
        sectionOrder = workflow.readiness.sections.map(\.id)
    }

    /// The highest drafted version number.
    public var currentVersionNumber: Int? { versions.values.filter(\.isDrafted).map(\.version).max() }

    /// The highest drafted version.
    public var current: Version? { currentVersionNumber.flatMap { versions[$0] } }

    /// Whether every signatory role signed `version` (never true when the workflow names no signatories).
    public func isSigned(_ version: Version) -> Bool {
        !signatories.isEmpty && signatories.allSatisfy { version.signatures[$0] != nil }
    }

    /// Whether the current version is signed by every signatory.
    public var signed: Bool { current.map(isSigned) ?? false }

    /// The current version's status: none, drafted, signed, submitted or resubmitted (the furthest reached).
    public var status: Status {
        guard let current else { return .none }
        if current.resubmittedSequence != nil { return .resubmitted }
        if current.submittedSequence != nil { return .submitted }
        if isSigned(current) { return .signed }
        return .drafted
    }

    private mutating func update(_ number: Int, _ change: (inout Version) -> Void) {
        change(&versions[number, default: Version(version: number)])
    }

    /// Folds one event in.
    public mutating func apply(_ event: RecordedEvent) {
        let sequence = event.sequence
        switch event.event {
        case .readinessDrafted(let payload):
            update(payload.version) { version in
                version.targetDate = payload.targetDate
                version.draftedSequence = sequence
            }
        case .readinessSectionAssessed(let payload):
            update(payload.version) { version in
                version.sections[payload.section] = SectionAssessment(
                    assessment: payload.assessment, actions: payload.actions, sequence: sequence)
            }
        case .readinessSigned(let payload):
            update(payload.version) { version in
                if version.signatures[payload.role] == nil { version.signatures[payload.role] = sequence }
            }
        case .readinessSubmitted(let payload):
            update(payload.version) { $0.submittedSequence = sequence }
        case .readinessFeedbackRecorded(let payload):
            // The closure captures the field, not the event (capturing the event would copy it).
            let recordedAt = event.recordedAt
            update(payload.version) { version in
                version.feedback.append(
                    Feedback(sequence: sequence, recordedAt: recordedAt, feedback: payload.feedback, from: payload.from))
            }
        case .readinessResubmitted(let payload):
            update(payload.version) { $0.resubmittedSequence = sequence }
        case .programmeInitialised, .workflowRevised, .statutoryDateChanged, .baselineTaken, .taskStarted,
            .taskProgressed, .taskFinished, .taskReforecast, .dueDiligenceItemAssigned, .dueDiligenceEvidenceAttached,
            .dueDiligenceStatusChanged, .dueDiligenceItemSignedOff, .staffPostMapped, .consultationOpened,
            .consultationClosed, .staffConsulted, .staffExceptionRaised, .staffExceptionResolved,
            .staffTransferConfirmed, .staffTransferred, .contractRegistered, .contractMechanismChosen,
            .contractDueDiligenceDone, .contractConsentRecorded, .contractTransferred, .assetRegistered,
            .assetTransferred, .eventCorrected, .eventRetracted, .ruleOverridden:
            break
        }
    }
}

extension ReadinessState {
    /// Deterministic rendering: versions ascending, sections in workflow order then by id, signatures by role.
    public func json() -> JSONValue {
        let numbers = versions.keys.sorted()
        let drafted = numbers.filter { versions[$0]?.isDrafted == true }
        return .object([
            "currentVersion": JSONRendering.int(currentVersionNumber),
            "status": .string(status.rawValue),
            "signed": .bool(signed),
            "signatories": JSONRendering.strings(signatories),
            "versions": .array(
                numbers.compactMap { versions[$0] }.map { version in
                    var signatures = JSONObject()
                    for role in version.signatures.keys.sorted() { signatures[role] = JSONRendering.int(version.signatures[role]) }
                    let supersededBy = drafted.first { $0 > version.version }
                    return .object([
                        "version": .int(version.version),
                        "targetDate": JSONRendering.date(version.targetDate),
                        "draftedSequence": JSONRendering.int(version.draftedSequence),
                        "sections": .array(
                            orderedIDs(planned: sectionOrder.filter { version.sections[$0] != nil }, known: version.sections.keys)
                                .compactMap { id in
                                    version.sections[id].map {
                                        .object([
                                            "section": .string(id), "assessment": .string($0.assessment.rawValue),
                                            "actions": JSONRendering.string($0.actions), "sequence": .int($0.sequence),
                                        ])
                                    }
                                }),
                        "signatures": .object(signatures),
                        "signed": .bool(isSigned(version)),
                        "submittedSequence": JSONRendering.int(version.submittedSequence),
                        "feedback": .array(
                            version.feedback.map {
                                .object([
                                    "sequence": .int($0.sequence), "recordedAt": .string($0.recordedAt.description),
                                    "feedback": .string($0.feedback), "from": JSONRendering.string($0.from),
                                ])
                            }),
                        "resubmittedSequence": JSONRendering.int(version.resubmittedSequence),
                        "supersededBy": JSONRendering.int(supersededBy),
                    ])
                }),
        ])
    }
}
