/// A field of an entity kind or event, with the type of value it holds.
///
/// Checks name fields as strings; declaring them here is what lets a misspelt field be refused.
public struct FieldDefinition: Sendable, Hashable {
    /// The field's name.
    public var name: String
    /// What it holds; the loader checks operators and values against it.
    public var type: FieldType

    /// Creates a field.
    public init(_ name: String, _ type: FieldType) {
        self.name = name
        self.type = type
    }
}
