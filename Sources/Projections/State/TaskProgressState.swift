import Domain
import EventLog
import TransitionSupport
import Workflow

/// Actual progress per task: what has started, what has finished, and what is left.
///
/// The scheduler needs actual dates and remaining durations to forecast; the rules engine needs each
/// task's status and percent. Every task of the workflow in force is listed, even with no events.
public struct TaskProgressState: Sendable, Hashable, Codable {
    /// Where a task stands, spelt as the rule vocabulary spells it.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case notStarted = "not-started"
        case started
        case finished
    }

    /// One task's recorded progress.
    public struct Task: Sendable, Hashable, Codable {
        public var id: String
        /// The workstream, from the workflow (nil for a task the workflow does not define).
        public var workstream: String?
        public var name: String?
        /// Whether the workflow in force defines the task.
        public var isPlanned: Bool = false
        public var status: Status = .notStarted
        public var actualStart: CivilDate?
        public var actualFinish: CivilDate?
        /// Last reported percent complete (100 once finished).
        public var percent: Int?
        /// Last reported working days remaining (0 once finished).
        public var remaining: Int?
        public var lastUpdatedSequence: Int?

        /// An entry for `id` with nothing recorded yet.
        public init(id: String) { self.id = id }
    }

    /// Tasks by id.
    public internal(set) var tasks: [String: Task] = [:]
    /// Task ids in workflow order.
    public internal(set) var plannedOrder: [String] = []

    /// An empty projection, before any event.
    public init() {}

    /// Every task: workflow order, then tasks known only from events, by id.
    public var ordered: [Task] {
        orderedIDs(planned: plannedOrder, known: tasks.keys).compactMap { tasks[$0] }
    }

    /// Lists the tasks of the workflow now in force (progress already recorded is kept).
    public mutating func adopt(_ workflow: WorkflowDefinition) {
        plannedOrder = workflow.tasks.map(\.id)
        for id in Array(tasks.keys) { tasks[id]?.isPlanned = false }
        for definition in workflow.tasks {
            var task = tasks[definition.id] ?? Task(id: definition.id)
            task.workstream = definition.workstream
            task.name = definition.name
            task.isPlanned = true
            tasks[definition.id] = task
        }
    }

    /// Changes one task (created when new) in a single dictionary access.
    private mutating func update(_ id: String, _ sequence: Int, _ change: (inout Task) -> Void) {
        Self.change(&tasks[id, default: Task(id: id)], at: sequence, change)
    }

    private static func change(_ task: inout Task, at sequence: Int, _ change: (inout Task) -> Void) {
        change(&task)
        task.lastUpdatedSequence = sequence
    }

    /// Folds one event in.
    public mutating func apply(_ event: RecordedEvent) {
        switch event.event {
        case .taskStarted(let payload):
            update(payload.task, event.sequence) { task in
                task.actualStart = payload.on
                if task.status == .notStarted { task.status = .started }
            }
        case .taskProgressed(let payload):
            update(payload.task, event.sequence) { task in
                task.percent = payload.percent
                if let remaining = payload.remaining { task.remaining = remaining }
            }
        case .taskFinished(let payload):
            update(payload.task, event.sequence) { task in
                task.status = .finished
                task.actualFinish = payload.on
                task.percent = 100
                task.remaining = 0
            }
        case .taskReforecast(let payload):
            update(payload.task, event.sequence) { task in task.remaining = payload.remaining }
        case .programmeInitialised, .workflowRevised, .statutoryDateChanged, .baselineTaken, .dueDiligenceItemAssigned,
            .dueDiligenceEvidenceAttached, .dueDiligenceStatusChanged, .dueDiligenceItemSignedOff, .staffPostMapped,
            .consultationOpened, .consultationClosed, .staffConsulted, .staffExceptionRaised, .staffExceptionResolved,
            .staffTransferConfirmed, .staffTransferred, .contractRegistered, .contractMechanismChosen,
            .contractDueDiligenceDone, .contractConsentRecorded, .contractTransferred, .assetRegistered,
            .assetTransferred, .readinessDrafted, .readinessSectionAssessed, .readinessSigned, .readinessSubmitted,
            .readinessFeedbackRecorded, .readinessResubmitted, .eventCorrected, .eventRetracted, .ruleOverridden:
            break
        }
    }

    /// Number of tasks in each status.
    public var countsByStatus: [Status: Int] {
        var counts: [Status: Int] = [:]
        for task in tasks.values { counts[task.status, default: 0] += 1 }
        return counts
    }
}

extension TaskProgressState {
    /// Deterministic rendering: tasks in workflow order, then the rest by id.
    public func json() -> JSONValue {
        var counts: [String: Int] = [:]
        for (status, count) in countsByStatus { counts[status.rawValue] = count }
        return .object([
            "tasks": .array(
                ordered.map { task in
                    .object([
                        "id": .string(task.id), "workstream": JSONRendering.string(task.workstream),
                        "planned": .bool(task.isPlanned), "status": .string(task.status.rawValue),
                        "actualStart": JSONRendering.date(task.actualStart),
                        "actualFinish": JSONRendering.date(task.actualFinish), "percent": JSONRendering.int(task.percent),
                        "remaining": JSONRendering.int(task.remaining),
                        "lastUpdatedSequence": JSONRendering.int(task.lastUpdatedSequence),
                    ])
                }),
            "countsByStatus": JSONRendering.counts(counts, keys: Status.allCases.map(\.rawValue)),
        ])
    }
}
