/// What a field holds, so that checks compare like with like.
///
/// With types in the vocabulary the loader can refuse `"signed": "yes"` or `atLeast` on a date
/// when the workflow is loaded, rather than letting a gate silently never match.
public enum FieldType: Sendable, Hashable {
    /// Free text.
    case text
    /// An id, optionally of something declared in the workflow (checked at load).
    case identifier(IdentifierDomain?)
    /// One of a fixed set of strings.
    case choice([String])
    /// A whole number.
    case integer
    /// Any number.
    case number
    /// `true` or `false`.
    case boolean
    /// A `YYYY-MM-DD` date.
    case date
    /// Anything (event payload fields the vocabulary does not describe).
    case any
}
