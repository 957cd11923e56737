public import TransitionSupport

/// The outcome of one critical-path calculation: every task's dates, the critical path and the
/// go-live forecast.
public struct ScheduleResult: Sendable, Hashable {
    /// Scheduled tasks in workflow-file order.
    public var tasks: [ScheduledTask] {
        didSet { indexByID = Self.makeIndex(tasks) }
    }
    /// Ids of the critical tasks in forward-pass order.
    public var criticalPath: [String]
    /// The go-live milestone's early start as a date.
    public var forecastGoLive: CivilDate?
    /// Go-live early start minus the statutory date's point, in working days (positive = late).
    public var slipDays: Int?
    public var statutoryDate: CivilDate?
    public var dataDate: CivilDate?

    private var indexByID: [String: Int]

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
        self.indexByID = Self.makeIndex(tasks)
    }

    /// The scheduled task with `id`, if any. O(1).
    public func task(_ id: String) -> ScheduledTask? {
        indexByID[id].map { tasks[$0] }
    }

    private static func makeIndex(_ tasks: [ScheduledTask]) -> [String: Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(tasks.count)
        for (position, task) in tasks.enumerated() where index[task.id] == nil { index[task.id] = position }
        return index
    }
}
