/// Whether a rule violation refuses the event (`blocking`) or only warns (`advisory`).
///
/// Some conditions are good practice rather than law (evidence attached before sign-off), so a
/// workflow can record them as warnings without stopping the work.
public enum RuleSeverity: String, Sendable, Hashable, Codable, CaseIterable {
    /// The event is refused.
    case blocking
    /// The event is recorded with a warning.
    case advisory
}
