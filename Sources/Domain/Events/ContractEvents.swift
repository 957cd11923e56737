import TransitionSupport

/// `contract.registered`: a contract held by a source organisation joins the contract register.
public struct ContractRegistered: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.contractRegistered
    static let fields = ["contract", "counterparty", "service", "annualValue", "endDate", "organisation"]

    public var contract: String
    public var counterparty: String
    public var service: String
    /// Annual value in pounds.
    public var annualValue: Double
    public var endDate: CivilDate?
    /// The id of the organisation holding it.
    public var organisation: String

    /// Creates the payload.
    public init(
        contract: String, counterparty: String, service: String, annualValue: Double, endDate: CivilDate? = nil,
        organisation: String
    ) {
        self.contract = contract
        self.counterparty = counterparty
        self.service = service
        self.annualValue = annualValue
        self.endDate = endDate
        self.organisation = organisation
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        contract = try reader.string("contract")
        counterparty = try reader.string("counterparty")
        service = try reader.string("service")
        annualValue = try reader.number("annualValue")
        guard annualValue >= 0 else { throw reader.error("annualValue", .invalid("must not be negative; found \(annualValue)")) }
        endDate = try reader.optionalDate("endDate")
        organisation = try reader.string("organisation")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("contract", contract)
        writer.set("counterparty", counterparty)
        writer.set("service", service)
        writer.set("annualValue", amount: annualValue)
        writer.set("endDate", endDate)
        writer.set("organisation", organisation)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { contract }
}

/// `contract.mechanism.chosen`: the contract's disposition was decided.
public struct ContractMechanismChosen: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.contractMechanismChosen
    static let fields = ["contract", "mechanism"]

    public var contract: String
    public var mechanism: ContractMechanism

    /// Creates the payload.
    public init(contract: String, mechanism: ContractMechanism) {
        self.contract = contract
        self.mechanism = mechanism
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        contract = try reader.string("contract")
        mechanism = try reader.value("mechanism")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["contract": .string(contract), "mechanism": .string(mechanism.rawValue)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { contract }
}

/// `contract.due-diligence.done`: the contract's due diligence is complete.
public struct ContractDueDiligenceDone: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.contractDueDiligenceDone
    static let fields = ["contract"]

    public var contract: String

    /// Creates the payload.
    public init(contract: String) { self.contract = contract }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        contract = try reader.string("contract")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["contract": .string(contract)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { contract }
}

/// `contract.consent.recorded`: the counterparty consented (needed for novation).
public struct ContractConsentRecorded: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.contractConsentRecorded
    static let fields = ["contract", "counterparty"]

    public var contract: String
    /// Who consented, when it is worth recording.
    public var counterparty: String?

    /// Creates the payload.
    public init(contract: String, counterparty: String? = nil) {
        self.contract = contract
        self.counterparty = counterparty
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        contract = try reader.string("contract")
        counterparty = try reader.optionalString("counterparty")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("contract", contract)
        writer.set("counterparty", counterparty)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { contract }
}

/// `contract.transferred`: the contract now sits with the new body.
public struct ContractTransferred: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.contractTransferred
    static let fields = ["contract"]

    public var contract: String

    /// Creates the payload.
    public init(contract: String) { self.contract = contract }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        contract = try reader.string("contract")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["contract": .string(contract)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { contract }
}
