/// A `$` reference a check may use in place of a literal, such as `$statutoryDate`.
///
/// Rules name moving dates by reference so that a statutory-date change needs no rule edits;
/// each reference has a type so the loader can refuse `onOrAfter: "$goLiveMilestone"`.
public struct ReferenceDefinition: Sendable, Hashable {
    /// The name including `$`.
    public var name: String
    /// What it stands for: a date, or a task id.
    public var type: FieldType

    /// Creates a reference.
    public init(name: String, type: FieldType) {
        self.name = name
        self.type = type
    }
}
