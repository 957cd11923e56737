/// Where a due-diligence item stands.
///
/// `deferred` means accepted as residue past go-live (with a mitigation and an owner in the new body);
/// `complete`, `not-applicable` and `deferred` all close an item for the ROS gate.
public enum DueDiligenceStatus: String, PayloadEnumeration {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case complete
    case notApplicable = "not-applicable"
    case deferred

    /// Whether the item no longer counts as open work (complete, not applicable or deferred).
    public var isClosed: Bool {
        switch self {
        case .complete, .notApplicable, .deferred: return true
        case .notStarted, .inProgress: return false
        }
    }

    /// Whether a reason must accompany a change to this status.
    public var requiresReason: Bool { self == .notApplicable || self == .deferred }
}
