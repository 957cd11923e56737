import Dispatch
import EventLog
import TransitionSupport

extension Programme {
    /// Refuses to answer from a log whose hash chain is broken: an event altered, removed,
    /// inserted or moved since it was recorded.
    ///
    /// Queries fold the events as they are stored, so an edited line would otherwise change the
    /// figures an SRO or a board sees without anyone being told. Every view of the log therefore
    /// checks the chain first, as `verify` does, except that a sealed segment found sound before
    /// and unchanged since (``VerifiedSegments``, kept beside the projection snapshot) is not read
    /// again: a query re-hashes the last segment and anything changed, not the whole history (and a
    /// process checking again re-hashes only what was appended since its last check). An
    /// unfinished tail (an append in progress, or one interrupted) is not damage: readers never
    /// show it.
    ///
    /// - Throws: ``EventLogError/corrupt(file:line:reason:)`` naming the first damage found, whose
    ///   message says to run `transition verify`.
    public func checkChain() throws {
        let store = VerifiedSegmentsStore(log: log)
        let stored = store.load()
        let check = try log.verify(trusting: chainCache.current ?? stored)
        if let failure = check.report.failure, !check.failureIsUnfinishedTail {
            throw EventLogError.corrupt(file: failure.file, line: failure.line, reason: "\(failure.kind.rawValue) at sequence \(failure.sequence): \(failure.detail)")
        }
        chainCache.update(check.verified)
        if check.verified.entries != stored.entries { store.save(check.verified) }
    }

    /// What `body` gives, computed while the chain is checked (``checkChain()``), and given only
    /// if the chain is sound: the check's finding comes first. Worth it when `body` mostly keeps
    /// one core busy (resuming from the projection snapshot): on two cores the check then costs
    /// little time. A `body` that already uses every core is better run after the check.
    func checkingChain<Value: Sendable>(_ body: @Sendable () throws -> Value) throws -> Value {
        let outcomes = ParallelSlots<Result<Value?, any Error>>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            outcomes[index] = Result {
                guard index == 1 else {
                    try checkChain()
                    return nil
                }
                return try body()
            }
        }
        if case .failure(let problem)? = outcomes[0] { throw problem }
        guard let value = try outcomes[1]?.get() else { throw ChainCheckMissing() }
        return value
    }

    /// Cannot happen: both parts of ``checkingChain(_:)`` always leave an outcome.
    private struct ChainCheckMissing: Error {}
}
