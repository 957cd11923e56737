import Schedule
import TransitionSupport

/// Rebuilds a schedule-shaped result from a baseline's dates, so quality checks can compare against it.
public enum BaselineSchedule {
    public static func result(_ baseline: BaselineDates, like current: ScheduleResult, calendar: WorkingCalendar) -> ScheduleResult {
        var result = current
        result.tasks = current.tasks.map { task in
            guard let dates = baseline.tasks[task.id] else { return task }
            var copy = task
            let start = calendar.startPoint(of: dates.start)
            let finish = task.isMilestone ? start : calendar.startPoint(of: dates.finish) + 1
            copy.earlyStart = start
            copy.earlyFinish = finish
            copy.startDate = dates.start
            copy.finishDate = dates.finish
            return copy
        }
        return result
    }
}
