import Schedule
import TransitionSupport
import Workflow

/// Turns a workflow (and recorded progress) into the scheduler's input.
///
/// The scheduler knows nothing of workflows or events; this is the one place that maps tasks,
/// relations, constraints, estimates and the calendar across, so CPM stays a pure library.
public enum ScheduleBridge {
    public static func calendar(for workflow: WorkflowDefinition) -> WorkingCalendar {
        WorkingCalendar(
            start: workflow.programme.start, workingWeekdays: workflow.calendar.workingDays,
            holidays: Set(workflow.calendar.holidays.map(\.date)))
    }

    public static func input(
        for workflow: WorkflowDefinition, statutoryDate: CivilDate? = nil, dataDate: CivilDate? = nil,
        progress: [String: TaskProgress] = [:]
    ) -> ScheduleInput {
        let tasks = workflow.tasks.map { task in
            ScheduleTask(
                id: task.id, name: task.name, workstream: task.workstream, duration: task.isMilestone ? 0 : task.duration,
                isMilestone: task.isMilestone,
                predecessors: task.relations.map { relation in
                    ScheduleRelation(predecessor: relation.task, type: relationType(relation.type), lag: relation.lag)
                },
                startNoEarlierThan: task.startNoEarlierThan, finishNoLaterThan: task.finishNoLaterThan,
                estimate: task.estimate.map {
                    ThreePointEstimate(optimistic: $0.optimistic, mostLikely: $0.mostLikely, pessimistic: $0.pessimistic)
                })
        }
        return ScheduleInput(
            tasks: tasks, calendar: calendar(for: workflow), statutoryDate: statutoryDate ?? workflow.programme.statutoryDate,
            goLiveMilestone: workflow.programme.goLiveMilestone, dataDate: dataDate, progress: progress,
            criticalThreshold: workflow.programme.criticalFloatDays, nearCriticalDays: workflow.programme.nearCriticalDays)
    }

    static func relationType(_ kind: RelationKind) -> RelationType {
        switch kind {
        case .fs: return .finishToStart
        case .ss: return .startToStart
        case .ff: return .finishToFinish
        case .sf: return .startToFinish
        }
    }
}
