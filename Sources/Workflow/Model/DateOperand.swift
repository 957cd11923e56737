import TransitionSupport

/// A date a check compares with: a literal date or a reference such as `$statutoryDate`.
///
/// References are kept unresolved so that a later statutory-date change applies to every rule
/// without rewriting the workflow.
public enum DateOperand: Sendable, Hashable, Codable {
    /// A literal date.
    case date(CivilDate)
    /// A reference, including its `$`: `$statutoryDate` or `$shadowFrom`.
    case reference(String)
}
