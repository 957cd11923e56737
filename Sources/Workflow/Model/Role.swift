/// A role that may record events, such as an SRO, the accountable officer or internal audit.
///
/// Permission rules check every proposed event against its recorder's role, so each role lists
/// the event types it may record (`record`) and the sign-offs it may give (`signOff`), as exact
/// types or patterns (``EventTypePattern``). A read-only role records nothing.
public struct Role: Sendable, Hashable, Codable {
    /// The role's id, such as `sro-people`.
    public var id: String
    /// A name for people.
    public var name: String
    /// Event-type patterns this role may record.
    public var record: [String]
    /// Sign-off event-type patterns this role may record.
    public var signOff: [String]
    /// True for roles (auditors) that may record nothing.
    public var readOnly: Bool

    /// Creates a role.
    public init(id: String, name: String, record: [String] = [], signOff: [String] = [], readOnly: Bool = false) {
        self.id = id
        self.name = name
        self.record = record
        self.signOff = signOff
        self.readOnly = readOnly
    }
}
