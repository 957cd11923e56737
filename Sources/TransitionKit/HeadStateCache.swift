import Dispatch

/// The last head state a ``Programme`` computed, kept in memory between its recordings.
///
/// It is used exactly like the on-disk snapshot (resumed only if the event at its position is still
/// in the log with the same hash), so another process appending in between is simply folded in.
final class HeadStateCache: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var snapshot: ProjectionSnapshot?
    /// The sequence number of the snapshot last written to disk, if known.
    private var persistedSequence: Int?

    var current: (snapshot: ProjectionSnapshot?, persistedSequence: Int?) {
        lock.wait()
        defer { lock.signal() }
        return (snapshot, persistedSequence)
    }

    func update(_ snapshot: ProjectionSnapshot, persistedSequence: Int?) {
        lock.wait()
        defer { lock.signal() }
        self.snapshot = snapshot
        self.persistedSequence = persistedSequence
    }
}
