import Projections
import Reports
import Schedule
import TransitionSupport
import Workflow

/// Schedules the programme from a view: the workflow in force, the statutory date as currently
/// projected, recorded task progress, and the view's data date.
public enum ScheduleService {
    public static func input(for view: ProgrammeView, dataDate: CivilDate? = nil) -> ScheduleInput {
        let statutory = view.state.field(kind: "programme", id: nil, name: "statutoryDate")?.stringValue.flatMap { CivilDate(iso8601: $0) }
        return ScheduleBridge.input(
            for: view.workflow, statutoryDate: statutory, dataDate: dataDate ?? view.dataDate, progress: progress(in: view))
    }

    public static func schedule(_ view: ProgrammeView, dataDate: CivilDate? = nil) throws -> ScheduleResult {
        try CriticalPathScheduler.schedule(input(for: view, dataDate: dataDate))
    }

    /// Recorded progress per task, as the scheduler wants it.
    public static func progress(in view: ProgrammeView) -> [String: TaskProgress] {
        var progress: [String: TaskProgress] = [:]
        for task in view.workflow.tasks {
            guard let entry = view.state.tasks.tasks[task.id] else { continue }
            let item = TaskProgress(actualStart: entry.actualStart, actualFinish: entry.actualFinish, remaining: entry.remaining)
            if !item.isEmpty { progress[task.id] = item }
        }
        return progress
    }

    /// The baselines recorded so far, as task dates.
    public static func baselines(in view: ProgrammeView) -> [BaselineDates] {
        view.state.programme.baselines.map { baseline in
            var tasks: [String: BaselineTaskDates] = [:]
            for task in baseline.tasks { tasks[task.task] = BaselineTaskDates(start: task.start, finish: task.finish) }
            return BaselineDates(number: baseline.number, label: baseline.label ?? "", statutoryDate: baseline.statutoryDate, tasks: tasks)
        }
    }
}
