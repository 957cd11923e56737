import TransitionSupport

/// Schedule-quality checks modelled on the DCMA 14-point assessment, so a programme board can see
/// whether the critical path can be trusted before trusting its forecast.
///
/// Task checks count unfinished tasks and relation checks count links into unfinished tasks, as
/// DCMA counts incomplete activities. Thresholds:
///
/// | id | offenders | passes when |
/// |---|---|---|
/// | `missing-logic` | no predecessor (except the first task in the file) or no successor (except the go-live milestone) | `<= 5%` of tasks |
/// | `leads` | links with a negative lag | none |
/// | `lags` | links with a positive lag | `<= 5%` of links |
/// | `relationship-types` | links other than FS | `<= 10%` of links |
/// | `hard-constraints` | tasks with a finish-no-later-than date | `<= 5%` of tasks |
/// | `high-float` | total float above 44 working days | `<= 5%` of tasks |
/// | `negative-float` | total float below 0 | none |
/// | `high-duration` | non-milestones longer than 44 working days | `<= 5%` of non-milestones |
/// | `invalid-dates` | an actual start or finish after the data date (all tasks) | none |
/// | `critical-path-test` | delaying the first unfinished critical non-milestone (else the first with the least float in forward-pass order) by 10 days does not move go-live by exactly 10 | go-live moves by 10 |
/// | `baseline-execution-index` | tasks baselined to finish by the data date that are not finished; `count` is all finished tasks, `total` the tasks baselined to finish by the data date | `count / total >= 0.95`; passes (with a note in the title) without a baseline or data date |
public enum ScheduleQuality {
    /// Days of float or duration above which a task is flagged (two working months).
    public static let longThreshold = 44
    /// How far the critical path test delays a task.
    public static let testDelay = 10

    /// Runs every check. `result` must be the schedule of `input`.
    public static func assess(_ input: ScheduleInput, result: ScheduleResult, baseline: ScheduleResult?) -> [QualityCheck] {
        let open = input.tasks.filter { !(result.task($0.id)?.isFinished ?? false) }
        var successorCount: [String: Int] = [:]
        for task in input.tasks {
            for relation in task.predecessors { successorCount[relation.predecessor, default: 0] += 1 }
        }
        let links = open.flatMap { task in task.predecessors.map { (task: task.id, relation: $0) } }
        let firstID = input.tasks.first?.id

        func share(_ percent: Int) -> (Int, Int) -> Bool {
            { count, total in count * 100 <= percent * total }
        }
        func taskCheck(
            _ id: String, _ title: String, _ threshold: String, among tasks: [ScheduleTask],
            passes: (Int, Int) -> Bool, where isOffender: (ScheduleTask) -> Bool
        ) -> QualityCheck {
            let offenders = tasks.filter(isOffender).map(\.id)
            return QualityCheck(
                id: id, title: title, count: offenders.count, total: tasks.count, threshold: threshold,
                passed: passes(offenders.count, tasks.count), tasks: offenders)
        }
        func linkCheck(
            _ id: String, _ title: String, _ threshold: String, passes: (Int, Int) -> Bool,
            where isOffender: (ScheduleRelation) -> Bool
        ) -> QualityCheck {
            let offending = links.filter { isOffender($0.relation) }
            let offenders = Set(offending.map(\.task))
            return QualityCheck(
                id: id, title: title, count: offending.count, total: links.count, threshold: threshold,
                passed: passes(offending.count, links.count),
                tasks: input.tasks.map(\.id).filter { offenders.contains($0) })
        }
        func totalFloat(_ task: ScheduleTask) -> Int? { result.task(task.id)?.totalFloat }

        return [
            taskCheck("missing-logic", "Missing logic (no predecessor or no successor)", "<= 5%", among: open, passes: share(5)) {
                ($0.predecessors.isEmpty && $0.id != firstID)
                    || (successorCount[$0.id, default: 0] == 0 && $0.id != input.goLiveMilestone)
            },
            linkCheck("leads", "Leads (negative lags)", "= 0", passes: { count, _ in count == 0 }) { $0.lag < 0 },
            linkCheck("lags", "Lags (positive lags)", "<= 5%", passes: share(5)) { $0.lag > 0 },
            linkCheck("relationship-types", "Relationship types other than finish-to-start", "<= 10%", passes: share(10)) {
                $0.type != .finishToStart
            },
            taskCheck("hard-constraints", "Hard constraints (finish no later than)", "<= 5%", among: open, passes: share(5)) {
                $0.finishNoLaterThan != nil
            },
            taskCheck("high-float", "High float (more than \(longThreshold) working days)", "<= 5%", among: open, passes: share(5)) {
                (totalFloat($0) ?? 0) > longThreshold
            },
            taskCheck("negative-float", "Negative float", "= 0", among: open, passes: { count, _ in count == 0 }) {
                (totalFloat($0) ?? 0) < 0
            },
            taskCheck(
                "high-duration", "High duration (more than \(longThreshold) working days)", "<= 5%",
                among: open.filter { !$0.isMilestone }, passes: share(5)
            ) { $0.duration > longThreshold },
            invalidDates(input),
            criticalPathTest(input, result: result),
            baselineExecutionIndex(input, result: result, baseline: baseline),
        ]
    }
}
