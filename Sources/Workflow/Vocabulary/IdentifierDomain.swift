/// The collections of the workflow an identifier field can point into.
///
/// Fields such as `task.id` or `dueDiligence.workstream` hold ids declared elsewhere in the file;
/// naming the collection lets the loader check the values a rule compares them with.
public enum IdentifierDomain: String, Sendable, Hashable, CaseIterable {
    /// `tasks[].id`.
    case task
    /// `dueDiligence.items[].id`.
    case dueDiligenceItem
    /// `workstreams[].id`.
    case workstream
    /// `dueDiligence.categories[].id`.
    case category
    /// `roles[].id`.
    case role
    /// `organisations[].id`.
    case organisation
    /// `consultationGroups[].id`.
    case consultationGroup
}
