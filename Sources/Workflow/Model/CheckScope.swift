/// Which entity or entities a ``Check`` reads.
///
/// The rules engine resolves a scope against projected state; keeping the four scopes distinct
/// lets it say whether a refusal is about this entity, every entity, the ROS or the event.
public indirect enum CheckScope: Sendable, Hashable, Codable {
    /// The entity the proposed event is about, which must be of this kind.
    case subject(String)
    /// Every entity of this kind, optionally filtered by `where`.
    case all(String, where: Check?)
    /// A singleton kind: `ros` or `programme`.
    case singleton(String)
    /// The proposed event itself.
    case event

    /// The entity kind read, or `nil` for event checks.
    public var kind: String? {
        switch self {
        case .subject(let kind), .all(let kind, _), .singleton(let kind): return kind
        case .event: return nil
        }
    }

    /// The scope key as written in a workflow file.
    public var keyword: String {
        switch self {
        case .subject: return "subject"
        case .all: return "all"
        case .singleton: return "singleton"
        case .event: return "event"
        }
    }
}
