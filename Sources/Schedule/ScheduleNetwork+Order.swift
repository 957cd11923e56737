extension ScheduleNetwork {
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

        var ready = MinHeap(capacity: count)
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
struct MinHeap {
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
