import Schedule
import TransitionSupport

/// Per-task variance between a baseline's dates and the current forecast, in working days.
public struct TaskVariance: Sendable, Hashable {
    public var task: String
    public var baselineStart: CivilDate
    public var baselineFinish: CivilDate
    public var start: CivilDate
    public var finish: CivilDate
    /// Working days the forecast finish is later than the baseline (positive = late).
    public var finishVariance: Int
    public var startVariance: Int
}

/// One task's dates in a baseline.
public struct BaselineTaskDates: Sendable, Hashable {
    public var start: CivilDate
    public var finish: CivilDate

    public init(start: CivilDate, finish: CivilDate) {
        self.start = start
        self.finish = finish
    }
}

/// A baseline's task dates, as stored by a `baseline.taken` event.
public struct BaselineDates: Sendable, Hashable {
    public var number: Int
    public var label: String
    public var statutoryDate: CivilDate
    public var tasks: [String: BaselineTaskDates]

    public init(number: Int, label: String, statutoryDate: CivilDate, tasks: [String: BaselineTaskDates]) {
        self.number = number
        self.label = label
        self.statutoryDate = statutoryDate
        self.tasks = tasks
    }

    /// Captures a schedule's dates as a baseline.
    public static func capture(_ result: ScheduleResult, number: Int, label: String, statutoryDate: CivilDate) -> BaselineDates {
        var tasks: [String: BaselineTaskDates] = [:]
        for task in result.tasks { tasks[task.id] = BaselineTaskDates(start: task.startDate, finish: task.finishDate) }
        return BaselineDates(number: number, label: label, statutoryDate: statutoryDate, tasks: tasks)
    }

    /// Variance of `result` (in workflow order) against this baseline.
    public func variance(of result: ScheduleResult, calendar: WorkingCalendar) -> [TaskVariance] {
        result.tasks.compactMap { task in
            guard let base = tasks[task.id] else { return nil }
            return TaskVariance(
                task: task.id, baselineStart: base.start, baselineFinish: base.finish, start: task.startDate,
                finish: task.finishDate,
                finishVariance: calendar.startPoint(of: task.finishDate) - calendar.startPoint(of: base.finish),
                startVariance: calendar.startPoint(of: task.startDate) - calendar.startPoint(of: base.start))
        }
    }
}
