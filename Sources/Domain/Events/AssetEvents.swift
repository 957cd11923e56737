import TransitionSupport

/// `asset.registered`: property, a lease, a liability or a claim joins the transfer register.
///
/// Liabilities and claims are registered like assets because the rule "nothing is left without a
/// disposition" applies to both, and liabilities must follow their property.
public struct AssetRegistered: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.assetRegistered
    static let fields = ["asset", "kind", "description", "value", "organisation"]

    public var asset: String
    public var kind: AssetKind
    public var description: String
    /// Value in pounds, when known.
    public var value: Double?
    /// The id of the organisation holding it.
    public var organisation: String

    /// Creates the payload.
    public init(asset: String, kind: AssetKind, description: String, value: Double? = nil, organisation: String) {
        self.asset = asset
        self.kind = kind
        self.description = description
        self.value = value
        self.organisation = organisation
    }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        asset = try reader.string("asset")
        kind = try reader.value("kind")
        description = try reader.string("description")
        value = try reader.optionalNumber("value")
        organisation = try reader.string("organisation")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject {
        var writer = PayloadWriter()
        writer.set("asset", asset)
        writer.set("kind", kind)
        writer.set("description", description)
        writer.set("value", amount: value)
        writer.set("organisation", organisation)
        return writer.object
    }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { asset }
}

/// `asset.transferred`: the entry now sits with the new body.
public struct AssetTransferred: EventPayload {
    /// The wire type.
    public static let eventType = DomainEventType.assetTransferred
    static let fields = ["asset"]

    public var asset: String

    /// Creates the payload.
    public init(asset: String) { self.asset = asset }

    /// Decodes a current-schema payload strictly (see ``EventPayload``).
    public init(data: JSONObject) throws(PayloadError) {
        let reader = try PayloadReader(Self.eventType.rawValue, data, fields: Self.fields)
        asset = try reader.string("asset")
    }

    /// The payload as stored (absent optionals omitted).
    public var data: JSONObject { ["asset": .string(asset)] }

    /// The id the envelope's `entity` must carry.
    public var entity: String? { asset }
}
