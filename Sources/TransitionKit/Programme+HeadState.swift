import EventLog
import Projections
import TransitionSupport

extension Programme {
    /// How many events may follow the snapshot before recording writes a fresh one.
    static let snapshotRefreshInterval = 64

    /// The unscoped state at the head, with the workflow versions: from the projection snapshot and
    /// the events after it when the snapshot matches the log, otherwise by replaying the whole log
    /// (and then writing a snapshot, so the next command starts fast).
    ///
    /// Either way the result equals a full replay; the snapshot only saves time.
    func headState() throws -> (state: TransitionState, workflows: WorkflowHistory) {
        let store = SnapshotStore(log: log)
        if let snapshot = store.load(), let resumed = try resume(from: snapshot, store: store) { return resumed }
        return try replayAll(refreshing: store)
    }

    /// Folds the events after `snapshot` into it; `nil` when the snapshot does not belong to this
    /// log or a correction after it reaches back before it.
    private func resume(from snapshot: ProjectionSnapshot, store: SnapshotStore) throws -> (state: TransitionState, workflows: WorkflowHistory)? {
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
        if tail.count >= Self.snapshotRefreshInterval {
            store.save(ProjectionSnapshot(position: position, state: replay.state, workflows: workflows))
        }
        return (replay.state, workflows)
    }

    private func replayAll(refreshing store: SnapshotStore) throws -> (state: TransitionState, workflows: WorkflowHistory) {
        var records: [EventRecord] = []
        var workflows = WorkflowHistory()
        var position: LogPosition?
        try log.forEachPositioned { record, after in
            try workflows.consider(record)
            records.append(record)
            position = after
            return true
        }
        let versions = workflows
        let state = try Replay.state(records: records, workflowProvider: { sequence in versions.version(atSequence: sequence)?.definition })
        if let position { store.save(ProjectionSnapshot(position: position, state: state, workflows: workflows)) }
        return (state, workflows)
    }
}
