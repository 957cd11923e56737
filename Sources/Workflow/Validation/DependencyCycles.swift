/// Finds dependency cycles in a task network, one per tangle, without recursion.
///
/// A cycle makes the critical path undefined, so the loader and the spreadsheet importer refuse
/// it and name it (`A -> B -> C -> A`). Tarjan's algorithm (iterative, so a long chain cannot
/// exhaust the stack) finds each strongly connected component; within each, the shortest cycle
/// through its earliest task is reported. O(tasks + relations).
enum DependencyCycles {
    /// The cycles among `tasks` (each an id and its predecessors' ids; unknown ids and
    /// self-relations are ignored). Each cycle is a list of task positions in precedence order
    /// (each a predecessor of the next; the last precedes the first), starting with the earliest
    /// task in file order. Cycles are sorted by that first task.
    static func find(in tasks: [(id: String, predecessors: [String])]) -> [[Int]] {
        var position: [String: Int] = [:]
        for (index, task) in tasks.enumerated() where position[task.id] == nil {
            position[task.id] = index
        }
        var successors = [[Int]](repeating: [], count: tasks.count)
        for (index, task) in tasks.enumerated() {
            for predecessor in task.predecessors {
                if let from = position[predecessor], from != index { successors[from].append(index) }
            }
        }
        return stronglyConnectedComponents(successors).compactMap { component in
            shortestCycle(through: component.min() ?? 0, within: Set(component), successors: successors)
        }.sorted { $0[0] < $1[0] }
    }

    /// Components with more than one node (Tarjan, iterative).
    private static func stronglyConnectedComponents(_ successors: [[Int]]) -> [[Int]] {
        let count = successors.count
        var order = [Int](repeating: -1, count: count)
        var low = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var stack: [Int] = []
        var counter = 0
        var components: [[Int]] = []
        for root in 0..<count where order[root] == -1 {
            var work: [(node: Int, edge: Int)] = [(root, 0)]
            order[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while let (node, edge) = work.last {
                if edge < successors[node].count {
                    work[work.count - 1].edge += 1
                    let next = successors[node][edge]
                    if order[next] == -1 {
                        order[next] = counter
                        low[next] = counter
                        counter += 1
                        stack.append(next)
                        onStack[next] = true
                        work.append((next, 0))
                    } else if onStack[next] {
                        low[node] = min(low[node], order[next])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == order[node] {
                    var component: [Int] = []
                    while let top = stack.popLast() {
                        onStack[top] = false
                        component.append(top)
                        if top == node { break }
                    }
                    if component.count > 1 { components.append(component) }
                }
            }
        }
        return components
    }

    /// The shortest cycle from `start` back to itself inside `members` (breadth-first).
    private static func shortestCycle(through start: Int, within members: Set<Int>, successors: [[Int]]) -> [Int]? {
        var previous: [Int: Int] = [:]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for next in successors[node] where members.contains(next) {
                if next == start {
                    var cycle = [node]
                    var cursor = node
                    while cursor != start, let before = previous[cursor] {
                        cycle.append(before)
                        cursor = before
                    }
                    return cycle.reversed()
                }
                if previous[next] == nil && next != start {
                    previous[next] = node
                    queue.append(next)
                }
            }
        }
        return nil
    }
}
