/// One condition of a gate: a scope, a field, an operator and an optional condition of its own.
///
/// Checks are deliberately small (one field, one operator) so that a refusal can say exactly
/// which condition failed, and so that the loader can check every field name against the
/// vocabulary before the workflow is ever used.
public struct Check: Sendable, Hashable, Codable {
    /// Which entity or entities the check reads.
    public var scope: CheckScope
    /// The field read: a vocabulary field, or for event checks `effective`, `role` or `data.NAME`.
    public var field: String
    /// The comparison.
    public var op: CheckOperator
    /// Stored as an array so that the type can contain itself without a reference type.
    private var conditions: [Check]

    /// When given, this check applies only while `when` holds (same scope).
    public var when: Check? {
        get { conditions.first }
        set { conditions = newValue.map { [$0] } ?? [] }
    }

    /// Creates a check.
    public init(scope: CheckScope, field: String, op: CheckOperator, when: Check? = nil) {
        self.scope = scope
        self.field = field
        self.op = op
        self.conditions = when.map { [$0] } ?? []
    }
}
