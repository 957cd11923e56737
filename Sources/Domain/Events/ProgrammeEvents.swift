import TransitionSupport

/// `programme.initialised`: the programme starts under a workflow, stored whole in the log.
///
/// The workflow JSON travels inside the event so that a replay years later uses exactly the rules and
/// checklist that applied, even if the file on disk has since changed.
public struct ProgrammeInitialised: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.programmeInitialised
    static let fields = ["programme", "workflow", "workflowSha256", "workflowFile"]

    public var programme: String
    /// The complete workflow document.
    public var workflow: JSONObject
    /// SHA-256 (hex) of the workflow file as read.
    public var workflowSha256: String
    /// The path the workflow was read from, for people.
    public var workflowFile: String

    /// Creates the payload.
    public init(programme: String, workflow: JSONObject, workflowSha256: String, workflowFile: String) {
        self.programme = programme
        self.workflow = workflow
        self.workflowSha256 = workflowSha256
        self.workflowFile = workflowFile
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        programme = try reader.string("programme")
        workflow = try reader.object("workflow")
        workflowSha256 = try reader.sha256("workflowSha256")
        workflowFile = try reader.string("workflowFile")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("programme", programme)
        writer.set("workflow", .object(workflow))
        writer.set("workflowSha256", workflowSha256)
        writer.set("workflowFile", workflowFile)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { programme }
}

/// `workflow.revised`: a new version of the workflow is in force from this event on.
///
/// Old events keep being judged by the version in force when they were recorded; the reason for the
/// revision is required in the envelope.
public struct WorkflowRevised: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.workflowRevised
    static let fields = ["programme", "workflow", "workflowSha256", "workflowFile", "version"]

    public var programme: String
    public var workflow: JSONObject
    public var workflowSha256: String
    public var workflowFile: String
    /// The revision number: 2 for the first revision, then 3, ...
    public var version: Int

    /// Creates the payload.
    public init(programme: String, workflow: JSONObject, workflowSha256: String, workflowFile: String, version: Int) {
        self.programme = programme
        self.workflow = workflow
        self.workflowSha256 = workflowSha256
        self.workflowFile = workflowFile
        self.version = version
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        programme = try reader.string("programme")
        workflow = try reader.object("workflow")
        workflowSha256 = try reader.sha256("workflowSha256")
        workflowFile = try reader.string("workflowFile")
        version = try reader.int("version", in: 2...Int.max)
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("programme", programme)
        writer.set("workflow", .object(workflow))
        writer.set("workflowSha256", workflowSha256)
        writer.set("workflowFile", workflowFile)
        writer.set("version", version)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { programme }
}

/// `programme.statutory-date.changed`: the legal go-live date moves, on someone's authority.
///
/// Every date-relative deadline follows the new date; the change is an event, never a file edit, so
/// reports before and after it both stay reproducible. A reason is required.
public struct StatutoryDateChanged: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.statutoryDateChanged
    static let fields = ["programme", "old", "new", "authority"]

    public var programme: String
    public var old: CivilDate
    public var new: CivilDate
    /// Who decided, such as "NHS England".
    public var authority: String

    /// Creates the payload.
    public init(programme: String, old: CivilDate, new: CivilDate, authority: String) {
        self.programme = programme
        self.old = old
        self.new = new
        self.authority = authority
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        programme = try reader.string("programme")
        old = try reader.date("old")
        new = try reader.date("new")
        authority = try reader.string("authority")
        guard old != new else { throw reader.error("new", .invalid("must differ from 'old' (\(old))")) }
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("programme", programme)
        writer.set("old", old)
        writer.set("new", new)
        writer.set("authority", authority)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { programme }
}

/// `baseline.taken`: the planned dates of every task frozen under a number, for variance reporting.
public struct BaselineTaken: EventPayload {
    /// One task's planned dates in the baseline.
    public struct TaskDates: Sendable, Hashable, Codable {
        public var task: String
        public var start: CivilDate
        public var finish: CivilDate

        /// Creates the payload.
        public init(task: String, start: CivilDate, finish: CivilDate) {
            self.task = task
            self.start = start
            self.finish = finish
        }
    }

    /// The wire type.
    public static let eventType = DomainEventType.baselineTaken
    static let fields = ["programme", "number", "statutoryDate", "label", "tasks"]
    static let taskFields = ["task", "start", "finish"]

    public var programme: String
    /// 1 for the first baseline, then 2, ...
    public var number: Int
    /// The statutory date the baseline was planned against.
    public var statutoryDate: CivilDate
    public var label: String?
    public var tasks: [TaskDates]

    /// Creates the payload.
    public init(programme: String, number: Int, statutoryDate: CivilDate, label: String? = nil, tasks: [TaskDates]) {
        self.programme = programme
        self.number = number
        self.statutoryDate = statutoryDate
        self.label = label
        self.tasks = tasks
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        programme = try reader.string("programme")
        number = try reader.int("number", in: 1...Int.max)
        statutoryDate = try reader.date("statutoryDate")
        label = try reader.optionalString("label")
        var tasks: [TaskDates] = []
        for (index, value) in try reader.array("tasks").enumerated() {
            let entry = try reader.element("tasks", index, value, fields: Self.taskFields)
            let dates = TaskDates(task: try entry.string("task"), start: try entry.date("start"), finish: try entry.date("finish"))
            guard dates.start <= dates.finish else {
                throw entry.error("finish", .invalid("must not be before start (\(dates.start)); found \(dates.finish)"))
            }
            tasks.append(dates)
        }
        self.tasks = tasks
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("programme", programme)
        writer.set("number", number)
        writer.set("statutoryDate", statutoryDate)
        writer.set("label", label)
        writer.set(
            "tasks",
            .array(tasks.map { .object(["task": .string($0.task), "start": .string($0.start.description), "finish": .string($0.finish.description)]) }))
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { programme }
}

extension PayloadReader {
    /// A SHA-256 digest written as 64 hex digits.
    func sha256(_ key: String) throws(PayloadError) -> String {
        let text = try string(key)
        guard text.utf8.count == 64, text.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) || (65...70).contains($0) }) else {
            throw error(key, .invalid("must be 64 hex digits (a SHA-256); found '\(text)'"))
        }
        return text
    }
}
