import TransitionSupport

/// `staff.exception.raised`: something may stop or change a person's transfer.
public struct StaffExceptionRaised: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.staffExceptionRaised
    static let fields = ["person", "exception", "kind", "detail"]

    public var person: String
    /// The exception's id, unique per person, used to resolve it.
    public var exception: String
    public var kind: StaffExceptionKind
    public var detail: String

    /// Creates the payload.
    public init(person: String, exception: String, kind: StaffExceptionKind, detail: String) {
        self.person = person
        self.exception = exception
        self.kind = kind
        self.detail = detail
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        person = try reader.string("person")
        exception = try reader.string("exception")
        kind = try reader.value("kind")
        detail = try reader.string("detail")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("person", person)
        writer.set("exception", exception)
        writer.set("kind", kind)
        writer.set("detail", detail)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { person }
}

/// `staff.exception.resolved`: a person's exception no longer blocks their transfer.
public struct StaffExceptionResolved: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.staffExceptionResolved
    static let fields = ["person", "exception", "resolution"]

    public var person: String
    public var exception: String
    public var resolution: String

    /// Creates the payload.
    public init(person: String, exception: String, resolution: String) {
        self.person = person
        self.exception = exception
        self.resolution = resolution
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        person = try reader.string("person")
        exception = try reader.string("exception")
        resolution = try reader.string("resolution")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        ["person": .string(person), "exception": .string(exception), "resolution": .string(resolution)]
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { person }
}

/// `staff.transfer.confirmed`: a person's transfer was confirmed (their transfer letter went out).
public struct StaffTransferConfirmed: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.staffTransferConfirmed
    static let fields = ["person"]

    public var person: String

    /// Creates the payload.
    public init(person: String) { self.person = person }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        person = try reader.string("person")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["person": .string(person)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { person }
}

/// `staff.transferred`: a person transferred, with effect from the envelope's effective date.
public struct StaffTransferred: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.staffTransferred
    static let fields = ["person"]

    public var person: String

    /// Creates the payload.
    public init(person: String) { self.person = person }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        person = try reader.string("person")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["person": .string(person)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { person }
}
