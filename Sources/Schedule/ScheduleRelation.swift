/// One predecessor link of a task: the scheduler's own network type, independent of the workflow file.
public struct ScheduleRelation: Sendable, Hashable {
    /// Id of the predecessor task.
    public var predecessor: String
    /// How the successor's dates depend on the predecessor's.
    public var type: RelationType
    /// Lag in working days; negative is a lead.
    public var lag: Int

    public init(predecessor: String, type: RelationType = .finishToStart, lag: Int = 0) {
        self.predecessor = predecessor
        self.type = type
        self.lag = lag
    }
}
