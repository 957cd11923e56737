public import TransitionSupport

/// A task or milestone of the network, as the scheduler sees it.
///
/// The scheduler has its own network type so that critical-path analysis can run (and be
/// benchmarked) on any graph, not only on one loaded from a workflow file.
public struct ScheduleTask: Sendable, Hashable {
    public var id: String
    public var name: String
    public var workstream: String?
    /// Planned duration in working days (0 for a milestone).
    public var duration: Int
    public var isMilestone: Bool
    /// Links to predecessors, in workflow-file order.
    public var predecessors: [ScheduleRelation]
    /// Soft constraint: the task may not start before the start of this date's working day.
    public var startNoEarlierThan: CivilDate?
    /// Hard deadline: the late finish is capped at the end of this date's working day.
    public var finishNoLaterThan: CivilDate?
    /// Three-point estimate used only by Monte Carlo risk analysis.
    public var estimate: ThreePointEstimate?

    /// Creates a task; `name` defaults to the id.
    public init(
        id: String,
        name: String? = nil,
        workstream: String? = nil,
        duration: Int = 0,
        isMilestone: Bool = false,
        predecessors: [ScheduleRelation] = [],
        startNoEarlierThan: CivilDate? = nil,
        finishNoLaterThan: CivilDate? = nil,
        estimate: ThreePointEstimate? = nil
    ) {
        self.id = id
        self.name = name ?? id
        self.workstream = workstream
        self.duration = duration
        self.isMilestone = isMilestone
        self.predecessors = predecessors
        self.startNoEarlierThan = startNoEarlierThan
        self.finishNoLaterThan = finishNoLaterThan
        self.estimate = estimate
    }
}
