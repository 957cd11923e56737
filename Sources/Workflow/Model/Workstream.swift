/// A workstream of the programme and its senior responsible owner.
///
/// Tasks, due-diligence items and readiness sections belong to a workstream, and its SRO role is
/// the default signer of the workstream's due-diligence items.
public struct Workstream: Sendable, Hashable, Codable {
    /// The senior responsible owner: the role that acts, and the person holding it.
    public struct SRO: Sendable, Hashable, Codable {
        /// The role id.
        public var role: String
        /// The person's name.
        public var name: String

        /// Creates an SRO.
        public init(role: String, name: String) {
            self.role = role
            self.name = name
        }
    }

    /// The workstream's id, such as `PEOPLE`.
    public var id: String
    /// A name for people.
    public var name: String
    /// Its senior responsible owner.
    public var sro: SRO
    /// Free text for people.
    public var description: String?

    /// Creates a workstream.
    public init(id: String, name: String, sro: SRO, description: String? = nil) {
        self.id = id
        self.name = name
        self.sro = sro
        self.description = description
    }
}
