import Domain
import EventLog
import TransitionSupport
import Workflow

/// The programme as the log knows it: its workflow versions, statutory date history and baselines.
///
/// Auditors ask which rules applied when, and why the date moved; this projection answers both without
/// reading any file, because every workflow version travels inside its event.
public struct ProgrammeState: Sendable, Hashable, Codable {
    /// One version of the workflow in the order they came into force (1 = `programme.initialised`).
    public struct WorkflowVersion: Sendable, Hashable, Codable {
        public var sequence: Int
        public var recordedAt: Timestamp
        public var version: Int
        public var sha256: String
        public var file: String
        /// The workflow document as stored in the event.
        public var workflow: JSONObject
        public var reason: String?
    }

    /// One move of the statutory date.
    public struct StatutoryDateChange: Sendable, Hashable, Codable {
        public var sequence: Int
        public var recordedAt: Timestamp
        public var old: CivilDate
        public var new: CivilDate
        public var authority: String
        public var reason: String?
    }

    /// A numbered snapshot of planned task dates.
    public struct Baseline: Sendable, Hashable, Codable {
        public var number: Int
        public var sequence: Int
        public var recordedAt: Timestamp
        public var statutoryDate: CivilDate
        public var label: String?
        public var tasks: [BaselineTaken.TaskDates]

        /// The planned dates of `task` in this baseline. O(tasks).
        public func dates(of task: String) -> BaselineTaken.TaskDates? {
            tasks.first { $0.task == task }
        }
    }

    /// The programme id from `programme.initialised`.
    public internal(set) var programmeID: String?
    public internal(set) var workflowVersions: [WorkflowVersion] = []
    public internal(set) var statutoryDateChanges: [StatutoryDateChange] = []
    public internal(set) var baselines: [Baseline] = []
    /// The statutory date written in the workflow in force.
    public internal(set) var plannedStatutoryDate: CivilDate?
    /// The go-live milestone of the workflow in force.
    public internal(set) var goLiveMilestone: String?
    /// Shadow running start, from the workflow in force.
    public internal(set) var shadowFrom: CivilDate?

    /// An empty projection, before any event.
    public init() {}

    /// The statutory date now: the last recorded change, else the workflow's own date.
    ///
    /// Moving the date is an event, never a file edit, so a recorded change outranks the date written in
    /// any later workflow revision.
    public var statutoryDate: CivilDate? { statutoryDateChanges.last?.new ?? plannedStatutoryDate }

    /// The workflow version in force.
    public var currentWorkflow: WorkflowVersion? { workflowVersions.last }

    /// The most recently taken baseline.
    public var currentBaseline: Baseline? { baselines.last }

    /// Takes the programme facts of the workflow now in force.
    public mutating func adopt(_ workflow: WorkflowDefinition) {
        plannedStatutoryDate = workflow.programme.statutoryDate
        goLiveMilestone = workflow.programme.goLiveMilestone
        shadowFrom = workflow.programme.shadowFrom
    }

    /// Folds one event in.
    public mutating func apply(_ event: RecordedEvent) {
        switch event.event {
        case .programmeInitialised(let payload):
            programmeID = payload.programme
            workflowVersions.append(
                WorkflowVersion(
                    sequence: event.sequence, recordedAt: event.recordedAt, version: 1, sha256: payload.workflowSha256,
                    file: payload.workflowFile, workflow: payload.workflow, reason: event.reason))
        case .workflowRevised(let payload):
            workflowVersions.append(
                WorkflowVersion(
                    sequence: event.sequence, recordedAt: event.recordedAt, version: payload.version,
                    sha256: payload.workflowSha256, file: payload.workflowFile, workflow: payload.workflow,
                    reason: event.reason))
        case .statutoryDateChanged(let payload):
            statutoryDateChanges.append(
                StatutoryDateChange(
                    sequence: event.sequence, recordedAt: event.recordedAt, old: payload.old, new: payload.new,
                    authority: payload.authority, reason: event.reason))
        case .baselineTaken(let payload):
            baselines.append(
                Baseline(
                    number: payload.number, sequence: event.sequence, recordedAt: event.recordedAt,
                    statutoryDate: payload.statutoryDate, label: payload.label, tasks: payload.tasks))
        case .taskStarted, .taskProgressed, .taskFinished, .taskReforecast, .dueDiligenceItemAssigned,
            .dueDiligenceEvidenceAttached, .dueDiligenceStatusChanged, .dueDiligenceItemSignedOff, .staffPostMapped,
            .consultationOpened, .consultationClosed, .staffConsulted, .staffExceptionRaised, .staffExceptionResolved,
            .staffTransferConfirmed, .staffTransferred, .contractRegistered, .contractMechanismChosen,
            .contractDueDiligenceDone, .contractConsentRecorded, .contractTransferred, .assetRegistered,
            .assetTransferred, .readinessDrafted, .readinessSectionAssessed, .readinessSigned, .readinessSubmitted,
            .readinessFeedbackRecorded, .readinessResubmitted, .eventCorrected, .eventRetracted, .ruleOverridden:
            break
        }
    }
}

extension ProgrammeState {
    /// Deterministic rendering; workflow documents are summarised (sequence, version, hash, file), not copied.
    public func json() -> JSONValue {
        .object([
            "programme": JSONRendering.string(programmeID),
            "statutoryDate": JSONRendering.date(statutoryDate),
            "plannedStatutoryDate": JSONRendering.date(plannedStatutoryDate),
            "goLiveMilestone": JSONRendering.string(goLiveMilestone),
            "shadowFrom": JSONRendering.date(shadowFrom),
            "workflowVersions": .array(
                workflowVersions.map {
                    .object([
                        "sequence": .int($0.sequence), "recordedAt": .string($0.recordedAt.description),
                        "version": .int($0.version), "sha256": .string($0.sha256), "file": .string($0.file),
                        "reason": JSONRendering.string($0.reason),
                    ])
                }),
            "statutoryDateChanges": .array(
                statutoryDateChanges.map {
                    .object([
                        "sequence": .int($0.sequence), "recordedAt": .string($0.recordedAt.description),
                        "old": .string($0.old.description), "new": .string($0.new.description),
                        "authority": .string($0.authority), "reason": JSONRendering.string($0.reason),
                    ])
                }),
            "baselines": .array(
                baselines.map { baseline in
                    .object([
                        "number": .int(baseline.number), "sequence": .int(baseline.sequence),
                        "recordedAt": .string(baseline.recordedAt.description),
                        "statutoryDate": .string(baseline.statutoryDate.description),
                        "label": JSONRendering.string(baseline.label),
                        "tasks": .array(
                            baseline.tasks.map {
                                .object([
                                    "task": .string($0.task), "start": .string($0.start.description),
                                    "finish": .string($0.finish.description),
                                ])
                            }),
                    ])
                }),
        ])
    }
}
