import TransitionSupport

/// The typed payload of one event type: decoded strictly from, and encoded back to, the `data` object.
///
/// One struct per wire type keeps field names in one place; the round trip `data -> payload -> data`
/// is lossless, which the tests check for every type.
public protocol EventPayload: Sendable, Hashable, Codable {
    /// The wire type this payload belongs to.
    static var eventType: DomainEventType { get }
    /// Decodes a current-schema payload, refusing missing, wrong-typed and unknown fields.
    init(data: JSONObject) throws(PayloadError)
    /// The payload as stored in the log (absent optionals omitted).
    var data: JSONObject { get }
    /// The id the envelope's `entity` must carry, or `nil` when any (or none) is acceptable.
    var entity: String? { get }
}
