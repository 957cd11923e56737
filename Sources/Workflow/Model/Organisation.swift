/// A statutory body taking part in the transition: a closing source or the receiving target.
///
/// Staff, contracts and assets name the organisation they come from, and the loader insists on
/// exactly one target, so "where does this go on Day 1?" always has one answer.
public struct Organisation: Sendable, Hashable, Codable {
    /// Whether the organisation closes (source) or receives (target).
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case source
        case target
    }

    /// The organisation's id, such as `BUCKS-CCG`.
    public var id: String
    /// Its legal name.
    public var name: String
    /// Source or target.
    public var kind: Kind
    /// The ODS code (`14Y`, `QU9`), when known.
    public var code: String?

    /// Creates an organisation.
    public init(id: String, name: String, kind: Kind, code: String? = nil) {
        self.id = id
        self.name = name
        self.kind = kind
        self.code = code
    }
}
