/// The kind of thing an event is about, named as the workflow's rule vocabulary names it.
///
/// The envelope's `entity` is a bare id; knowing its kind lets the rules engine find the subject of a
/// proposed event (`"subject": "staff"`) and lets `history` group events per entity.
public enum EntityKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The programme itself (singleton, id = programme id).
    case programme
    /// A task or milestone of the plan.
    case task
    /// A due-diligence checklist item.
    case dueDiligence
    /// A person mapped to a post.
    case staff
    /// A staff consultation group.
    case consultation
    /// A contract or commercial agreement.
    case contract
    /// An asset, lease, liability or claim.
    case asset
    /// The Readiness to Operate Statement (singleton, entity `ROS`).
    case ros
    /// Another event of the log, named by sequence number (corrections).
    case event
    /// A workflow rule (overrides).
    case rule
}
