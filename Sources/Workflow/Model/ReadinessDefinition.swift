/// The Readiness to Operate Statement's layout: its sections and who must sign it.
///
/// A ROS version is complete only when every signatory role has signed it, so the signatories
/// are part of the workflow rather than a convention.
public struct ReadinessDefinition: Sendable, Hashable, Codable {
    /// The sections, in file order.
    public var sections: [ReadinessSection]
    /// The ids of the roles whose signatures complete a ROS version.
    public var signatories: [String]

    /// Creates a readiness definition.
    public init(sections: [ReadinessSection] = [], signatories: [String] = []) {
        self.sections = sections
        self.signatories = signatories
    }
}
