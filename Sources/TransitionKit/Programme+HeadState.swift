import EventLog
import Projections
import TransitionSupport

extension Programme {
    /// How many events may follow the on-disk snapshot before recording writes a fresh one.
    static let snapshotRefreshInterval = 64

    /// The unscoped state at the head, with the workflow versions: resumed from the state this value
    /// computed last, else from the projection snapshot on disk, folding in only the events after
    /// it; otherwise by replaying the whole log. A fresh snapshot is written after a full replay or
    /// once the one on disk is ``snapshotRefreshInterval`` events behind.
    ///
    /// Either way the result equals a full replay; the snapshots only save time.
    func headState() throws -> (state: TransitionState, workflows: WorkflowHistory) {
        let store = SnapshotStore(log: log)
        let cached = headCache.current
        if let snapshot = cached.snapshot, let resumed = try resume(from: snapshot) {
            persistIfBehind(resumed, persisted: cached.persistedSequence, store: store)
            return (resumed.state, resumed.workflows)
        }
        if let snapshot = store.load(), let resumed = try resume(from: snapshot) {
            persistIfBehind(resumed, persisted: snapshot.position.sequence, store: store)
            return (resumed.state, resumed.workflows)
        }
        let replayed = try replayAll()
        guard let replayed else { return (TransitionState(), WorkflowHistory()) }
        store.save(replayed)
        headCache.update(replayed, persistedSequence: replayed.position.sequence)
        return (replayed.state, replayed.workflows)
    }

    /// Remembers `snapshot` and writes it to disk if the one there is far enough behind.
    private func persistIfBehind(_ snapshot: ProjectionSnapshot, persisted: Int?, store: SnapshotStore) {
        var persisted = persisted
        if snapshot.position.sequence - (persisted ?? 0) >= Self.snapshotRefreshInterval {
            store.save(snapshot)
            persisted = snapshot.position.sequence
        }
        headCache.update(snapshot, persistedSequence: persisted)
    }

    /// Folds the events after `snapshot` into it; `nil` when the snapshot does not belong to this
    /// log or a correction after it reaches back before it.
    private func resume(from snapshot: ProjectionSnapshot) throws -> ProjectionSnapshot? {
        var tail: [EventRecord] = []
        var position = snapshot.position
        var workflows = snapshot.workflows
        let matched = try log.forEach(after: snapshot.position) { record, after in
            try workflows.consider(record)
            tail.append(record)
            position = after
            return true
        }
        guard matched else { return nil }
        guard !tail.isEmpty else { return snapshot }
        let versions = workflows
        var replay = Replay(
            resuming: snapshot.state, through: snapshot.position.sequence,
            workflowProvider: { sequence in versions.version(atSequence: sequence)?.definition })
        do {
            try replay.append(tail)
        } catch {
            if case .historyNeeded = error { return nil }
            throw error
        }
        return ProjectionSnapshot(position: position, state: replay.state, workflows: workflows)
    }

    /// The state of the whole log, or `nil` for a log with no events yet. The log is streamed
    /// (``LogReplay``), so a long history is never held in memory.
    private func replayAll() throws -> ProjectionSnapshot? {
        let (outcome, workflows) = try streamedReplay()
        guard let position = outcome.position else { return nil }
        return ProjectionSnapshot(position: position, state: outcome.state, workflows: workflows)
    }

    /// The log replayed in two streaming passes (``LogReplay``), with the workflow versions in
    /// scope, each loaded once and handed to the replay.
    func streamedReplay(
        asOf: Timestamp? = nil, effectiveOn: CivilDate? = nil
    ) throws -> (outcome: LogReplay.Outcome, workflows: WorkflowHistory) {
        var workflows = WorkflowHistory()
        let outcome = try LogReplay.replay(log, asOf: asOf, effectiveOn: effectiveOn) { records in
            // Called again if the replay is remade with exact headers: the history starts afresh.
            workflows = WorkflowHistory()
            for record in records { try workflows.consider(record) }
            let versions = workflows
            return { sequence in versions.version(atSequence: sequence)?.definition }
        }
        return (outcome, workflows)
    }
}
