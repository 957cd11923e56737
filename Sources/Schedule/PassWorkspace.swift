/// The per-rank arrays one forward and backward pass write, reused across Monte Carlo iterations.
///
/// A class owning raw memory, so the passes index it without bounds or uniqueness checks. Each
/// instance belongs to one pass (or one Monte Carlo worker) at a time and is not shared.
final class PassWorkspace {
    let count: Int
    /// `[ES, EF]` per rank: `early[2r]` and `early[2r + 1]`.
    let early: UnsafeMutablePointer<Int>
    /// `[LS, LF]` per rank. For a finished task, its actual dates.
    let late: UnsafeMutablePointer<Int>
    /// Where a started task's remaining work resumes, per rank (unwritten for other tasks).
    let resume: UnsafeMutablePointer<Int>
    /// The work each pass uses per rank: the network's planned work, or Monte Carlo's draws.
    let work: UnsafeMutablePointer<Int>
    /// The largest early finish of the last forward pass (0 for an empty network).
    var latestFinish = 0

    /// Allocates the arrays for `network`, with its planned work. O(n).
    ///
    /// `early`, `late` and `resume` are left unwritten: every pass writes each slot before any
    /// later step reads it (the forward pass in rank order, the backward pass in reverse), and
    /// `Int` needs no initialisation.
    init(network: ScheduleNetwork) {
        count = network.count
        let capacity = max(1, count)
        early = .allocate(capacity: 2 * capacity)
        late = .allocate(capacity: 2 * capacity)
        resume = .allocate(capacity: capacity)
        work = .allocate(capacity: capacity)
        work.initialize(from: network.work.base, count: count)
    }

    deinit {
        early.deallocate()
        late.deallocate()
        resume.deallocate()
        work.deallocate()
    }

    func earlyStart(_ rank: Int) -> Int { early[2 * rank] }
    func earlyFinish(_ rank: Int) -> Int { early[2 * rank + 1] }
    func lateFinish(_ rank: Int) -> Int { late[2 * rank + 1] }
}
