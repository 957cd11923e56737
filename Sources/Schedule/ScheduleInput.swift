public import TransitionSupport

/// Everything one critical-path calculation needs: the network, its calendar and the progress.
public struct ScheduleInput: Sendable {
    /// Tasks in workflow-file order (the order breaks ties in the forward-pass order).
    public var tasks: [ScheduleTask]
    public var calendar: WorkingCalendar
    /// The statutory go-live date; its start point closes the open ends and measures slip.
    public var statutoryDate: CivilDate?
    /// Id of the go-live milestone whose early start is the forecast.
    public var goLiveMilestone: String?
    /// The date progress is recorded as of; unstarted work cannot start before it.
    public var dataDate: CivilDate?
    /// Recorded progress by task id.
    public var progress: [String: TaskProgress]
    /// A task is critical when its total float is at most this many working days.
    public var criticalThreshold: Int
    /// A task that is not critical is near-critical when its total float is at most this.
    public var nearCriticalDays: Int

    public init(
        tasks: [ScheduleTask],
        calendar: WorkingCalendar,
        statutoryDate: CivilDate? = nil,
        goLiveMilestone: String? = nil,
        dataDate: CivilDate? = nil,
        progress: [String: TaskProgress] = [:],
        criticalThreshold: Int = 0,
        nearCriticalDays: Int = 10
    ) {
        self.tasks = tasks
        self.calendar = calendar
        self.statutoryDate = statutoryDate
        self.goLiveMilestone = goLiveMilestone
        self.dataDate = dataDate
        self.progress = progress
        self.criticalThreshold = criticalThreshold
        self.nearCriticalDays = nearCriticalDays
    }
}
