import TransitionSupport

/// The critical path method as fixed by `cpm-semantics.md` (Primavera P6 where that is silent).
///
/// A pure function of its input: no clock, no I/O. O((n + e) log n) for `n` tasks and `e` links.
public enum CriticalPathScheduler {
    /// Schedules `input`: forward pass, backward pass, float, critical path and go-live forecast.
    /// - Throws: ``ScheduleError`` for a cycle, an unknown or duplicate id, a bad duration,
    ///   estimate or progress, naming the tasks involved.
    public static func schedule(_ input: ScheduleInput) throws(ScheduleError) -> ScheduleResult {
        let network = try ScheduleNetwork(input)
        let workspace = network.schedule()
        return makeResult(input: input, network: network, workspace: workspace)
    }

    static func makeResult(input: ScheduleInput, network: ScheduleNetwork, workspace: PassWorkspace) -> ScheduleResult {
        let calendar = input.calendar
        let freeFloat = network.freeFloat(workspace)
        var scheduled: [ScheduledTask] = []
        scheduled.reserveCapacity(network.count)
        for (position, task) in input.tasks.enumerated() {
            let state = network.state[position]
            let earlyStart = workspace.earlyStart[position]
            let earlyFinish = workspace.earlyFinish[position]
            let isFinished = state == .finished
            let lateFinish = isFinished ? earlyFinish : workspace.lateFinish[position]
            let lateStart = lateFinish - (earlyFinish - earlyStart)
            let totalFloat: Int? = isFinished ? nil : lateFinish - earlyFinish
            let isCritical = totalFloat.map { $0 <= input.criticalThreshold } ?? false
            let isNearCritical = !isCritical && (totalFloat.map { $0 <= input.nearCriticalDays } ?? false)
            scheduled.append(
                ScheduledTask(
                    id: task.id, name: task.name, workstream: task.workstream, duration: task.duration,
                    isMilestone: task.isMilestone,
                    earlyStart: earlyStart, earlyFinish: earlyFinish, lateStart: lateStart, lateFinish: lateFinish,
                    totalFloat: totalFloat, freeFloat: freeFloat[position],
                    remaining: state == .started ? network.remaining[position] : nil,
                    isCritical: isCritical, isNearCritical: isNearCritical,
                    isFinished: isFinished, isStarted: state != .notStarted,
                    startDate: calendar.date(ofWorkingDay: earlyStart),
                    finishDate: displayedFinish(start: earlyStart, finish: earlyFinish, calendar: calendar),
                    lateStartDate: calendar.date(ofWorkingDay: lateStart),
                    lateFinishDate: displayedFinish(start: lateStart, finish: lateFinish, calendar: calendar)))
        }
        let criticalPath = network.order.filter { scheduled[$0].isCritical }.map { network.ids[$0] }
        let goLiveStart = network.goLive.map { workspace.earlyStart[$0] }
        var slip: Int?
        if let goLiveStart, let statutoryPoint = network.statutoryPoint { slip = goLiveStart - statutoryPoint }
        return ScheduleResult(
            tasks: scheduled, criticalPath: criticalPath,
            forecastGoLive: goLiveStart.map { calendar.date(ofWorkingDay: $0) }, slipDays: slip,
            statutoryDate: input.statutoryDate, dataDate: input.dataDate)
    }

    /// The date shown as a finish: working day `finish - 1`, or the start's day when the span
    /// covers no working day (a milestone's single date).
    private static func displayedFinish(start: Int, finish: Int, calendar: WorkingCalendar) -> CivilDate {
        calendar.date(ofWorkingDay: finish > start ? finish - 1 : start)
    }
}
