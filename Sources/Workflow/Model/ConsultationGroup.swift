/// A staff consultation group, such as "Buckinghamshire CCG staff".
///
/// Staff consultations open and close per group, and a person's transfer is gated on their
/// group's consultation, so groups are declared up front with the organisation they belong to.
public struct ConsultationGroup: Sendable, Hashable, Codable {
    /// The group's id.
    public var id: String
    /// A name for people.
    public var name: String
    /// The id of the organisation whose staff it covers.
    public var organisation: String

    /// Creates a group.
    public init(id: String, name: String, organisation: String) {
        self.id = id
        self.name = name
        self.organisation = organisation
    }
}
