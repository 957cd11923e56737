import TransitionSupport

/// What the rules engine may ask of the projected state: entity ids by kind and named fields.
///
/// Rules are data (workflow checks naming a kind and a field), so the engine reads state only
/// through this narrow surface; the projections implement it, and tests use small fakes.
public protocol RuleStateView {
    /// The value of `name` on entity `id` of `kind` (`id` is `nil` for singletons such as `ros`).
    /// `nil` when the entity or field does not exist.
    func field(kind: String, id: String?, name: String) -> JSONValue?
    /// Every entity id of `kind`, in a stable order.
    func ids(ofKind kind: String) -> [String]
}

extension RuleStateView {
    /// Whether an entity of `kind` with this id exists, without listing them all.
    public func contains(kind: String, id: String) -> Bool {
        field(kind: kind, id: id, name: "id") != nil
    }
}

/// An event about to be recorded, as the rules see it.
public struct ProposedAction: Sendable, Hashable {
    public var type: String
    public var entity: String?
    public var effective: CivilDate
    public var role: String?
    public var data: JSONObject

    public init(type: String, entity: String?, effective: CivilDate, role: String?, data: JSONObject) {
        self.type = type
        self.entity = entity
        self.effective = effective
        self.role = role
        self.data = data
    }

    /// The value a check with `"event": true` reads: `effective`, `role`, `type`, `entity` or `data.NAME`.
    func field(_ name: String) -> JSONValue? {
        switch name {
        case "effective": return .string(effective.description)
        case "role": return role.map { .string($0) }
        case "type": return .string(type)
        case "entity": return entity.map { .string($0) }
        default:
            guard name.hasPrefix("data.") else { return nil }
            return data[String(name.dropFirst(5))]
        }
    }
}

/// Why a rule refused (or warns about) something, and what would satisfy it.
public struct RuleViolation: Sendable, Hashable, CustomStringConvertible {
    public var rule: String
    public var kind: String
    public var severity: String
    public var entity: String?
    /// What is unmet, e.g. "consultation for group G-OXON is still open".
    public var unmet: String
    /// What would satisfy the rule.
    public var remedy: String

    public init(rule: String, kind: String, severity: String, entity: String?, unmet: String, remedy: String) {
        self.rule = rule
        self.kind = kind
        self.severity = severity
        self.entity = entity
        self.unmet = unmet
        self.remedy = remedy
    }

    public var isBlocking: Bool { severity == "blocking" }

    public var description: String {
        "rule \(rule) (\(kind)): \(unmet); \(remedy)"
    }

    public var json: JSONValue {
        .object([
            "rule": .string(rule), "kind": .string(kind), "severity": .string(severity),
            "entity": entity.map { .string($0) } ?? .null, "unmet": .string(unmet), "remedy": .string(remedy),
        ])
    }
}
