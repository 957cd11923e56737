import Dispatch
import Domain

/// Folds decoded blocks of events on a thread of its own, so that the next block is read and
/// decoded while the previous one is folded.
///
/// The fold is the one sequential step of a replay; run in line with reading it leaves the other
/// cores idle. Blocks are folded strictly in the order given, at most ``depth`` of them waiting,
/// so memory stays bounded. The first failure stops all later folding and is reported by the
/// next ``fold(_:)`` or by ``finish()``. The replay is touched only on `queue` (and after it
/// drains), which is what makes the unchecked `Sendable` conformance sound.
final class FoldPipeline: @unchecked Sendable {
    /// Blocks that may wait or be folding while the caller reads on.
    static let depth = 4

    private var replay: Replay
    private var failure: ReplayError?
    private let queue = DispatchQueue(label: "transition.replay.fold")
    private let room = DispatchSemaphore(value: FoldPipeline.depth)
    private let failureLock = DispatchSemaphore(value: 1)

    init(_ replay: Replay) {
        self.replay = replay
    }

    /// Queues `events` (decoded, in scope, continuing the sequence) to be folded.
    ///
    /// - Throws: the failure of an earlier block, if one failed already.
    func fold(_ events: [RecordedEvent]) throws(ReplayError) {
        if let failure = recordedFailure() { throw failure }
        room.wait()
        queue.async { [self] in
            defer { room.signal() }
            guard recordedFailure() == nil else { return }
            do throws(ReplayError) {
                try replay.append(decoded: events)
            } catch {
                record(error)
            }
        }
    }

    /// Waits for every queued block, then returns the replay.
    ///
    /// - Throws: the first failure of any block.
    func finish() throws(ReplayError) -> Replay {
        queue.sync {}
        if let failure = recordedFailure() { throw failure }
        return replay
    }

    private func recordedFailure() -> ReplayError? {
        failureLock.wait()
        defer { failureLock.signal() }
        return failure
    }

    private func record(_ error: ReplayError) {
        failureLock.wait()
        defer { failureLock.signal() }
        if failure == nil { failure = error }
    }
}
