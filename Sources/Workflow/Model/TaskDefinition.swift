import TransitionSupport

/// One task or milestone of the plan, with its predecessors.
///
/// This is the plan as authored; the Schedule target maps it onto its own network type. Order in
/// ``WorkflowDefinition/tasks`` matters: it breaks ties in the forward pass.
public struct TaskDefinition: Sendable, Hashable, Codable {
    /// A link from a predecessor to this task.
    public struct Relation: Sendable, Hashable, Codable {
        /// The predecessor's id.
        public var task: String
        /// The relation type.
        public var type: RelationKind
        /// Working days of lag; negative is a lead.
        public var lag: Int

        /// Creates a relation; finish-to-start with no lag by default.
        public init(task: String, type: RelationKind = .fs, lag: Int = 0) {
            self.task = task
            self.type = type
            self.lag = lag
        }
    }

    /// A three-point estimate of the duration in working days, for Monte Carlo runs.
    public struct Estimate: Sendable, Hashable, Codable {
        /// The best case.
        public var optimistic: Int
        /// The most likely case.
        public var mostLikely: Int
        /// The worst case.
        public var pessimistic: Int

        /// Creates an estimate; the loader checks `optimistic <= mostLikely <= pessimistic`.
        public init(optimistic: Int, mostLikely: Int, pessimistic: Int) {
            self.optimistic = optimistic
            self.mostLikely = mostLikely
            self.pessimistic = pessimistic
        }
    }

    /// The task's id, such as `T-PPL-01`.
    public var id: String
    /// A name for people.
    public var name: String
    /// The id of the workstream it belongs to.
    public var workstream: String
    /// Working days; 0 for a milestone.
    public var duration: Int
    /// Whether this is a milestone (an instant, duration 0).
    public var isMilestone: Bool
    /// Predecessor links, in file order.
    public var relations: [Relation]
    /// An optional start-no-earlier-than constraint.
    public var startNoEarlierThan: CivilDate?
    /// An optional finish-no-later-than constraint (end of that working day).
    public var finishNoLaterThan: CivilDate?
    /// An optional three-point estimate.
    public var estimate: Estimate?
    /// Free text for people.
    public var description: String?

    /// Creates a task.
    public init(
        id: String, name: String, workstream: String, duration: Int, isMilestone: Bool = false,
        relations: [Relation] = [], startNoEarlierThan: CivilDate? = nil, finishNoLaterThan: CivilDate? = nil,
        estimate: Estimate? = nil, description: String? = nil
    ) {
        self.id = id
        self.name = name
        self.workstream = workstream
        self.duration = duration
        self.isMilestone = isMilestone
        self.relations = relations
        self.startNoEarlierThan = startNoEarlierThan
        self.finishNoLaterThan = finishNoLaterThan
        self.estimate = estimate
        self.description = description
    }
}
