import Rules

/// An event refused by the workflow's rules: nothing was appended.
///
/// The message names each rule, what is unmet and what would satisfy it, and how an authorised
/// role may override with a recorded reason.
public struct RuleRefusal: Error, Sendable, CustomStringConvertible {
    public var eventType: String
    public var entity: String?
    public var violations: [RuleViolation]

    /// Refusals no override lets through: who may record what, signatures, and corrections that
    /// would change nothing.
    static let unoverridableKinds: Set<String> = ["permission", "signature", "correction"]

    public var description: String {
        let subject = entity.map { "\(eventType) for \($0)" } ?? eventType
        var lines = ["refused: \(subject) was not recorded; nothing was appended."]
        for violation in violations {
            lines.append("  rule \(violation.rule) (\(violation.kind)): \(violation.unmet)")
            lines.append("    to proceed: \(violation.remedy)")
        }
        if violations.contains(where: { !Self.unoverridableKinds.contains($0.kind) }) {
            lines.append("  An authorised role may record it anyway with --override --reason \"why\"; the override is kept in the log for auditors.")
        }
        return lines.joined(separator: "\n")
    }
}

/// A refused override: the role may not override rules, or gave no reason.
public struct OverrideRefusal: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { "refused: \(message); nothing was appended" }
}
