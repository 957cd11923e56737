import TransitionSupport

extension ScheduleNetwork {
    /// Validates `input` and compiles it. O((n + e) log n) in general; O(n + e) expected when the
    /// tasks are listed in an order their links respect (the common case).
    /// - Throws: the first problem found, in the order: duplicate ids; per task in file order a
    ///   negative duration, a milestone with a duration, an invalid estimate, an unknown predecessor;
    ///   an unknown go-live milestone; progress (see ``ProgressState``); a cycle.
    init(_ input: ScheduleInput) throws(ScheduleError) {
        let tasks = input.tasks
        let count = tasks.count
        precondition(count < 1 << 30, "a schedule network holds fewer than 2^30 tasks")
        let index = TaskIndex(tasks.map(\.id))
        if let duplicate = index.firstDuplicate { throw .duplicateTask(index.ids[duplicate]) }
        let links = try FileLinks(tasks: tasks, index: index)

        var goLive: Int?
        if let id = input.goLiveMilestone {
            guard let position = index.position(of: id) else { throw .unknownGoLiveMilestone(id) }
            goLive = position
        }
        let calendar = input.calendar
        let dataDatePoint = input.dataDate.map { calendar.startPoint(of: $0) }
        let progress = try ProgressState(input: input, index: index, dataDatePoint: dataDatePoint)

        let order = links.isTopological
            ? Array(0 ..< count)
            : try Self.forwardPassOrder(ids: index.ids, predecessorStart: links.start, predecessorTask: links.task)
        var rank = order
        if !links.isTopological {
            for (position, file) in order.enumerated() { rank[file] = position }
        }

        let state = FrozenBuffer<TaskState>(count: count) { state in
            for (position, file) in order.enumerated() { (state + position).initialize(to: progress.state[file]) }
        }
        let floorFromData = max(0, dataDatePoint ?? 0)
        var work: [Int] = []
        var floors: [Int] = []
        var caps: [Int] = []
        work.reserveCapacity(count)
        floors.reserveCapacity(count)
        caps.reserveCapacity(count)
        for file in order {
            caps.append(tasks[file].finishNoLaterThan.map { calendar.deadlinePoint(endOf: $0) } ?? Int.max)
            switch progress.state[file] {
            case .notStarted:
                work.append(tasks[file].duration)
                floors.append(tasks[file].startNoEarlierThan.map { max(floorFromData, calendar.startPoint(of: $0)) } ?? floorFromData)
            case .started:
                work.append(progress.remaining[file])
                floors.append(max(progress.actualStart[file], dataDatePoint ?? Int.min))
            case .finished:
                work.append(0)
                floors.append(progress.actualStart[file])
            }
        }

        let forward = CompiledLinks.forward(links, order: order, rank: rank)
        let backward = CompiledLinks.backward(from: forward, state: state)

        self.index = index
        self.order = order
        self.rank = rank
        self.state = state
        self.work = FrozenBuffer(work)
        startFloor = FrozenBuffer(floors)
        finishCap = FrozenBuffer(caps)
        isOpenEnd = FrozenBuffer(count: count) { isOpenEnd in
            for task in 0 ..< count { (isOpenEnd + task).initialize(to: backward.start[task] == backward.start[task + 1]) }
        }
        actualStart = FrozenBuffer(order.map { progress.actualStart[$0] })
        actualFinish = FrozenBuffer(order.map { progress.actualFinish[$0] })
        forwardStart = forward.start
        forwardSplit = forward.split
        forwardSource = forward.source
        forwardLag = forward.lag
        backwardStart = backward.start
        backwardSplit = backward.split
        backwardSource = backward.source
        backwardLag = backward.lag
        statutoryPoint = input.statutoryDate.map { calendar.startPoint(of: $0) }
        self.dataDatePoint = dataDatePoint
        self.goLive = goLive
    }
}

/// The links as written, resolved to file positions: links into task `i` are
/// `start[i] ..< start[i + 1]`, in file order.
struct FileLinks {
    var start: [Int]
    var task: [Int]
    var type: [RelationType]
    var lag: [Int]
    /// Whether every link points back to an earlier task, so file order is the forward-pass order.
    var isTopological: Bool

    /// Validates each task in file order and resolves its predecessors.
    /// - Throws: a negative duration, a milestone with a duration, an invalid estimate or an unknown
    ///   predecessor, whichever comes first.
    init(tasks: [ScheduleTask], index: TaskIndex) throws(ScheduleError) {
        start = [0]
        start.reserveCapacity(tasks.count + 1)
        task = []
        type = []
        lag = []
        let expected = tasks.count * 4
        task.reserveCapacity(expected)
        type.reserveCapacity(expected)
        lag.reserveCapacity(expected)
        isTopological = true
        for position in tasks.indices {
            let duration = tasks[position].duration
            guard duration >= 0 else { throw .negativeDuration(task: tasks[position].id, duration: duration) }
            guard !tasks[position].isMilestone || duration == 0 else {
                throw .milestoneWithDuration(task: tasks[position].id, duration: duration)
            }
            if let estimate = tasks[position].estimate, !estimate.isValid {
                throw .invalidEstimate(task: tasks[position].id, estimate: estimate)
            }
            let relations = tasks[position].predecessors
            for link in relations.indices {
                guard let predecessor = index.position(of: relations[link].predecessor) else {
                    throw .unknownTask(task: tasks[position].id, predecessor: relations[link].predecessor)
                }
                if predecessor >= position { isTopological = false }
                task.append(predecessor)
                type.append(relations[link].type)
                lag.append(relations[link].lag)
            }
            start.append(task.count)
        }
    }
}
