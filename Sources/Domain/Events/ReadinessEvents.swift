import TransitionSupport

/// Names shared by every Readiness to Operate Statement event.
///
/// There is one ROS per programme, so its events all carry the fixed envelope entity `ROS` and tell
/// versions apart by the payload's `version`.
public enum ReadinessStatement {
    /// The envelope entity of every `ros.*` event.
    public static let entity = "ROS"
}

/// `ros.drafted`: a ROS version was drafted against a target (statutory) date.
public struct ReadinessDrafted: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.readinessDrafted
    static let fields = ["version", "targetDate"]

    public var version: Int
    public var targetDate: CivilDate

    /// Creates the payload.
    public init(version: Int, targetDate: CivilDate) {
        self.version = version
        self.targetDate = targetDate
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        version = try reader.int("version", in: 1...Int.max)
        targetDate = try reader.date("targetDate")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["version": .int(version), "targetDate": .string(targetDate.description)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { ReadinessStatement.entity }
}

/// `ros.section.assessed`: one section of a ROS version was assessed.
public struct ReadinessSectionAssessed: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.readinessSectionAssessed
    static let fields = ["version", "section", "assessment", "actions"]

    public var version: Int
    /// The section id from the workflow.
    public var section: String
    public var assessment: ReadinessAssessment
    /// Actions to reach full assurance.
    public var actions: String?

    /// Creates the payload.
    public init(version: Int, section: String, assessment: ReadinessAssessment, actions: String? = nil) {
        self.version = version
        self.section = section
        self.assessment = assessment
        self.actions = actions
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        version = try reader.int("version", in: 1...Int.max)
        section = try reader.string("section")
        assessment = try reader.value("assessment")
        actions = try reader.optionalString("actions")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("version", version)
        writer.set("section", section)
        writer.set("assessment", assessment)
        writer.set("actions", actions)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { ReadinessStatement.entity }
}

/// `ros.signed`: a signatory role signed a ROS version.
public struct ReadinessSigned: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.readinessSigned
    static let fields = ["version", "role"]

    public var version: Int
    public var role: String

    /// Creates the payload.
    public init(version: Int, role: String) {
        self.version = version
        self.role = role
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        version = try reader.int("version", in: 1...Int.max)
        role = try reader.string("role")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["version": .int(version), "role": .string(role)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { ReadinessStatement.entity }
}

/// `ros.submitted`: a ROS version went to the region.
public struct ReadinessSubmitted: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.readinessSubmitted
    static let fields = ["version"]

    public var version: Int

    /// Creates the payload.
    public init(version: Int) { self.version = version }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        version = try reader.int("version", in: 1...Int.max)
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["version": .int(version)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { ReadinessStatement.entity }
}

/// `ros.feedback.recorded`: feedback on a submitted version (usually from the region) was recorded.
public struct ReadinessFeedbackRecorded: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.readinessFeedbackRecorded
    static let fields = ["version", "feedback", "from"]

    public var version: Int
    public var feedback: String
    /// Who gave it, such as "NHSE South East region".
    public var from: String?

    /// Creates the payload.
    public init(version: Int, feedback: String, from: String? = nil) {
        self.version = version
        self.feedback = feedback
        self.from = from
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        version = try reader.int("version", in: 1...Int.max)
        feedback = try reader.string("feedback")
        from = try reader.optionalString("from")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("version", version)
        writer.set("feedback", feedback)
        writer.set("from", from)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { ReadinessStatement.entity }
}

/// `ros.resubmitted`: a ROS version was resubmitted after feedback.
public struct ReadinessResubmitted: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.readinessResubmitted
    static let fields = ["version"]

    public var version: Int

    /// Creates the payload.
    public init(version: Int) { self.version = version }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        version = try reader.int("version", in: 1...Int.max)
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["version": .int(version)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { ReadinessStatement.entity }
}
