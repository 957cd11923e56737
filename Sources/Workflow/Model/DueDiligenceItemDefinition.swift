import TransitionSupport

/// One due-diligence item as planned: what must be checked, by whom, and by when.
///
/// An item is due either on a date or when the task it feeds starts, never both, so deadline
/// rules always know which one clock applies.
public struct DueDiligenceItemDefinition: Sendable, Hashable, Codable {
    /// The item's id, such as `DD-STAFF-01`; never equal to a task id.
    public var id: String
    /// What is checked.
    public var title: String
    /// The id of its checklist category.
    public var category: String
    /// The id of the workstream that owns it.
    public var workstream: String
    /// The id of the role that owns it.
    public var ownerRole: String
    /// Whether evidence must be attached before it is signed off.
    public var evidenceRequired: Bool
    /// The date it is due, when it is not tied to a task.
    public var due: CivilDate?
    /// The id of the task it feeds, when it is not due on a date.
    public var feeds: String?

    /// Creates an item; exactly one of `due` and `feeds` should be set.
    public init(
        id: String, title: String, category: String, workstream: String, ownerRole: String,
        evidenceRequired: Bool, due: CivilDate? = nil, feeds: String? = nil
    ) {
        self.id = id
        self.title = title
        self.category = category
        self.workstream = workstream
        self.ownerRole = ownerRole
        self.evidenceRequired = evidenceRequired
        self.due = due
        self.feeds = feeds
    }
}
