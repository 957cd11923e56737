import TransitionSupport

/// `event.corrected`: an earlier event's payload (and optionally effective date) is replaced.
///
/// The log is never edited: the original and the correction both stay, and projections read the
/// replacement instead of the original. `data` must be a valid payload for the corrected event's type;
/// replay checks that, because only the log knows that type. A reason is required.
public struct EventCorrected: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.eventCorrected
    static let fields = ["sequence", "data", "effective"]

    /// The sequence number of the event corrected.
    public var sequence: Int
    /// The replacement payload, in the corrected event's type's current schema.
    public var replacement: JSONObject
    /// A replacement effective date.
    public var effective: CivilDate?

    /// Creates the payload.
    public init(sequence: Int, replacement: JSONObject, effective: CivilDate? = nil) {
        self.sequence = sequence
        self.replacement = replacement
        self.effective = effective
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        sequence = try reader.int("sequence", in: 1...Int.max)
        replacement = try reader.object("data")
        effective = try reader.optionalDate("effective")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("sequence", sequence)
        writer.set("data", .object(replacement))
        writer.set("effective", effective)
        return writer.object
    }

    /// Any entity (conventionally the corrected event's) is accepted.
    public var entity: String? { nil }
}

/// `event.retracted`: an earlier event is withdrawn; it stays in the log but no longer counts.
public struct EventRetracted: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.eventRetracted
    static let fields = ["sequence"]

    /// The sequence number of the event retracted.
    public var sequence: Int

    /// Creates the payload.
    public init(sequence: Int) { self.sequence = sequence }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        sequence = try reader.int("sequence", in: 1...Int.max)
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["sequence": .int(sequence)] }

    /// Any entity (conventionally the retracted event's) is accepted.
    public var entity: String? { nil }
}

/// `rule.overridden`: a named rule is knowingly overridden for the event recorded right after it.
///
/// Recorded in the same batch, just before the event it lets through, with a mandatory reason, so the
/// override log shows who set aside which rule, when and why.
public struct RuleOverridden: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.ruleOverridden
    static let fields = ["rule", "eventType", "entity", "unmet"]

    /// The id of the rule overridden.
    public var rule: String
    /// The type of the event the override lets through.
    public var overriddenType: DomainEventType
    /// The entity of the event the override lets through.
    public var subject: String?
    /// What the rule found unmet when it was overridden, as the refusal said it.
    public var unmet: String?

    /// Creates the payload.
    public init(rule: String, overriddenType: DomainEventType, subject: String? = nil, unmet: String? = nil) {
        self.rule = rule
        self.overriddenType = overriddenType
        self.subject = subject
        self.unmet = unmet
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        rule = try reader.string("rule")
        let typeName = try reader.string("eventType")
        guard let type = DomainEventType(rawValue: typeName) else {
            let hint = Suggestion.closest(to: typeName, in: DomainEventType.allCases.map(\.rawValue)).map { " (did you mean '\($0)'?)" } ?? ""
            throw reader.error("eventType", .invalid("must name a known event type; found '\(typeName)'\(hint)"))
        }
        overriddenType = type
        subject = try reader.optionalString("entity")
        unmet = try reader.optionalString("unmet")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("rule", rule)
        writer.set("eventType", overriddenType.rawValue)
        writer.set("entity", subject)
        writer.set("unmet", unmet)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { rule }
}
