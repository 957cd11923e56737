import EventLog
import Foundation
import Projections
import Testing
import TransitionSupport
@testable import TransitionKit

/// A query's view no longer holds the events: it is resumed from the projection snapshot or
/// streamed from the log. Whichever way it is made, it must be exactly what a one-shot replay of
/// the events in scope gives, with the head, count and data date of the last event in scope.
@Suite("Programme view", .serialized)
struct ProgrammeViewTests {
    /// A week of work with a late effective date, a correction reaching back and a retraction.
    func busyProgramme() throws -> MiniProgramme {
        let mini = try MiniProgramme()
        let programme = mini.programme
        try programme.record([mini.status("DD-STAFF-01", "in-progress", role: "sro-people", at: "2022-05-03T10:00:00Z")])
        try programme.record([
            progress("T-1", 20, at: "2022-05-03T11:00:00Z"),
            progress("T-1", 40, at: "2022-05-04T09:00:00Z", effective: "2022-05-02"),
        ])
        try programme.record([mini.status("DD-FIN-01", "in-progress", role: "sro-finance", at: "2022-05-04T10:00:00Z")])
        let wrong = try programme.log.head().sequence
        try programme.record([progress("T-1", 70, at: "2022-05-05T10:00:00Z")])
        let retracted = try programme.log.head().sequence
        try programme.record([
            correction(
                "event.corrected", at: "2022-05-06T10:00:00Z",
                data: ["sequence": .int(wrong), "data": .object(["item": .string("DD-FIN-02"), "status": .string("in-progress")])]),
            correction("event.retracted", at: "2022-05-06T11:00:00Z", data: ["sequence": .int(retracted)]),
        ])
        try programme.record([mini.status("DD-STAFF-01", "complete", role: "sro-people", at: "2022-05-07T10:00:00Z")])
        return mini
    }

    func progress(_ task: String, _ percent: Int, at time: String, effective: String? = nil) -> ProposedEvent {
        ProposedEvent(
            id: UUIDs.random(), type: "task.progressed", recordedAt: MiniProgramme.at(time),
            effective: effective.map(MiniProgramme.day) ?? MiniProgramme.at(time).date, actor: "Director", role: "programme-director",
            entity: task, data: ["task": .string(task), "percent": .int(percent)])
    }

    func correction(_ type: String, at time: String, data: JSONObject) -> ProposedEvent {
        ProposedEvent(
            id: UUIDs.random(), type: type, recordedAt: MiniProgramme.at(time), effective: MiniProgramme.at(time).date,
            actor: "Director", role: "programme-director", reason: "found wrong at review", data: data)
    }

    /// Checks `view` against a one-shot replay of the stored events recorded at or before `asOf`.
    func expectMatchesOneShotReplay(
        _ view: ProgrammeView, of mini: MiniProgramme, asOf: Timestamp?, effectiveOn: CivilDate?, _ comment: Comment
    ) throws {
        let inScope = try mini.programme.log.readAll().filter { record in asOf.map { record.recordedAt <= $0 } ?? true }
        let expected = try Replay.state(records: inScope, asOf: asOf, effectiveOn: effectiveOn)
        #expect(view.state == expected, comment)
        #expect(view.state.json() == expected.json(), comment)
        let last = try #require(inScope.last)
        #expect(view.head == EventLog.Head(sequence: last.sequence, hash: last.hash, recordedAt: last.recordedAt), comment)
        #expect(view.eventCount == inScope.count, comment)
        #expect(view.dataDate == (asOf ?? last.recordedAt).date, comment)
        #expect(view.workflows.versions.map(\.sequence) == [1], comment)
        #expect(try mini.programme.records(of: view) == inScope, comment)
    }

    @Test("a view as of any moment, and effective on any date, equals a one-shot replay of the events then known")
    func scopedViews() throws {
        let mini = try busyProgramme()
        let moments = ["2022-05-02T23:59:59Z", "2022-05-03T10:30:00Z", "2022-05-04T23:59:59Z", "2022-05-06T10:30:00Z", "2022-05-07T23:59:59Z"]
        for moment in moments {
            for effective in [nil, "2022-05-02", "2022-05-04"] {
                let asOf = MiniProgramme.at(moment)
                let effectiveOn = effective.map(MiniProgramme.day)
                let view = try mini.programme.view(asOf: asOf, effectiveOn: effectiveOn)
                try expectMatchesOneShotReplay(view, of: mini, asOf: asOf, effectiveOn: effectiveOn, "as of \(moment), effective \(effective ?? "any")")
            }
        }
        // The correction and the retraction of 6 May are applied only from then on.
        let before = try mini.programme.view(asOf: MiniProgramme.at("2022-05-05T23:59:59Z"))
        let after = try mini.programme.view(asOf: MiniProgramme.at("2022-05-06T23:59:59Z"))
        #expect(before.state.tasks.tasks["T-1"]?.percent == 70 && after.state.tasks.tasks["T-1"]?.percent == 40)
    }

    @Test("a view of the whole log, from the snapshot or replayed from the log, equals a one-shot replay")
    func wholeLog() throws {
        let mini = try busyProgramme()
        let fromSnapshot = try mini.programme.view()
        #expect(SnapshotStore(log: mini.programme.log).load() != nil, "recording left a snapshot to resume from")
        try expectMatchesOneShotReplay(fromSnapshot, of: mini, asOf: nil, effectiveOn: nil, "from the snapshot")
        // A fresh value (a new process) starts from the snapshot on disk.
        let fresh = try Programme(log: mini.programme.log).view()
        try expectMatchesOneShotReplay(fresh, of: mini, asOf: nil, effectiveOn: nil, "a new process")
        let replayed = try mini.programme.view(source: .replay)
        try expectMatchesOneShotReplay(replayed, of: mini, asOf: nil, effectiveOn: nil, "replayed from the log")
        #expect(JSONWriter.canonical(replayed.state.json()) == JSONWriter.canonical(fromSnapshot.state.json()), "byte-identical projections")
    }

    @Test("a view's events stop at its head, whatever is appended after it was taken")
    func recordsStopAtTheViewsHead() throws {
        let mini = try busyProgramme()
        let view = try mini.programme.view()
        let head = view.head.sequence
        try mini.programme.record([progress("T-1", 90, at: "2022-05-08T10:00:00Z")])
        let records = try mini.programme.records(of: view)
        #expect(records.map(\.sequence) == Array(1...head))
        let corrections = try mini.programme.records(of: view, where: { $0.type.hasPrefix("event.") })
        #expect(corrections.map(\.type) == ["event.corrected", "event.retracted"])
        #expect(try mini.programme.records(of: view, types: ["event.corrected", "event.retracted"]) == corrections)
        #expect(try mini.programme.records(of: view, types: ["task.progressed"]).map(\.sequence).last ?? 0 < head, "the later progress is not read")
        let later = try mini.programme.view()
        #expect(later.head.sequence == head + 1 && later.state.tasks.tasks["T-1"]?.percent == 90)
    }

    @Test("a view of a log with no programme yet says so")
    func notInitialised() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("transition-view-\(UUID().uuidString)").path
        let programme = Programme(log: try EventLog.create(at: directory))
        for source in [ViewSource.snapshotOrReplay, .replay] {
            #expect(throws: ProgrammeError.self) { try programme.view(source: source) }
        }
        #expect(throws: ProgrammeError.self) { try programme.view(asOf: MiniProgramme.at("2022-05-03T00:00:00Z")) }
    }
}

extension ProgrammeViewTests {
    @Test("a replay made again with exact headers keeps each workflow version once")
    func replayRemadeKeepsWorkflowsOnce() throws {
        let mini = try busyProgramme()
        let programme = mini.programme
        try programme.record([progress("T-1", 80, at: "2022-05-08T10:00:00Z"), progress("T-1", 85, at: "2022-05-08T11:00:00Z")])
        // Leave that batch unfinished, its first member's marker written with a space: the quick
        // header reading sees no batch there, so the replay is made again with exact headers.
        let segment = try #require(try programme.log.segments().last)
        var lines = try String(contentsOfFile: segment.path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.removeLast()
        let popped = lines.popLast()
        let member = try #require(popped)
        lines.append(member.replacingOccurrences(of: #","batch":{"#, with: #","batch": {"#))
        try (lines.joined(separator: "\n") + "\n").write(toFile: segment.path, atomically: false, encoding: .utf8)
        try? FileManager.default.removeItem(atPath: SnapshotStore(log: programme.log).path)

        let fresh = Programme(log: programme.log)
        let replayed = try fresh.view(source: .replay)
        #expect(replayed.workflows.versions.map(\.sequence) == [1])
        #expect(try fresh.headState().workflows.versions.map(\.sequence) == [1], "the head state's full replay")
        try expectMatchesOneShotReplay(replayed, of: mini, asOf: nil, effectiveOn: nil, "remade replay")
    }
}
