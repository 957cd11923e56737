import TransitionSupport

/// Where a task stands as of the data date.
enum TaskState: UInt8, Sendable, BitwiseCopyable {
    case notStarted
    case started
    case finished
}

/// A validated ``ScheduleInput`` compiled into flat integer arrays that the passes run on.
///
/// Built once per input (see `ScheduleNetwork+Compile.swift`). Tasks are renumbered by their
/// forward-pass order (clarification 1), so that the forward pass reads the arrays front to back
/// and the backward pass back to front. Per-task arrays are indexed by that **rank**; ``order`` and
/// ``rank`` translate to and from file positions. Early and late dates live in interleaved arrays
/// (`[ES, EF]` and `[LS, LF]` per rank), so each link is compiled to the one slot it reads:
///
/// - forward links are grouped per successor: links bounding its start (FS reads `EF(a)`, SS reads
///   `ES(a)`), then links bounding its finish (FF, SF);
/// - backward links are grouped per predecessor and hold only the links that cap something
///   (clarification 8): links capping `LF(a)` (FS reads `LS(b)`, FF reads `LF(b)`), then links capping
///   `LS(a)` (SS, SF).
///
/// So the passes over a 10,000-task network take well under a millisecond and Monte Carlo iterations
/// allocate nothing.
struct ScheduleNetwork: Sendable {
    /// Task ids in file order, indexed.
    let index: TaskIndex
    /// File position of each rank (the forward-pass order).
    let order: [Int]
    /// Rank of each file position.
    let rank: [Int]

    // Per rank.
    let state: FrozenBuffer<TaskState>
    /// Planned work: the duration of a task not started, the remaining work of a started one, 0 for
    /// a finished one. Monte Carlo replaces it with draws.
    let work: FrozenBuffer<Int>
    /// Lower bound on the start of an unstarted task (0, data date, start-no-earlier-than), or on
    /// the resumption of a started one (its actual start and the data date).
    let startFloor: FrozenBuffer<Int>
    /// Late-finish cap from a finish-no-later-than date, or `Int.max`.
    let finishCap: FrozenBuffer<Int>
    /// Whether no link caps the task's late finish, so the open-end date does (clarification 8).
    let isOpenEnd: FrozenBuffer<Bool>
    /// Actual start point (started and finished tasks).
    let actualStart: FrozenBuffer<Int>
    /// Actual finish point (finished tasks).
    let actualFinish: FrozenBuffer<Int>

    /// Links into rank `r` are `forwardStart[r] ..< forwardStart[r + 1]`; those before
    /// `forwardSplit[r]` bound the start, the rest the finish.
    let forwardStart: FrozenBuffer<Int>
    let forwardSplit: FrozenBuffer<Int>
    /// Slot of the early array each link reads: `2 * rank(a)` for `ES(a)`, `+ 1` for `EF(a)`.
    let forwardSource: FrozenBuffer<Int32>
    let forwardLag: FrozenBuffer<Int>

    /// Capping links out of rank `r` are `backwardStart[r] ..< backwardStart[r + 1]`; those before
    /// `backwardSplit[r]` cap `LF(r)` (FS, FF), the rest `LS(r)` (SS, SF).
    let backwardStart: FrozenBuffer<Int>
    let backwardSplit: FrozenBuffer<Int>
    /// Slot of the late array each link reads: `2 * rank(b)` for `LS(b)`, `+ 1` for `LF(b)`.
    let backwardSource: FrozenBuffer<Int32>
    let backwardLag: FrozenBuffer<Int>

    let statutoryPoint: Int?
    let dataDatePoint: Int?
    /// File position of the go-live milestone.
    let goLive: Int?

    var count: Int { order.count }
    var ids: [String] { index.ids }
    var linkCount: Int { forwardSource.count }

    /// Runs the forward and backward passes with the planned work.
    func schedule() -> PassWorkspace {
        let workspace = PassWorkspace(network: self)
        forwardPass(workspace)
        backwardPass(workspace)
        return workspace
    }
}
