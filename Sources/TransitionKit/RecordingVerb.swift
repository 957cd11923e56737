import TransitionSupport

/// How one recording verb turns its flags into an event: `transition dd complete DD-HR-03 ...`.
///
/// Verbs are data so that every one is built, validated and documented the same way; the CLI only
/// renders them as commands and passes the parsed values back here.
public struct RecordingVerb: Sendable {
    /// How a flag's text becomes a payload value.
    public enum ValueKind: Sendable, Hashable {
        case text, integer, number, date, boolean
        case choice([String])
    }

    /// A flag that fills one payload field.
    public struct Field: Sendable {
        public var flag: String
        public var key: String
        public var kind: ValueKind
        public var required: Bool
        public var help: String

        public init(_ flag: String, key: String? = nil, kind: ValueKind = .text, required: Bool = false, help: String) {
            self.flag = flag
            self.key = key ?? flag
            self.kind = kind
            self.required = required
            self.help = help
        }
    }

    public var group: String
    public var name: String
    public var abstract: String
    public var eventType: String
    public var schema: Int
    /// The positional argument naming the entity, and the payload key it also fills.
    public var entityArgument: String?
    public var entityKey: String?
    /// How the entity argument is typed in the payload (ROS versions are integers).
    public var entityKind: ValueKind
    /// A fixed entity for singletons (`ROS`).
    public var fixedEntity: String?
    public var fixed: JSONObject
    public var fields: [Field]
    public var requiresReason: Bool
    public var requiresEvidence: Bool
    public var example: String

    public init(
        group: String, name: String, abstract: String, eventType: String, schema: Int = 1, entityArgument: String? = nil,
        entityKey: String? = nil, entityKind: ValueKind = .text, fixedEntity: String? = nil, fixed: JSONObject = JSONObject(), fields: [Field] = [],
        requiresReason: Bool = false, requiresEvidence: Bool = false, example: String
    ) {
        self.group = group
        self.name = name
        self.abstract = abstract
        self.eventType = eventType
        self.schema = schema
        self.entityArgument = entityArgument
        self.entityKey = entityKey
        self.entityKind = entityKind
        self.fixedEntity = fixedEntity
        self.fixed = fixed
        self.fields = fields
        self.requiresReason = requiresReason
        self.requiresEvidence = requiresEvidence
        self.example = example
    }

    /// Builds the payload from flag values (`values[flag]`) and the entity argument.
    public func payload(entity: String?, values: [String: String]) throws(InputError) -> (entity: String?, data: JSONObject) {
        var data = fixed
        if let entityKey, let entity {
            data[entityKey] = try RecordingVerb.value(entity, kind: entityKind, flag: entityArgument ?? entityKey)
        }
        for field in fields {
            guard let text = values[field.flag] else {
                if field.required {
                    throw InputError(location: "--\(field.flag)", message: "is required for '\(group) \(name)' (\(field.help))")
                }
                continue
            }
            data[field.key] = try RecordingVerb.value(text, kind: field.kind, flag: field.flag)
        }
        return (fixedEntity ?? entity, data)
    }

    static func value(_ text: String, kind: ValueKind, flag: String) throws(InputError) -> JSONValue {
        switch kind {
        case .text:
            guard !text.isEmpty else { throw InputError(location: "--\(flag)", message: "must not be empty") }
            return .string(text)
        case .integer:
            guard let value = Int(text) else { throw InputError(location: "--\(flag)", message: "'\(text)' is not a whole number") }
            return .int(value)
        case .number:
            guard let value = RegisterImport.money(text) else { throw InputError(location: "--\(flag)", message: "'\(text)' is not a number") }
            return value
        case .date:
            guard let date = CivilDate(iso8601: text) else { throw InputError(location: "--\(flag)", message: "'\(text)' is not a date; use YYYY-MM-DD") }
            return .string(date.description)
        case .boolean:
            switch text.lowercased() {
            case "yes", "true", "y", "1": return .bool(true)
            case "no", "false", "n", "0": return .bool(false)
            default: throw InputError(location: "--\(flag)", message: "'\(text)' must be yes or no")
            }
        case .choice(let options):
            guard options.contains(text) else {
                let hint = Suggestion.hint(for: text, in: options)
                throw InputError(location: "--\(flag)", message: "'\(text)' must be one of \(options.joined(separator: ", "))\(hint)")
            }
            return .string(text)
        }
    }
}
