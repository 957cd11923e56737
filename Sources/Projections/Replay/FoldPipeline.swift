import Dispatch
import Domain
import EventLog
import TransitionSupport

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
    /// Runs that may wait or be folding while the caller reads on: a block of the log is decoded
    /// into about nine runs (one per part of the work), so this is three or four blocks.
    static let depth = 32

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

    /// Whether every event's type is compared with the type the replay's correction log noted for
    /// its sequence number (a first pass that read type marks is checked so).
    private var checksTypes = false
    /// Whether a folded event's type differed from the correction log's; folding then stops.
    /// Read after ``finish()``.
    private(set) var typesDisagree = false
    /// The last event folded, when types are checked. Read after ``finish()``.
    private(set) var lastFolded: FoldedEvent?

    /// What the replay checks of the last event folded.
    struct FoldedEvent {
        var sequence: Int
        var hash: SHA256Digest
        var recordedAt: Timestamp
        /// Whether it is not a member of a batch, or its last.
        var endsBatch: Bool
    }

    /// Begins folding with `replay`, up to event `last`; runs queued so far are folded first.
    func start(_ replay: Replay, through last: Int, checkingTypes: Bool = false) {
        self.replay = replay
        self.last = last
        self.checksTypes = checkingTypes
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
    func fold(_ events: consuming [RecordedEvent?]) throws(ReplayError) {
        if let failure = recordedFailure() { throw failure }
        room.wait()
        queued += 1
        let handed = HandedRun(consume events)
        queue.async { [self] in
            defer { room.signal() }
            gate.wait()
            gate.signal()
            guard locked({ !cancelled && failure == nil }), !typesDisagree else { return }
            var run = handed.take()
            if let newest = run.last??.sequence, newest > last {
                for index in run.indices where (run[index]?.sequence ?? 0) > last { run[index] = nil }
            }
            if checksTypes {
                guard typesAgree(in: run) else {
                    typesDisagree = true
                    return
                }
            }
            do throws(ReplayError) {
                try replay.append(taking: &run)
            } catch {
                locked { if failure == nil { failure = error } }
            }
        }
    }

    /// Whether each event of `run` has the type the correction log noted for it; notes the last.
    /// Runs on the fold queue.
    private func typesAgree(in run: [RecordedEvent?]) -> Bool {
        let types = replay.state.corrections.typesBySequence
        // Read in place through the buffer (binding an element would copy the event).
        return run.withUnsafeBufferPointer { events in
            var lastIndex: Int?
            for index in events.indices {
                guard let sequence = events[index]?.sequence else { continue }
                guard types[sequence] == events[index]?.type else { return false }
                lastIndex = index
            }
            if let lastIndex, let sequence = events[lastIndex]?.sequence, let hash = events[lastIndex]?.record.hash,
                let recordedAt = events[lastIndex]?.recordedAt
            {
                let batch = events[lastIndex]?.record.batch
                lastFolded = FoldedEvent(
                    sequence: sequence, hash: hash, recordedAt: recordedAt, endsBatch: batch.map { sequence == $0.last } ?? true)
            }
            return true
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

/// A run passed from the reading thread to the fold thread, which takes it out whole so that the
/// array is uniquely owned there and its events can be moved out rather than copied.
private final class HandedRun: @unchecked Sendable {
    private var events: [RecordedEvent?]

    init(_ events: consuming [RecordedEvent?]) { self.events = consume events }

    /// The run; called once, by the one thread that folds it.
    func take() -> [RecordedEvent?] {
        var taken: [RecordedEvent?] = []
        swap(&taken, &events)
        return taken
    }
}
