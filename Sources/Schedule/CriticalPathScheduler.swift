import TransitionSupport

/// The critical path method as fixed by `cpm-semantics.md` (Primavera P6 where that is silent).
///
/// A pure function of its input: no clock, no I/O. O(n + e) for `n` tasks and `e` links when the
/// tasks are listed in an order their links respect, O((n + e) log n) otherwise.
public enum CriticalPathScheduler {
    /// Schedules `input`: forward pass, backward pass, float, critical path and go-live forecast.
    /// - Throws: ``ScheduleError`` for a cycle, an unknown or duplicate id, a bad duration,
    ///   estimate or progress, naming the tasks involved.
    public static func schedule(_ input: ScheduleInput) throws(ScheduleError) -> ScheduleResult {
        let network = try ScheduleNetwork(input)
        return makeResult(input: input, network: network, workspace: network.schedule())
    }

    /// Turns the passes' per-rank arrays into the rows people read, in file order. O(n + e).
    static func makeResult(input: ScheduleInput, network: ScheduleNetwork, workspace: PassWorkspace) -> ScheduleResult {
        let count = network.count
        let freeFloat = network.freeFloat(workspace)
        let state = network.state.base
        let early = workspace.early
        let late = workspace.late

        // Every point shown as a date lies between these; tabulate them when the span is modest.
        var low = Int.max
        var high = Int.min
        for rank in 0 ..< count {
            let earlyStart = early[2 * rank]
            let span = early[2 * rank + 1] - earlyStart
            let lateStart = (state[rank] == .finished ? early[2 * rank + 1] : late[2 * rank + 1]) - span
            let last = span > 0 ? span - 1 : 0
            low = min(low, earlyStart, lateStart)
            high = max(high, earlyStart + last, lateStart + last)
        }
        let dates = DateTable(calendar: input.calendar, from: low, through: high, limit: 4 * count + 1_024)

        var isCritical = [Bool](repeating: false, count: count)
        var scheduled: [ScheduledTask] = []
        scheduled.reserveCapacity(count)
        let tasks = input.tasks
        for position in tasks.indices {
            let rank = network.rank[position]
            let taskState = state[rank]
            let earlyStart = early[2 * rank]
            let earlyFinish = early[2 * rank + 1]
            let isFinished = taskState == .finished
            let lateFinish = isFinished ? earlyFinish : late[2 * rank + 1]
            let lateStart = lateFinish - (earlyFinish - earlyStart)
            let totalFloat: Int? = isFinished ? nil : lateFinish - earlyFinish
            let critical = totalFloat.map { $0 <= input.criticalThreshold } ?? false
            let nearCritical = !critical && (totalFloat.map { $0 <= input.nearCriticalDays } ?? false)
            isCritical[rank] = critical
            let spansWork = earlyFinish > earlyStart
            scheduled.append(
                ScheduledTask(
                    id: tasks[position].id, name: tasks[position].name, workstream: tasks[position].workstream,
                    duration: tasks[position].duration, isMilestone: tasks[position].isMilestone,
                    earlyStart: earlyStart, earlyFinish: earlyFinish, lateStart: lateStart, lateFinish: lateFinish,
                    totalFloat: totalFloat, freeFloat: freeFloat[rank],
                    remaining: taskState == .started ? workspace.work[rank] : nil,
                    isCritical: critical, isNearCritical: nearCritical,
                    isFinished: isFinished, isStarted: taskState != .notStarted,
                    startDate: dates.date(earlyStart),
                    finishDate: dates.date(spansWork ? earlyFinish - 1 : earlyStart),
                    lateStartDate: dates.date(lateStart),
                    lateFinishDate: dates.date(spansWork ? lateFinish - 1 : lateStart)))
        }
        var criticalPath: [String] = []
        for rank in 0 ..< count where isCritical[rank] { criticalPath.append(network.ids[network.order[rank]]) }
        let goLiveStart = network.goLive.map { early[2 * network.rank[$0]] }
        var slip: Int?
        if let goLiveStart, let statutoryPoint = network.statutoryPoint { slip = goLiveStart - statutoryPoint }
        return ScheduleResult(
            tasks: scheduled, criticalPath: criticalPath,
            forecastGoLive: goLiveStart.map { dates.date($0) }, slipDays: slip,
            statutoryDate: input.statutoryDate, dataDate: input.dataDate, index: network.index)
    }
}
