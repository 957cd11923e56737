/// The words a workflow may use: event types, entity kinds and their fields, and `$` references.
///
/// The loader checks every event type, kind and field a workflow names against a vocabulary, so
/// a typo such as `ros.sigend` or `consultationStaus` is refused at load with a suggestion instead
/// of silently never matching. ``standard`` is the vocabulary of the format document; tests and
/// later format versions can pass their own.
public struct WorkflowVocabulary: Sendable, Hashable {
    /// Every event type, in the order the format document lists them.
    public var eventTypes: [String]
    /// The event types that are sign-offs, which roles list under `signOff`.
    public var signOffEventTypes: [String]
    /// Entity kinds (including singletons) and their fields.
    public var kinds: [EntityKindDefinition]
    /// Fields of the proposed event, besides `data.NAME`.
    public var eventFields: [FieldDefinition]
    /// Fields under `data.` whose values name something in the workflow, such as `data.task`.
    public var eventDataFields: [FieldDefinition]
    /// The names of the singleton kinds (read with `"singleton"`), such as `ros`.
    public var singletonKinds: [String] { kinds.filter(\.isSingleton).map(\.name) }

    /// The names of the kinds read with `"subject"` or `"all"`, such as `staff`.
    public var entityKinds: [String] { kinds.filter { !$0.isSingleton }.map(\.name) }

    /// The `$` references a check may use.
    public var references: [ReferenceDefinition]
    /// The kinds a `deadline` or `residue` rule may be scoped to.
    public var scheduledKinds: [String]

    /// The prefix of event payload fields in event checks.
    public static let eventDataPrefix = "data."

    /// Creates a vocabulary.
    public init(
        eventTypes: [String], signOffEventTypes: [String], kinds: [EntityKindDefinition],
        eventFields: [FieldDefinition], eventDataFields: [FieldDefinition] = [],
        references: [ReferenceDefinition], scheduledKinds: [String]
    ) {
        self.eventTypes = eventTypes
        self.signOffEventTypes = signOffEventTypes
        self.kinds = kinds
        self.eventFields = eventFields
        self.eventDataFields = eventDataFields
        self.references = references
        self.scheduledKinds = scheduledKinds
    }

    /// The kind called `name`, if any.
    public func kind(named name: String) -> EntityKindDefinition? {
        kinds.first { $0.name == name }
    }

    /// The reference called `name` (with its `$`), if any.
    public func reference(named name: String) -> ReferenceDefinition? {
        references.first { $0.name == name }
    }

    /// The known event types `pattern` matches (see ``EventTypePattern``).
    public func eventTypes(matching pattern: String) -> [String] {
        eventTypes.filter { EventTypePattern.matches(pattern, $0) }
    }

    /// Every exact type and every `prefix.*` pattern that matches something: the candidates
    /// for "did you mean" when a pattern matches nothing.
    public var patternCandidates: [String] {
        var candidates = eventTypes
        var seen = Set(candidates)
        for type in eventTypes {
            var prefix = ""
            for part in type.split(separator: ".").dropLast() {
                prefix += part + "."
                let pattern = prefix + "*"
                if seen.insert(pattern).inserted { candidates.append(pattern) }
            }
        }
        return candidates
    }
}
