import Schedule
import TransitionSupport


/// Recorded progress validated and converted to points, one entry per task.
///
/// Rules (clarifications 4, 6, 7 and 12 of the scheduling contract): an actual start is the start
/// of its day and an actual finish the end of its day; a milestone with any actual date is finished
/// at the start of that day; a started task's remaining work is the recorded remaining, else
/// `max(1, duration - elapsed)` with `elapsed = max(0, dataDate - actualStart)`; a recorded
/// remaining on a task that is not started (or is finished) is ignored.
struct ReferenceProgress {
    var state: [ReferenceTaskState]
    var actualStart: [Int]
    var actualFinish: [Int]
    var remaining: [Int]

    init(input: ScheduleInput, index: [String: Int], dataDatePoint: Int?) throws(ScheduleError) {
        let count = input.tasks.count
        state = Array(repeating: .notStarted, count: count)
        actualStart = Array(repeating: 0, count: count)
        actualFinish = Array(repeating: 0, count: count)
        remaining = Array(repeating: 0, count: count)
        guard !input.progress.isEmpty else { return }

        for id in input.progress.keys.sorted() where index[id] == nil {
            throw .progressForUnknownTask(id)
        }
        let calendar = input.calendar
        for (position, task) in input.tasks.enumerated() {
            guard let progress = input.progress[task.id], !progress.isEmpty else { continue }
            guard let dataDatePoint else { throw .progressWithoutDataDate(task: task.id) }
            if let start = progress.actualStart, let finish = progress.actualFinish, finish < start {
                throw .finishBeforeStart(task: task.id)
            }
            if task.isMilestone {
                guard let date = progress.actualStart ?? progress.actualFinish else { continue }
                state[position] = .finished
                actualStart[position] = calendar.startPoint(of: date)
                actualFinish[position] = actualStart[position]
                continue
            }
            if let finish = progress.actualFinish {
                guard let start = progress.actualStart else { throw .finishWithoutStart(task: task.id) }
                state[position] = .finished
                actualStart[position] = calendar.startPoint(of: start)
                actualFinish[position] = calendar.deadlinePoint(endOf: finish)
            } else if let start = progress.actualStart {
                let startPoint = calendar.startPoint(of: start)
                state[position] = .started
                actualStart[position] = startPoint
                if let recorded = progress.remaining {
                    guard recorded >= 0 else { throw .negativeRemaining(task: task.id, remaining: recorded) }
                    remaining[position] = recorded
                } else {
                    remaining[position] = Self.defaultRemaining(
                        duration: task.duration, actualStart: startPoint, dataDate: dataDatePoint)
                }
            }
        }
    }

    /// `max(1, duration - elapsed)` with `elapsed = max(0, dataDate - actualStart)` (clarification 6).
    static func defaultRemaining(duration: Int, actualStart: Int, dataDate: Int) -> Int {
        max(1, duration - max(0, dataDate - actualStart))
    }
}


/// The critical path method as fixed by `cpm-semantics.md` (Primavera P6 where that is silent).
///
/// A pure function of its input: no clock, no I/O. O((n + e) log n) for `n` tasks and `e` links.
enum ReferenceScheduler {
    /// Schedules `input`: forward pass, backward pass, float, critical path and go-live forecast.
    /// - Throws: ``ScheduleError`` for a cycle, an unknown or duplicate id, a bad duration,
    ///   estimate or progress, naming the tasks involved.
    static func schedule(_ input: ScheduleInput) throws(ScheduleError) -> ScheduleResult {
        let network = try ReferenceNetwork(input)
        let workspace = network.schedule()
        return makeResult(input: input, network: network, workspace: workspace)
    }

    static func makeResult(input: ScheduleInput, network: ReferenceNetwork, workspace: ReferenceWorkspace) -> ScheduleResult {
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
