public import TransitionSupport

/// The outcome of one critical-path calculation: every task's dates, the critical path and the
/// go-live forecast.
public struct ScheduleResult: Sendable, Hashable {
    /// Scheduled tasks in workflow-file order.
    public var tasks: [ScheduledTask] {
        didSet { index = TaskIndex(tasks.map(\.id)) }
    }
    /// Ids of the critical tasks in forward-pass order.
    public var criticalPath: [String]
    /// The go-live milestone's early start as a date.
    public var forecastGoLive: CivilDate?
    /// Go-live early start minus the statutory date's point, in working days (positive = late).
    public var slipDays: Int?
    public var statutoryDate: CivilDate?
    public var dataDate: CivilDate?

    /// Task ids -> positions in `tasks` (derived; left out of equality and hashing).
    private var index: TaskIndex

    public init(
        tasks: [ScheduledTask], criticalPath: [String], forecastGoLive: CivilDate?, slipDays: Int?,
        statutoryDate: CivilDate?, dataDate: CivilDate?
    ) {
        self.tasks = tasks
        self.criticalPath = criticalPath
        self.forecastGoLive = forecastGoLive
        self.slipDays = slipDays
        self.statutoryDate = statutoryDate
        self.dataDate = dataDate
        self.index = TaskIndex(tasks.map(\.id))
    }

    /// A result whose task ids `index` already holds, in the same order (the scheduler's own).
    init(
        tasks: [ScheduledTask], criticalPath: [String], forecastGoLive: CivilDate?, slipDays: Int?,
        statutoryDate: CivilDate?, dataDate: CivilDate?, index: TaskIndex
    ) {
        self.tasks = tasks
        self.criticalPath = criticalPath
        self.forecastGoLive = forecastGoLive
        self.slipDays = slipDays
        self.statutoryDate = statutoryDate
        self.dataDate = dataDate
        self.index = index
    }

    /// The scheduled task with `id` (the first, should ids repeat), if any. O(1) expected.
    public func task(_ id: String) -> ScheduledTask? {
        index.position(of: id).map { tasks[$0] }
    }

    public static func == (lhs: ScheduleResult, rhs: ScheduleResult) -> Bool {
        lhs.tasks == rhs.tasks && lhs.criticalPath == rhs.criticalPath && lhs.forecastGoLive == rhs.forecastGoLive
            && lhs.slipDays == rhs.slipDays && lhs.statutoryDate == rhs.statutoryDate && lhs.dataDate == rhs.dataDate
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(tasks)
        hasher.combine(criticalPath)
        hasher.combine(forecastGoLive)
        hasher.combine(slipDays)
        hasher.combine(statutoryDate)
        hasher.combine(dataDate)
    }
}
