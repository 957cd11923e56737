import Schedule
import TransitionSupport

// The scheduler as it was before the flat-array rewrite (commit 595c6e8), kept verbatim apart from
// the names, as the reference the optimised scheduler must equal on every field of every task.
// Straightforward: a dictionary index, passes over the file-order arrays in a heap-computed order.


/// Where a task stands as of the data date.
enum ReferenceTaskState: UInt8, Sendable {
    case notStarted
    case started
    case finished
}

/// A validated, index-based form of a ``ScheduleInput`` that the passes run on.
///
/// Built once per input; the forward and backward passes then loop over flat integer arrays (the
/// predecessor links in compressed-row form, tasks in forward-pass order), so a 10,000-task
/// network schedules in milliseconds and Monte Carlo iterations allocate nothing.
struct ReferenceNetwork: Sendable {
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
    let state: [ReferenceTaskState]
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
        let progress = try ReferenceProgress(input: input, index: index, dataDatePoint: dataDatePoint)

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
    func schedule() -> ReferenceWorkspace {
        var workspace = ReferenceWorkspace(count: count)
        forwardPass(durations: duration, remaining: remaining, workspace: &workspace)
        backwardPass(durations: duration, remaining: remaining, workspace: &workspace)
        return workspace
    }
}

extension ReferenceNetwork {
    /// The forward-pass order: repeatedly take, among the tasks whose predecessors are all placed,
    /// the one that comes first in the workflow file (clarification 1). O((n + e) log n).
    /// - Throws: ``ScheduleError/cycle(_:)`` naming one cycle when not every task can be placed.
    static func forwardPassOrder(
        ids: [String], predecessorStart: [Int], predecessorTask: [Int]
    ) throws(ScheduleError) -> [Int] {
        let count = ids.count
        var pending = Array(repeating: 0, count: count)
        var successorStart = Array(repeating: 0, count: count + 1)
        for task in 0..<count {
            pending[task] = predecessorStart[task + 1] - predecessorStart[task]
            for link in predecessorStart[task]..<predecessorStart[task + 1] {
                successorStart[predecessorTask[link] + 1] += 1
            }
        }
        for task in 0..<count { successorStart[task + 1] += successorStart[task] }
        var fill = successorStart
        var successors = Array(repeating: 0, count: predecessorTask.count)
        for task in 0..<count {
            for link in predecessorStart[task]..<predecessorStart[task + 1] {
                let predecessor = predecessorTask[link]
                successors[fill[predecessor]] = task
                fill[predecessor] += 1
            }
        }

        var ready = ReferenceHeap(capacity: count)
        for task in 0..<count where pending[task] == 0 { ready.push(task) }
        var order: [Int] = []
        order.reserveCapacity(count)
        while let task = ready.pop() {
            order.append(task)
            for slot in successorStart[task]..<successorStart[task + 1] {
                let successor = successors[slot]
                pending[successor] -= 1
                if pending[successor] == 0 { ready.push(successor) }
            }
        }
        guard order.count == count else {
            throw .cycle(findCycle(ids: ids, pending: pending, predecessorStart: predecessorStart, predecessorTask: predecessorTask))
        }
        return order
    }

    /// Walks back from the first unplaced task through unplaced predecessors until a task repeats.
    /// Every unplaced task has an unplaced predecessor, so the walk always closes a cycle. The
    /// cycle is returned in dependency order, starting and ending at its earliest task in the file.
    private static func findCycle(
        ids: [String], pending: [Int], predecessorStart: [Int], predecessorTask: [Int]
    ) -> [String] {
        guard let first = pending.firstIndex(where: { $0 > 0 }) else { return [] }
        var positionInWalk = Array(repeating: -1, count: ids.count)
        var walk: [Int] = []
        var current = first
        while positionInWalk[current] < 0 {
            positionInWalk[current] = walk.count
            walk.append(current)
            var next = current
            for link in predecessorStart[current]..<predecessorStart[current + 1]
            where pending[predecessorTask[link]] > 0 {
                next = predecessorTask[link]
                break
            }
            current = next
        }
        var cycle = Array(walk[positionInWalk[current]...].reversed())
        if let earliest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
            cycle = Array(cycle[earliest...] + cycle[..<earliest])
        }
        return (cycle + cycle.prefix(1)).map { ids[$0] }
    }
}

/// A binary min-heap of task indices (file positions), for the forward-pass order tie-break.
struct ReferenceHeap {
    private var items: [Int] = []

    init(capacity: Int) { items.reserveCapacity(capacity) }

    mutating func push(_ value: Int) {
        items.append(value)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[parent] > items[child] else { break }
            items.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return top }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            guard smallest != parent else { return top }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

extension ReferenceNetwork {
    /// Computes early dates in forward-pass order.
    ///
    /// - A task not started: `ES` = the largest of its start floor (0, the data date, a
    ///   start-no-earlier-than date) and every relation's bound (FS `EF(a)+L`, SS `ES(a)+L`,
    ///   FF `EF(a)+L-d`, SF `ES(a)+L-d`); `EF = ES + d`.
    /// - A started task keeps `ES` = its actual start; its remaining work resumes at the latest of
    ///   the data date, the actual start and every FS / SS bound, and
    ///   `EF = max(resume + remaining, every FF / SF bound)` (clarification 5).
    /// - A finished task keeps its actual dates.
    ///
    /// Allocation-free: writes into `workspace`.
    /// - Parameters:
    ///   - durations: duration per task (planned or sampled).
    ///   - remaining: remaining work per started task (planned or sampled).
    func forwardPass(durations: [Int], remaining: [Int], workspace: inout ReferenceWorkspace) {
        for task in order {
            let first = predecessorStart[task]
            let end = predecessorStart[task + 1]
            switch state[task] {
            case .finished:
                workspace.earlyStart[task] = actualStart[task]
                workspace.earlyFinish[task] = actualFinish[task]
                workspace.resume[task] = actualStart[task]
            case .started:
                var resume = startFloor[task]
                var finish = Int.min
                for link in first..<end {
                    let predecessor = predecessorTask[link]
                    let lag = predecessorLag[link]
                    switch predecessorType[link] {
                    case .finishToStart: resume = max(resume, workspace.earlyFinish[predecessor] + lag)
                    case .startToStart: resume = max(resume, workspace.earlyStart[predecessor] + lag)
                    case .finishToFinish: finish = max(finish, workspace.earlyFinish[predecessor] + lag)
                    case .startToFinish: finish = max(finish, workspace.earlyStart[predecessor] + lag)
                    }
                }
                workspace.earlyStart[task] = actualStart[task]
                workspace.resume[task] = resume
                workspace.earlyFinish[task] = max(resume + remaining[task], finish)
            case .notStarted:
                let duration = durations[task]
                var start = startFloor[task]
                for link in first..<end {
                    let predecessor = predecessorTask[link]
                    let lag = predecessorLag[link]
                    let bound: Int
                    switch predecessorType[link] {
                    case .finishToStart: bound = workspace.earlyFinish[predecessor] + lag
                    case .startToStart: bound = workspace.earlyStart[predecessor] + lag
                    case .finishToFinish: bound = workspace.earlyFinish[predecessor] + lag - duration
                    case .startToFinish: bound = workspace.earlyStart[predecessor] + lag - duration
                    }
                    start = max(start, bound)
                }
                workspace.earlyStart[task] = start
                workspace.resume[task] = start
                workspace.earlyFinish[task] = start + duration
            }
        }
    }
}

extension ReferenceNetwork {
    /// Computes late finishes in reverse forward-pass order.
    ///
    /// - An open end (a task left with no capping link) gets the statutory date's point when there
    ///   is one, otherwise the largest `EF` in the programme (clarification 2).
    /// - A finish-no-later-than date caps `LF` at the end of that date's working day.
    /// - Each link caps its predecessor: FS `LF(a) <= LS(b) - L`, SS `LF(a) <= LS(b) - L + d(a)`,
    ///   FF `LF(a) <= LF(b) - L`, SF `LF(a) <= LF(b) - L + d(a)`, where `LS(b) = LF(b) - d(b)`, or
    ///   `LF(b) - remaining(b)` for a started successor.
    /// - With progress (clarification 8): a link into a finished successor caps nothing; SS and SF
    ///   links cap nothing on a predecessor that has started; a finished task's late dates are its
    ///   actual dates.
    ///
    /// Allocation-free: writes `lateFinish` and `isCapped` into `workspace`.
    func backwardPass(durations: [Int], remaining: [Int], workspace: inout ReferenceWorkspace) {
        let openEnd: Int
        if let statutoryPoint {
            openEnd = statutoryPoint
        } else {
            openEnd = workspace.earlyFinish.max() ?? 0
        }
        for task in 0..<count {
            workspace.lateFinish[task] = Int.max
            workspace.isCapped[task] = false
        }
        for task in order.reversed() {
            if state[task] == .finished {
                workspace.lateFinish[task] = actualFinish[task]
                continue
            }
            var lateFinish = workspace.isCapped[task] ? workspace.lateFinish[task] : openEnd
            lateFinish = min(lateFinish, finishCap[task])
            workspace.lateFinish[task] = lateFinish
            let lateStart = lateFinish - (state[task] == .started ? remaining[task] : durations[task])
            for link in predecessorStart[task]..<predecessorStart[task + 1] {
                let predecessor = predecessorTask[link]
                let predecessorState = state[predecessor]
                if predecessorState == .finished { continue }
                let lag = predecessorLag[link]
                let cap: Int
                switch predecessorType[link] {
                case .finishToStart:
                    cap = lateStart - lag
                case .startToStart:
                    if predecessorState == .started { continue }
                    cap = lateStart - lag + durations[predecessor]
                case .finishToFinish:
                    cap = lateFinish - lag
                case .startToFinish:
                    if predecessorState == .started { continue }
                    cap = lateFinish - lag + durations[predecessor]
                }
                if cap < workspace.lateFinish[predecessor] { workspace.lateFinish[predecessor] = cap }
                workspace.isCapped[predecessor] = true
            }
        }
    }
}

extension ReferenceNetwork {
    /// Free float per task: the smallest slack to any successor's early dates through the links that
    /// also cap in the backward pass (FS `ES(b) - EF(a) - L`, SS `ES(b) - ES(a) - L`,
    /// FF `EF(b) - EF(a) - L`, SF `EF(b) - ES(a) - L`); `LF - EF` for an open end, which may be
    /// negative (clarification 11). For a started successor its early start is where its remaining
    /// work resumes. Finished tasks get `nil`.
    func freeFloat(_ workspace: ReferenceWorkspace) -> [Int?] {
        var slack = Array(repeating: Int.max, count: count)
        var hasLink = Array(repeating: false, count: count)
        for task in 0..<count where state[task] != .finished {
            let start = workspace.resume[task]
            let finish = workspace.earlyFinish[task]
            for link in predecessorStart[task]..<predecessorStart[task + 1] {
                let predecessor = predecessorTask[link]
                let predecessorState = state[predecessor]
                if predecessorState == .finished { continue }
                let lag = predecessorLag[link]
                let value: Int
                switch predecessorType[link] {
                case .finishToStart:
                    value = start - workspace.earlyFinish[predecessor] - lag
                case .startToStart:
                    if predecessorState == .started { continue }
                    value = start - workspace.earlyStart[predecessor] - lag
                case .finishToFinish:
                    value = finish - workspace.earlyFinish[predecessor] - lag
                case .startToFinish:
                    if predecessorState == .started { continue }
                    value = finish - workspace.earlyStart[predecessor] - lag
                }
                slack[predecessor] = min(slack[predecessor], value)
                hasLink[predecessor] = true
            }
        }
        return (0..<count).map { task in
            guard state[task] != .finished else { return nil }
            return hasLink[task] ? slack[task] : workspace.lateFinish[task] - workspace.earlyFinish[task]
        }
    }
}

/// The per-task arrays one forward and backward pass write, reusable across Monte Carlo iterations.
struct ReferenceWorkspace: Sendable {
    var earlyStart: [Int]
    var earlyFinish: [Int]
    /// Where a started task's remaining work resumes (its early start otherwise).
    var resume: [Int]
    var lateFinish: [Int]
    /// Whether some successor link capped the late finish (a task with none is an open end).
    var isCapped: [Bool]

    init(count: Int) {
        earlyStart = Array(repeating: 0, count: count)
        earlyFinish = Array(repeating: 0, count: count)
        resume = Array(repeating: 0, count: count)
        lateFinish = Array(repeating: 0, count: count)
        isCapped = Array(repeating: false, count: count)
    }
}

