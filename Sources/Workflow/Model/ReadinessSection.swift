/// One section of the Readiness to Operate Statement, assessed by a workstream.
///
/// Each section is assessed separately (`ros.section.assessed`), so it names the workstream
/// accountable for its assessment.
public struct ReadinessSection: Sendable, Hashable, Codable {
    /// The section's id, such as `ROS-01`.
    public var id: String
    /// Its title.
    public var title: String
    /// The id of the workstream that assesses it.
    public var workstream: String

    /// Creates a section.
    public init(id: String, title: String, workstream: String) {
        self.id = id
        self.title = title
        self.workstream = workstream
    }
}
