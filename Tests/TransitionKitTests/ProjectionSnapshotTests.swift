import EventLog
import Foundation
import Testing
import TransitionSupport
@testable import TransitionKit

/// Recording starts from the projection snapshot kept beside the log; whatever the snapshot's
/// condition, the state it leads to must be exactly the state a full replay gives.
@Suite("Projection snapshot", .serialized)
struct ProjectionSnapshotTests {
    func progress(_ mini: MiniProgramme, _ task: String, _ percent: Int, at time: String) -> ProposedEvent {
        ProposedEvent(
            id: UUIDs.random(), type: "task.progressed", recordedAt: MiniProgramme.at(time), effective: MiniProgramme.at(time).date,
            actor: "Director", role: "programme-director", entity: task, data: ["task": .string(task), "percent": .int(percent)])
    }

    /// Compares the head state, as this programme value and as a fresh one (which starts from the
    /// snapshot on disk) compute it, with a full replay.
    func expectHeadMatchesReplay(_ mini: MiniProgramme, _ comment: Comment) throws {
        let full = try mini.programme.view(source: .replay)
        for programme in [mini.programme, Programme(log: mini.programme.log)] {
            let head = try programme.headState()
            #expect(head.state == full.state, comment)
            #expect(head.workflows.versions.map(\.sequence) == full.workflows.versions.map(\.sequence), comment)
        }
    }

    @Test("recording writes a snapshot, and the state resumed from it equals a full replay")
    func writtenAndUsed() throws {
        let mini = try MiniProgramme()
        let store = SnapshotStore(log: mini.programme.log)
        #expect(store.load() == nil)
        let started = try mini.programme.log.head().sequence
        try mini.programme.record([progress(mini, "T-1", 10, at: "2022-05-03T10:00:00Z")])
        let snapshot = try #require(store.load())
        #expect(snapshot.position.sequence == started, "written at the head the new event was checked against")
        try mini.programme.record([mini.status("DD-STAFF-01", "in-progress", role: "sro-people", at: "2022-05-04T10:00:00Z")])
        try mini.programme.record([progress(mini, "T-1", 40, at: "2022-05-05T10:00:00Z")])
        try expectHeadMatchesReplay(mini, "resumed from the snapshot")
        #expect(store.load()?.position.sequence == started, "a short tail does not rewrite the snapshot")
    }

    @Test("after enough events the snapshot moves up to the head")
    func refreshed() throws {
        let mini = try MiniProgramme()
        let store = SnapshotStore(log: mini.programme.log)
        for index in 0...(Programme.snapshotRefreshInterval + 1) {
            let minute = String(format: "%02d", index % 60)
            try mini.programme.record([progress(mini, "T-1", index % 100, at: "2022-05-03T1\(index / 60):\(minute):00Z")])
        }
        let position = try #require(store.load()?.position)
        #expect(position.sequence > Programme.snapshotRefreshInterval)
        #expect(position.hash == (try mini.programme.log.readAll()[position.sequence - 1].hash))
        try expectHeadMatchesReplay(mini, "after a refresh")
    }

    @Test("a damaged snapshot is ignored and replaced")
    func damaged() throws {
        let mini = try MiniProgramme()
        let store = SnapshotStore(log: mini.programme.log)
        try mini.programme.record([progress(mini, "T-1", 10, at: "2022-05-03T10:00:00Z")])
        var bytes = try #require(FileManager.default.contents(atPath: store.path).map { [UInt8]($0) })
        bytes[bytes.count - 10] ^= 0x40
        try Data(bytes).write(to: URL(fileURLWithPath: store.path))
        #expect(store.load() == nil, "the checksum catches the change")
        // A new process (a fresh programme value) must find the damage and replay instead.
        try Programme(log: mini.programme.log).record([progress(mini, "T-1", 20, at: "2022-05-03T11:00:00Z")])
        #expect(store.load()?.position.sequence == (try mini.programme.log.head().sequence) - 1, "replayed and rewritten at the head")
        try expectHeadMatchesReplay(mini, "after damage")
        try Data([0x74, 0x0A]).write(to: URL(fileURLWithPath: store.path))
        try expectHeadMatchesReplay(mini, "after truncation")
    }

    @Test("a snapshot from another log or another build is not used")
    func foreign() throws {
        let first = try MiniProgramme()
        let second = try MiniProgramme()
        try first.programme.record([progress(first, "T-1", 90, at: "2022-05-03T10:00:00Z")])
        try second.programme.record([progress(second, "T-1", 5, at: "2022-05-03T10:00:00Z")])
        let source = SnapshotStore(log: first.programme.log)
        let target = SnapshotStore(log: second.programme.log)
        let foreign = try #require(source.load())
        target.save(foreign)
        #expect(try !second.programme.log.forEach(after: foreign.position) { _, _ in true }, "the anchor's hash differs")
        try expectHeadMatchesReplay(second, "foreign snapshot")
        #expect(try second.programme.headState().state.tasks.tasks["T-1"]?.percent == 5)
        #expect(SnapshotStore(log: first.programme.log, build: "another-build").load() == nil)
    }

    @Test("a correction reaching back before the snapshot falls back to a full replay")
    func correctionReachesBack() throws {
        let mini = try MiniProgramme()
        let store = SnapshotStore(log: mini.programme.log)
        try mini.programme.record([progress(mini, "T-1", 10, at: "2022-05-03T10:00:00Z")])
        try mini.programme.record([progress(mini, "T-1", 30, at: "2022-05-03T11:00:00Z")])
        try FileManager.default.removeItem(atPath: store.path)
        _ = try Programme(log: mini.programme.log).headState()
        let head = try mini.programme.log.head().sequence
        #expect(store.load()?.position.sequence == head)
        let correction = ProposedEvent(
            id: UUIDs.random(), type: "event.corrected", recordedAt: MiniProgramme.at("2022-05-04T09:00:00Z"),
            effective: MiniProgramme.day("2022-05-04"), actor: "Director", role: "programme-director", reason: "typo",
            data: ["sequence": .int(head), "data": .object(["task": .string("T-1"), "percent": .int(35)])])
        try mini.programme.record([correction])
        let corrected = try mini.programme.headState()
        #expect(corrected.state.tasks.tasks["T-1"]?.percent == 35)
        try expectHeadMatchesReplay(mini, "correction before the snapshot")
    }

    @Test("another process appending between two recordings is folded in")
    func interleavedWriters() throws {
        let mini = try MiniProgramme()
        let other = Programme(log: mini.programme.log)
        try mini.programme.record([progress(mini, "T-1", 10, at: "2022-05-03T10:00:00Z")])
        try other.record([progress(mini, "T-1", 50, at: "2022-05-03T11:00:00Z")])
        #expect(try mini.programme.headState().state.tasks.tasks["T-1"]?.percent == 50)
        try mini.programme.record([progress(mini, "T-1", 60, at: "2022-05-03T12:00:00Z")])
        #expect(try other.headState().state.tasks.tasks["T-1"]?.percent == 60)
        try expectHeadMatchesReplay(mini, "two writers")
    }
}
