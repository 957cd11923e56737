import TransitionSupport

/// Where a task stands as of the data date.
enum TaskState: UInt8, Sendable {
    case notStarted
    case started
    case finished
}

/// A validated, index-based form of a ``ScheduleInput`` that the passes run on.
///
/// Built once per input; the forward and backward passes then loop over flat integer arrays (the
/// predecessor links in compressed-row form, tasks in forward-pass order), so a 10,000-task
/// network schedules in milliseconds and Monte Carlo iterations allocate nothing.
struct ScheduleNetwork: Sendable {
    let ids: [String]
    let duration: [Int]
    let isMilestone: [Bool]
    /// Links into task `i` are `predecessorStart[i] ..< predecessorStart[i + 1]`.
    let predecessorStart: [Int]
    let predecessorTask: [Int]
    let predecessorType: [RelationType]
    let predecessorLag: [Int]
    /// Tasks in forward-pass order (clarification 1).
    let order: [Int]
    let state: [TaskState]
    /// Actual start point (started and finished tasks).
    let actualStart: [Int]
    /// Actual finish point (finished tasks).
    let actualFinish: [Int]
    /// Remaining working days of a started task (recorded, else the default); 0 otherwise.
    let remaining: [Int]
    /// Lower bound on the start of an unstarted task (0, data date, start-no-earlier-than), or on
    /// the resumption of a started one (its actual start and the data date).
    let startFloor: [Int]
    /// Late-finish cap from a finish-no-later-than date, or `Int.max`.
    let finishCap: [Int]
    let statutoryPoint: Int?
    let dataDatePoint: Int?
    let goLive: Int?

    var count: Int { ids.count }

    /// Validates `input` and compiles it.
    /// - Throws: the first problem found, in workflow-file order (see ``ScheduleError``).
    init(_ input: ScheduleInput) throws(ScheduleError) {
        let tasks = input.tasks
        var index: [String: Int] = [:]
        index.reserveCapacity(tasks.count)
        for (position, task) in tasks.enumerated() {
            guard index[task.id] == nil else { throw .duplicateTask(task.id) }
            index[task.id] = position
        }

        var start = [0]
        var linkTask: [Int] = []
        var linkType: [RelationType] = []
        var linkLag: [Int] = []
        start.reserveCapacity(tasks.count + 1)
        for task in tasks {
            guard task.duration >= 0 else { throw .negativeDuration(task: task.id, duration: task.duration) }
            guard !task.isMilestone || task.duration == 0 else {
                throw .milestoneWithDuration(task: task.id, duration: task.duration)
            }
            if let estimate = task.estimate, !estimate.isValid {
                throw .invalidEstimate(task: task.id, estimate: estimate)
            }
            for relation in task.predecessors {
                guard let predecessor = index[relation.predecessor] else {
                    throw .unknownTask(task: task.id, predecessor: relation.predecessor)
                }
                linkTask.append(predecessor)
                linkType.append(relation.type)
                linkLag.append(relation.lag)
            }
            start.append(linkTask.count)
        }

        var goLive: Int?
        if let id = input.goLiveMilestone {
            guard let position = index[id] else { throw .unknownGoLiveMilestone(id) }
            goLive = position
        }

        let calendar = input.calendar
        let dataDatePoint = input.dataDate.map { calendar.startPoint(of: $0) }
        let progress = try ProgressState(input: input, index: index, dataDatePoint: dataDatePoint)

        ids = tasks.map(\.id)
        duration = tasks.map(\.duration)
        isMilestone = tasks.map(\.isMilestone)
        predecessorStart = start
        predecessorTask = linkTask
        predecessorType = linkType
        predecessorLag = linkLag
        state = progress.state
        actualStart = progress.actualStart
        actualFinish = progress.actualFinish
        remaining = progress.remaining
        finishCap = tasks.map { task in task.finishNoLaterThan.map { calendar.deadlinePoint(endOf: $0) } ?? Int.max }
        var floors: [Int] = []
        floors.reserveCapacity(tasks.count)
        for (position, task) in tasks.enumerated() {
            switch progress.state[position] {
            case .notStarted:
                let constraint = task.startNoEarlierThan.map { calendar.startPoint(of: $0) } ?? 0
                floors.append(max(0, dataDatePoint ?? 0, constraint))
            case .started:
                floors.append(max(progress.actualStart[position], dataDatePoint ?? Int.min))
            case .finished:
                floors.append(progress.actualStart[position])
            }
        }
        startFloor = floors
        statutoryPoint = input.statutoryDate.map { calendar.startPoint(of: $0) }
        self.dataDatePoint = dataDatePoint
        self.goLive = goLive
        order = try Self.forwardPassOrder(
            ids: ids, predecessorStart: start, predecessorTask: linkTask)
    }

    /// Runs the forward and backward passes with the planned durations.
    func schedule() -> PassWorkspace {
        var workspace = PassWorkspace(count: count)
        forwardPass(durations: duration, remaining: remaining, workspace: &workspace)
        backwardPass(durations: duration, remaining: remaining, workspace: &workspace)
        return workspace
    }
}
