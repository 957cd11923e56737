/// The per-task arrays one forward and backward pass write, reusable across Monte Carlo iterations.
struct PassWorkspace: Sendable {
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
