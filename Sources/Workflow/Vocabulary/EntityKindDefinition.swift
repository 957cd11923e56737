/// An entity kind of the vocabulary, such as `staff`, and the fields checks may read.
///
/// Projections expose these kinds to the rules engine; the loader uses the same list so that a
/// rule can only read what a projection will actually provide.
public struct EntityKindDefinition: Sendable, Hashable {
    /// The kind's name.
    public var name: String
    /// Its fields.
    public var fields: [FieldDefinition]
    /// True for kinds with exactly one instance (`ros`, `programme`), read with `singleton`.
    public var isSingleton: Bool

    /// Creates a kind.
    public init(name: String, fields: [FieldDefinition], isSingleton: Bool = false) {
        self.name = name
        self.fields = fields
        self.isSingleton = isSingleton
    }

    /// The field called `name`, if any.
    public func field(named name: String) -> FieldDefinition? {
        fields.first { $0.name == name }
    }
}
