import Schedule
import TransitionSupport

/// Random schedule inputs for property tests, reproducible from a seed: every relation type, lags
/// and leads, milestones, constraints, holidays, odd working weeks, progress of every kind, file
/// orders that do and do not follow the links, non-ASCII and long ids, and (when asked) the errors
/// the scheduler must refuse.
struct RandomNetworks {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(random.next() % UInt64(range.count))
    }

    mutating func chance(_ percent: Int) -> Bool { int(0 ... 99) < percent }

    /// One input; `errors` lets a few inputs carry a defect the scheduler must refuse.
    mutating func input(maximumTasks: Int = 40, errors: Bool = false) -> ScheduleInput {
        let start = CivilDate(daysSinceEpoch: 19_000 + int(0 ... 900))
        var weekdays: Set<Int> = [1, 2, 3, 4, 5]
        if chance(15) { weekdays = Set((1 ... 7).filter { _ in chance(60) }) }
        if weekdays.isEmpty { weekdays = [3] }
        var holidays: Set<CivilDate> = []
        for _ in 0 ..< int(0 ... 12) { holidays.insert(start.adding(days: int(-30 ... 400))) }
        let calendar = WorkingCalendar(start: start, workingWeekdays: weekdays, holidays: holidays)

        let count = int(1 ... maximumTasks)
        let style = int(0 ... 3)
        func id(_ index: Int) -> String {
            switch style {
            case 0: return "T\(index)"
            case 1: return "workstream-\(index % 3)-task-number-\(index)"
            case 2: return index % 4 == 0 ? "Tâche-\(index)" : "T\(index)"
            default: return "\(index)"
            }
        }
        // Tasks are created in a topological order; the file order may then be shuffled.
        var tasks: [ScheduleTask] = []
        for index in 0 ..< count {
            let isMilestone = chance(15)
            var relations: [ScheduleRelation] = []
            if index > 0 {
                for _ in 0 ..< int(0 ... min(4, index)) {
                    let type = RelationType.allCases[int(0 ... 3)]
                    let lag = chance(60) ? 0 : int(-4 ... 6)
                    relations.append(ScheduleRelation(predecessor: id(int(max(0, index - 8) ... index - 1)), type: type, lag: lag))
                }
            }
            let duration = isMilestone ? 0 : int(0 ... 12)
            var estimate: ThreePointEstimate?
            if chance(70), !isMilestone {
                let optimistic = int(0 ... duration)
                estimate = ThreePointEstimate(
                    optimistic: optimistic, mostLikely: chance(20) ? optimistic : duration, pessimistic: duration + int(0 ... 8))
            }
            tasks.append(ScheduleTask(
                id: id(index), name: chance(50) ? nil : "Task \(index)", workstream: chance(50) ? "WS\(index % 3)" : nil,
                duration: duration, isMilestone: isMilestone, predecessors: relations,
                startNoEarlierThan: chance(10) ? start.adding(days: int(-5 ... 60)) : nil,
                finishNoLaterThan: chance(10) ? start.adding(days: int(0 ... 90)) : nil,
                estimate: estimate))
        }
        if chance(40) {
            for position in stride(from: tasks.count - 1, to: 0, by: -1) { tasks.swapAt(position, int(0 ... position)) }
        }

        var dataDate: CivilDate?
        var progress: [String: TaskProgress] = [:]
        if chance(60) {
            let data = start.adding(days: int(0 ... 60))
            dataDate = data
            for task in tasks where chance(30) {
                let actualStart = start.adding(days: int(-10 ... 50))
                switch int(0 ... 3) {
                case 0:
                    progress[task.id] = TaskProgress(actualStart: actualStart, actualFinish: actualStart.adding(days: int(0 ... 20)))
                case 1:
                    progress[task.id] = TaskProgress(actualStart: actualStart, remaining: chance(50) ? int(0 ... 9) : nil)
                case 2:
                    // A milestone needs only one actual date.
                    let startOnly = !task.isMilestone || chance(50)
                    progress[task.id] = TaskProgress(actualStart: startOnly ? actualStart : nil, actualFinish: actualStart)
                default:
                    progress[task.id] = TaskProgress(remaining: int(0 ... 5))
                }
            }
        }
        let milestones = tasks.filter(\.isMilestone).map(\.id)
        var input = ScheduleInput(
            tasks: tasks, calendar: calendar,
            statutoryDate: chance(70) ? start.adding(days: int(10 ... 200)) : nil,
            goLiveMilestone: milestones.isEmpty || chance(20) ? nil : milestones[int(0 ... milestones.count - 1)],
            dataDate: dataDate, progress: progress,
            criticalThreshold: chance(70) ? 0 : int(-2 ... 4), nearCriticalDays: int(0 ... 12))
        if errors, chance(30) { breakInput(&input) }
        return input
    }

    /// Introduces one defect: a cycle, an unknown predecessor, a duplicate id, a bad duration or
    /// estimate, bad progress, or an unknown go-live milestone.
    private mutating func breakInput(_ input: inout ScheduleInput) {
        let position = int(0 ... input.tasks.count - 1)
        switch int(0 ... 7) {
        case 0:
            let other = input.tasks[int(0 ... input.tasks.count - 1)].id
            input.tasks[position].predecessors.append(ScheduleRelation(predecessor: other, type: .finishToFinish))
            let back = input.tasks[position].id
            input.tasks[int(0 ... input.tasks.count - 1)].predecessors.append(ScheduleRelation(predecessor: back))
        case 1: input.tasks[position].predecessors.append(ScheduleRelation(predecessor: "missing-\(position)"))
        case 2: input.tasks.append(ScheduleTask(id: input.tasks[position].id, duration: 1))
        case 3: input.tasks[position].duration = -1
        case 4: input.tasks[position].estimate = ThreePointEstimate(optimistic: 3, mostLikely: 2, pessimistic: 4)
        case 5: input.progress["nobody"] = TaskProgress(actualStart: input.calendar.start)
        case 6:
            input.dataDate = nil
            input.progress[input.tasks[position].id] = TaskProgress(actualStart: input.calendar.start)
        default: input.goLiveMilestone = "no-such-milestone"
        }
    }
}
