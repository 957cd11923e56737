import TransitionSupport

extension ScheduleQuality {
    /// Actual dates after the data date: progress cannot have happened yet.
    static func invalidDates(_ input: ScheduleInput) -> QualityCheck {
        var offenders: [String] = []
        if let dataDate = input.dataDate {
            for task in input.tasks {
                guard let progress = input.progress[task.id] else { continue }
                let dates = [progress.actualStart, progress.actualFinish].compactMap { $0 }
                if dates.contains(where: { $0 > dataDate }) { offenders.append(task.id) }
            }
        }
        return QualityCheck(
            id: "invalid-dates", title: "Invalid dates (actual dates after the data date)",
            count: offenders.count, total: input.tasks.count, threshold: "= 0", passed: offenders.isEmpty,
            tasks: offenders)
    }

    /// Delays the first unfinished critical non-milestone (else the first unfinished non-milestone
    /// with the least total float, in forward-pass order) by ``testDelay`` days and checks that the
    /// go-live forecast moves by exactly that much.
    static func criticalPathTest(_ input: ScheduleInput, result: ScheduleResult) -> QualityCheck {
        let id = "critical-path-test"
        let title = "Critical path test (delay by \(testDelay) days moves go-live by \(testDelay))"
        let threshold = "go-live moves \(testDelay) days"
        guard let goLive = input.goLiveMilestone, let before = result.task(goLive)?.earlyStart else {
            return QualityCheck(
                id: id, title: title + ": not run, no go-live milestone", count: 0, total: 0,
                threshold: threshold, passed: false, tasks: [])
        }
        guard let candidate = testCandidate(input, result: result) else {
            return QualityCheck(
                id: id, title: title + ": not applicable, no unfinished work to delay", count: 0, total: 0,
                threshold: threshold, passed: true, tasks: [])
        }
        var moved: Int?
        if let delayed = try? input.delaying([candidate: testDelay]),
            let after = try? CriticalPathScheduler.schedule(delayed).task(goLive)?.earlyStart
        {
            moved = after - before
        }
        let passed = moved == testDelay
        return QualityCheck(
            id: id, title: title, count: passed ? 0 : 1, total: 1, threshold: threshold, passed: passed,
            tasks: [candidate])
    }

    private static func testCandidate(_ input: ScheduleInput, result: ScheduleResult) -> String? {
        let isCandidate = { (id: String) -> Bool in
            guard let task = result.task(id) else { return false }
            return !task.isMilestone && !task.isFinished
        }
        if let critical = result.criticalPath.first(where: isCandidate) { return critical }
        guard let network = try? ScheduleNetwork(input) else { return nil }
        var best: (id: String, float: Int)?
        for position in network.order {
            let id = network.ids[position]
            guard isCandidate(id), let float = result.task(id)?.totalFloat else { continue }
            if best.map({ float < $0.float }) ?? true { best = (id, float) }
        }
        return best?.id
    }

    /// Tasks finished over tasks the baseline said would be finished by the data date.
    static func baselineExecutionIndex(_ input: ScheduleInput, result: ScheduleResult, baseline: ScheduleResult?) -> QualityCheck {
        let id = "baseline-execution-index"
        let title = "Baseline execution index (tasks finished / tasks baselined to finish by the data date)"
        let threshold = ">= 0.95"
        guard let baseline else {
            return QualityCheck(
                id: id, title: title + ": no baseline", count: 0, total: 0, threshold: threshold, passed: true, tasks: [])
        }
        guard let dataDate = input.dataDate else {
            return QualityCheck(
                id: id, title: title + ": no data date", count: 0, total: 0, threshold: threshold, passed: true, tasks: [])
        }
        let calendar = input.calendar
        let dataPoint = calendar.startPoint(of: dataDate)
        let due = baseline.tasks.filter { task in
            let finish = task.isMilestone || task.earlyFinish == task.earlyStart
                ? calendar.startPoint(of: task.startDate)
                : calendar.deadlinePoint(endOf: task.finishDate)
            return finish <= dataPoint
        }
        let finished = result.tasks.filter(\.isFinished).count
        let missed = due.filter { !(result.task($0.id)?.isFinished ?? false) }.map(\.id)
        return QualityCheck(
            id: id, title: title, count: finished, total: due.count, threshold: threshold,
            passed: due.isEmpty || finished * 100 >= 95 * due.count, tasks: missed)
    }
}
