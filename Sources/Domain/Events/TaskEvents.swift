import TransitionSupport

/// `task.started`: a task of the plan actually started on a date.
public struct TaskStarted: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.taskStarted
    static let fields = ["task", "on"]

    public var task: String
    public var on: CivilDate

    /// Creates the payload.
    public init(task: String, on: CivilDate) {
        self.task = task
        self.on = on
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        task = try reader.string("task")
        on = try reader.date("on")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("task", task)
        writer.set("on", on)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { task }
}

/// `task.progressed`: percent complete, and optionally the working days still needed.
public struct TaskProgressed: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.taskProgressed
    static let fields = ["task", "percent", "remaining"]

    public var task: String
    /// 0 to 100.
    public var percent: Int
    /// Working days still needed, when the reporter estimated them.
    public var remaining: Int?

    /// Creates the payload.
    public init(task: String, percent: Int, remaining: Int? = nil) {
        self.task = task
        self.percent = percent
        self.remaining = remaining
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        task = try reader.string("task")
        percent = try reader.int("percent", in: 0...100)
        remaining = try reader.optionalInt("remaining", in: 0...Int.max)
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("task", task)
        writer.set("percent", percent)
        writer.set("remaining", remaining)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { task }
}

/// `task.finished`: a task actually finished (or a milestone was reached) on a date.
public struct TaskFinished: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.taskFinished
    static let fields = ["task", "on"]

    public var task: String
    public var on: CivilDate

    /// Creates the payload.
    public init(task: String, on: CivilDate) {
        self.task = task
        self.on = on
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        task = try reader.string("task")
        on = try reader.date("on")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("task", task)
        writer.set("on", on)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { task }
}

/// `task.reforecast`: a new estimate of the working days a started task still needs.
public struct TaskReforecast: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.taskReforecast
    static let fields = ["task", "remaining"]

    public var task: String
    public var remaining: Int

    /// Creates the payload.
    public init(task: String, remaining: Int) {
        self.task = task
        self.remaining = remaining
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        task = try reader.string("task")
        remaining = try reader.int("remaining", in: 0...Int.max)
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("task", task)
        writer.set("remaining", remaining)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { task }
}
