import TransitionSupport

/// `dd.item.assigned`: a named person (optionally acting in a role) owns a due-diligence item.
public struct DueDiligenceItemAssigned: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.dueDiligenceItemAssigned
    static let fields = ["item", "owner", "ownerRole"]

    public var item: String
    /// The owner's name.
    public var owner: String
    /// The role they own it in, when it differs from the workflow's.
    public var ownerRole: String?

    /// Creates the payload.
    public init(item: String, owner: String, ownerRole: String? = nil) {
        self.item = item
        self.owner = owner
        self.ownerRole = ownerRole
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        item = try reader.string("item")
        owner = try reader.string("owner")
        ownerRole = try reader.optionalString("ownerRole")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("item", item)
        writer.set("owner", owner)
        writer.set("ownerRole", ownerRole)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { item }
}

/// `dd.evidence.attached`: documents were attached to an item; they are in the envelope's evidence list.
public struct DueDiligenceEvidenceAttached: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.dueDiligenceEvidenceAttached
    static let fields = ["item"]

    public var item: String

    /// Creates the payload.
    public init(item: String) { self.item = item }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        item = try reader.string("item")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["item": .string(item)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { item }
}

/// `dd.status.changed`: an item's status moved; deferring needs a mitigation and an owner for the residue.
///
/// The envelope's reason is required for `not-applicable` and `deferred`, since both close an item
/// without the work being done.
public struct DueDiligenceStatusChanged: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.dueDiligenceStatusChanged
    static let fields = ["item", "status", "mitigation", "owner"]

    public var item: String
    public var status: DueDiligenceStatus
    /// How the risk is handled meanwhile (required when deferring).
    public var mitigation: String?
    /// Who in the new body owns the residue (required when deferring); the register's `deferredOwner`.
    public var owner: String?

    /// Creates the payload.
    public init(item: String, status: DueDiligenceStatus, mitigation: String? = nil, owner: String? = nil) {
        self.item = item
        self.status = status
        self.mitigation = mitigation
        self.owner = owner
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        item = try reader.string("item")
        status = try reader.value("status")
        mitigation = try reader.optionalString("mitigation")
        owner = try reader.optionalString("owner")
        if status == .deferred {
            guard mitigation != nil else {
                throw reader.error("mitigation", .missing(expected: "a non-empty string when status is deferred (how the risk is handled)"))
            }
            guard owner != nil else {
                throw reader.error("owner", .missing(expected: "a non-empty string when status is deferred (who owns the residue)"))
            }
        }
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("item", item)
        writer.set("status", status)
        writer.set("mitigation", mitigation)
        writer.set("owner", owner)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { item }
}

/// `dd.item.signed-off`: a role signed off an item.
public struct DueDiligenceItemSignedOff: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.dueDiligenceItemSignedOff
    static let fields = ["item", "role"]

    public var item: String
    /// The role that signed.
    public var role: String

    /// Creates the payload.
    public init(item: String, role: String) {
        self.item = item
        self.role = role
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        item = try reader.string("item")
        role = try reader.string("role")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["item": .string(item), "role": .string(role)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { item }
}
