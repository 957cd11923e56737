import Dispatch
import Domain

/// Folds decoded runs of events on a thread of its own, so that the next block is read and
/// decoded while the previous one is folded.
///
/// The fold is the one sequential step of a replay; run in line with reading it leaves the other
/// cores idle. Runs may be queued before the fold can begin (the replay's first pass is still
/// finding the corrections): they wait until ``start(_:through:)``. Runs are folded strictly in
/// the order given, at most ``depth`` of them waiting, so memory stays bounded. The first failure
/// stops all later folding and is reported by the next ``fold(_:)`` or by ``finish()``. The replay
/// is touched only by the queued work (after `start`) and after the queue drains, which is what
/// makes the unchecked `Sendable` conformance sound.
final class FoldPipeline: @unchecked Sendable {
    /// Runs that may wait or be folding while the caller reads on.
    static let depth = 8

    private var replay = Replay()
    /// Events after this sequence are not folded (they were appended after the first pass).
    private var last = Int.max
    private var failure: ReplayError?
    private var cancelled = false
    private(set) var isStarted = false
    private let queue = DispatchQueue(label: "transition.replay.fold")
    private let room = DispatchSemaphore(value: FoldPipeline.depth)
    /// Opened by ``start(_:through:)`` (or ``cancel()``); queued work waits here until then.
    private let gate = DispatchSemaphore(value: 0)
    private let stateLock = DispatchSemaphore(value: 1)

    init() {}

    /// Runs queued so far (before ``start(_:through:)``, all of them are still waiting).
    private(set) var queued = 0

    /// Begins folding with `replay`, up to event `last`; runs queued so far are folded first.
    func start(_ replay: Replay, through last: Int) {
        self.replay = replay
        self.last = last
        isStarted = true
        gate.signal()
    }

    /// Gives up on a pipeline that was never started: queued runs are dropped.
    func cancel() {
        guard !isStarted else { return }
        locked { cancelled = true }
        isStarted = true
        gate.signal()
        queue.sync {}
    }

    /// Queues `events` (decoded, in scope, continuing the sequence) to be folded.
    ///
    /// The caller must ``start(_:through:)`` the pipeline before queueing more than ``depth`` runs:
    /// until then nothing is folded, so the next run would wait for room forever.
    ///
    /// - Throws: the failure of an earlier run, if one failed already.
    func fold(_ events: [RecordedEvent]) throws(ReplayError) {
        if let failure = recordedFailure() { throw failure }
        room.wait()
        queued += 1
        queue.async { [self] in
            defer { room.signal() }
            gate.wait()
            gate.signal()
            guard locked({ !cancelled && failure == nil }) else { return }
            let inScope = (events.last?.sequence ?? 0) > last ? events.filter { $0.sequence <= last } : events
            do throws(ReplayError) {
                try replay.append(decoded: inScope)
            } catch {
                locked { if failure == nil { failure = error } }
            }
        }
    }

    /// Waits for every queued run, then returns the replay. Call only once started.
    ///
    /// - Throws: the first failure of any run.
    func finish() throws(ReplayError) -> Replay {
        queue.sync {}
        if let failure = recordedFailure() { throw failure }
        return replay
    }

    private func recordedFailure() -> ReplayError? {
        locked { failure }
    }

    private func locked<T>(_ body: () -> T) -> T {
        stateLock.wait()
        defer { stateLock.signal() }
        return body()
    }
}
