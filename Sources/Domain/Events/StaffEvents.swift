import TransitionSupport

/// `staff.post.mapped`: a person's current post is mapped to a post in the new body (schema 2).
///
/// The establishment list is rebuilt from these events, so the register can reconcile "posts mapped"
/// with "people known". Schema 1 said `ccg` and `board`; ``EventUpcasting`` renames them.
public struct StaffPostMapped: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.staffPostMapped
    static let fields = [
        "person", "name", "post", "band", "organisation", "targetPost", "group", "employment", "fixedTermEnd",
        "boardLevel", "boardOutcome",
    ]

    /// The person's id (an employee number, not a name).
    public var person: String
    public var name: String?
    /// Their current post.
    public var post: String
    public var band: String?
    /// The id of the source organisation that employs them.
    public var organisation: String
    /// The post in the new body.
    public var targetPost: String
    /// The id of their consultation group.
    public var group: String
    public var employment: Employment
    /// When a fixed-term contract ends.
    public var fixedTermEnd: CivilDate?
    /// Whether the post is board level (outside the "lift and shift" commitment).
    public var boardLevel: Bool
    /// Designate or displaced, for board-level people once decided.
    public var boardOutcome: BoardOutcome?

    /// Creates the payload.
    public init(
        person: String, name: String? = nil, post: String, band: String? = nil, organisation: String,
        targetPost: String, group: String, employment: Employment, fixedTermEnd: CivilDate? = nil,
        boardLevel: Bool, boardOutcome: BoardOutcome? = nil
    ) {
        self.person = person
        self.name = name
        self.post = post
        self.band = band
        self.organisation = organisation
        self.targetPost = targetPost
        self.group = group
        self.employment = employment
        self.fixedTermEnd = fixedTermEnd
        self.boardLevel = boardLevel
        self.boardOutcome = boardOutcome
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        person = try reader.string("person")
        name = try reader.optionalString("name")
        post = try reader.string("post")
        band = try reader.optionalString("band")
        organisation = try reader.string("organisation")
        targetPost = try reader.string("targetPost")
        group = try reader.string("group")
        employment = try reader.value("employment")
        fixedTermEnd = try reader.optionalDate("fixedTermEnd")
        boardLevel = try reader.bool("boardLevel")
        boardOutcome = try reader.optionalValue("boardOutcome")
        if boardOutcome != nil, !boardLevel {
            throw reader.error("boardOutcome", .invalid("applies only to board-level posts; set boardLevel to true or leave it out"))
        }
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("person", person)
        writer.set("name", name)
        writer.set("post", post)
        writer.set("band", band)
        writer.set("organisation", organisation)
        writer.set("targetPost", targetPost)
        writer.set("group", group)
        writer.set("employment", employment)
        writer.set("fixedTermEnd", fixedTermEnd)
        writer.set("boardLevel", boardLevel)
        writer.set("boardOutcome", boardOutcome)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { person }
}

/// `staff.consultation.opened`: collective consultation with a group's staff (and unions) opened.
public struct ConsultationOpened: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.consultationOpened
    static let fields = ["group", "closes"]

    public var group: String
    /// The planned closing date.
    public var closes: CivilDate?

    /// Creates the payload.
    public init(group: String, closes: CivilDate? = nil) {
        self.group = group
        self.closes = closes
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        group = try reader.string("group")
        closes = try reader.optionalDate("closes")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("group", group)
        writer.set("closes", closes)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { group }
}

/// `staff.consultation.closed`: a consultation closed and its outcome was issued.
public struct ConsultationClosed: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.consultationClosed
    static let fields = ["group", "outcome"]

    public var group: String
    public var outcome: String

    /// Creates the payload.
    public init(group: String, outcome: String) {
        self.group = group
        self.outcome = outcome
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        group = try reader.string("group")
        outcome = try reader.string("outcome")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["group": .string(group), "outcome": .string(outcome)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { group }
}

/// `staff.consulted`: a person was individually consulted.
public struct StaffConsulted: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.staffConsulted
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
