/// The five kinds of rule, each with the data it needs.
///
/// An enum with associated values, so a gate cannot exist without its checks and a deadline
/// without its scope: the Rules target switches over it exhaustively.
public enum RuleKind: Sendable, Hashable, Codable {
    /// Events that start or finish a task are refused while its relations are unmet.
    case dependency(events: [String])
    /// Events of the listed types are refused unless every required check holds.
    case gate(Gate)
    /// Switches on enforcement of roles' `record`, `signOff` and `readOnly`.
    case permission
    /// Warns on overdue work in `scope`, and escalates when go-live float falls below the threshold.
    case deadline(scope: [String], escalateWhenFloatBelow: Int?)
    /// Keeps deferred work in `scope` listed after go-live until it is closed.
    case residue(scope: [String])

    /// The kind's name as written in a workflow file.
    public var name: String {
        switch self {
        case .dependency: return "dependency"
        case .gate: return "gate"
        case .permission: return "permission"
        case .deadline: return "deadline"
        case .residue: return "residue"
        }
    }

    /// Every kind name, in the order the format document lists them.
    public static let names = ["dependency", "gate", "permission", "deadline", "residue"]
}
