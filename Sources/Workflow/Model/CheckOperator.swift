import TransitionSupport

/// The comparison a ``Check`` makes.
///
/// One operator per check, with its operand already typed at load (a number for `atLeast`, a
/// date or reference for `onOrAfter`), so evaluation never has to guess.
public enum CheckOperator: Sendable, Hashable, Codable {
    /// The field equals the value (a string starting with `$` is a reference).
    case equals(JSONValue)
    /// The field differs from the value.
    case notEquals(JSONValue)
    /// The field equals one of the values.
    case `in`([JSONValue])
    /// The field equals none of the values.
    case notIn([JSONValue])
    /// The field is present (`true`) or absent (`false`).
    case exists(Bool)
    /// The field is a number at least this.
    case atLeast(Double)
    /// The field is a number at most this.
    case atMost(Double)
    /// The field is a date on or after this.
    case onOrAfter(DateOperand)
    /// The field is a date on or before this.
    case onOrBefore(DateOperand)

    /// The operator key as written in a workflow file.
    public var keyword: String {
        switch self {
        case .equals: return "equals"
        case .notEquals: return "notEquals"
        case .in: return "in"
        case .notIn: return "notIn"
        case .exists: return "exists"
        case .atLeast: return "atLeast"
        case .atMost: return "atMost"
        case .onOrAfter: return "onOrAfter"
        case .onOrBefore: return "onOrBefore"
        }
    }

    /// Every operator key, in the order the format document lists them.
    public static let keywords = [
        "equals", "notEquals", "in", "notIn", "exists", "atLeast", "atMost", "onOrAfter", "onOrBefore",
    ]
}
