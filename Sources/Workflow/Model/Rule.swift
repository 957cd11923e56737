/// A rule of the workflow: a check the engine applies before appending an event, or a watch it keeps.
///
/// Rules are data so that each programme can state its own gates in plain JSON; the Rules target
/// interprets them. Every rule carries a plain-English description, which is what a refusal quotes.
public struct Rule: Sendable, Hashable, Codable {
    /// The rule's id, such as `G-ROS-DD-CLOSED`.
    public var id: String
    /// What the rule does, with its kind-specific data.
    public var kind: RuleKind
    /// Plain English, quoted in refusals.
    public var description: String
    /// Whether a violation refuses the event or only warns.
    public var severity: RuleSeverity

    /// Creates a rule; blocking by default.
    public init(id: String, kind: RuleKind, description: String, severity: RuleSeverity = .blocking) {
        self.id = id
        self.kind = kind
        self.description = description
        self.severity = severity
    }
}
