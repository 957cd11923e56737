import Domain
import EventLog
import Foundation
import Testing
import TransitionSupport
@testable import Projections

/// The streaming replay reads the log twice (corrections first, then everything block by block)
/// and never holds the whole history; it must give exactly the one-shot replay's state.
@Suite("Replaying a log in two streaming passes")
struct LogReplayTests {
    static let seeds: [UInt64] = [5, 19, 2022, 0xFACE]

    /// A scratch log directory, removed when the value goes.
    final class Scratch {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("log-replay-\(UUID().uuidString)").path
        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Writes the content of `records` into a new log with segments of `segmentBytes`, in appends
    /// of 1 to `largestAppend` events (every multi-event append is a batch).
    static func log(
        of records: [EventRecord], at scratch: Scratch, segmentBytes: Int = 64 << 20, largestAppend: Int = 13
    ) throws -> EventLog {
        let log = try EventLog.create(at: scratch.path, segmentBytes: segmentBytes)
        var index = 0
        var appends = 0
        while index < records.count {
            let size = min(appends % largestAppend + 1, records.count - index)
            _ = try log.append(
                records[index..<(index + size)].map { record in
                    var event = record.content
                    event.id = nil
                    return event
                })
            index += size
            appends += 1
        }
        return log
    }

    @Test("equals the one-shot replay: whole log, as of earlier times, effective on earlier dates", arguments: seeds)
    func equalsOneShot(seed: UInt64) throws {
        let scratch = Scratch()
        // Small segments, so the passes cross segment boundaries.
        let log = try Self.log(of: RandomHistory.make(seed: seed, count: 700), at: scratch, segmentBytes: 40_000)
        let records = try log.readAll()
        #expect(try log.segments().count > 2)
        #expect(records.contains { $0.type == "event.corrected" } && records.contains { $0.type == "event.retracted" })

        let outcome = try LogReplay.replay(log)
        #expect(outcome.state == (try Replay.state(records: records)))
        #expect(outcome.position?.sequence == records.last?.sequence)
        #expect(outcome.workflowRecords == records.filter { $0.type == "programme.initialised" || $0.type == "workflow.revised" })
        // The marks carry no time: the last event's comes from the fold, and must be the log's.
        #expect(outcome.lastInScope == (try log.head()))
        let last = try #require(records.last)
        let exact = try LogReplay.replay(log, asOf: last.recordedAt)
        #expect(exact.lastInScope == outcome.lastInScope && exact.position == outcome.position)

        for cut in stride(from: 3, to: records.count, by: 97) {
            let asOf = records[cut].recordedAt
            #expect(try LogReplay.replay(log, asOf: asOf).state == (try Replay.state(records: records, asOf: asOf)), "as of event \(cut)")
        }
        for day in stride(from: 0, to: 150, by: 31) {
            let date = CivilDate(daysSinceEpoch: (CivilDate(year: 2022, month: 3, day: 1)?.daysSinceEpoch ?? 0) + day)
            let asOf = records[records.count / 2].recordedAt
            #expect(
                try LogReplay.replay(log, asOf: asOf, effectiveOn: date).state
                    == (try Replay.state(records: records, asOf: asOf, effectiveOn: date)), "effective on \(date)")
        }
    }

    @Test("a long log is folded in many blocks with the same result")
    func manyBlocks() throws {
        let scratch = Scratch()
        // About 4.5 MB of events in one segment: more than one read block.
        let log = try Self.log(of: RandomHistory.make(seed: 77, count: 13_000), at: scratch, largestAppend: 1_000)
        var blocks = 0
        try log.forEachBlock { _ in
            blocks += 1
            return true
        }
        #expect(blocks > 1)
        #expect(try LogReplay.replay(log).state == (try Replay.state(records: log.readAll())))
    }

    @Test("an empty log replays to the empty state with no position")
    func emptyLog() throws {
        let scratch = Scratch()
        let log = try EventLog.create(at: scratch.path)
        let outcome = try LogReplay.replay(log)
        #expect(outcome.state == TransitionState())
        #expect(outcome.position == nil)
    }

    @Test("events appended between the passes are left out, even a correction reaching back or an unreadable event")
    func appendedDuringReplay() throws {
        let scratch = Scratch()
        let log = try Self.log(of: RandomHistory.make(seed: 3, count: 200), at: scratch)
        let before = try log.readAll()
        let target = try #require(before.last { $0.type != "programme.initialised" && !$0.type.hasPrefix("event.") })
        // The workflow callback runs between the two passes: another writer appends there.
        let outcome = try LogReplay.replay(log) { _ in
            _ = try log.append([
                ProposedEvent(
                    type: "event.retracted", actor: "Someone else", reason: "Late", data: ["sequence": .int(target.sequence)])
            ])
            // Not even an event this build cannot read fails the replay, if it came later.
            _ = try log.append([ProposedEvent(type: "no.such.type", actor: "Someone else")])
            return { _ in nil }
        }
        #expect(try log.readAll().count == before.count + 2)
        #expect(outcome.state == (try Replay.state(records: before)))
        #expect(outcome.position?.sequence == before.count)
    }

    @Test("an unfinished batch and a torn line at the tail are not replayed")
    func tornTail() throws {
        let scratch = Scratch()
        let log = try Self.log(of: RandomHistory.make(seed: 12, count: 150), at: scratch)
        let committed = try log.readAll()
        let segment = try #require(try log.segments().last)
        let handle = try #require(FileHandle(forWritingAtPath: segment.path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"seq\":\(committed.count + 1),\"id\":\"torn".utf8))
        try handle.close()
        let outcome = try LogReplay.replay(log)
        #expect(outcome.state == (try Replay.state(records: committed)))
        #expect(outcome.position?.sequence == committed.count)
    }

    @Test("an unfinished batch whose marker is written in another form ends the replay where the exact reading does")
    func marksChecked() throws {
        let scratch = Scratch()
        let records = try RandomHistory.make(seed: 41, count: 90)
        let log = try Self.log(of: Array(records[..<87]), at: scratch)
        _ = try log.append(
            records[87...].map { record in
                var event = record.content
                event.id = nil
                return event
            })
        let committed = Array(try log.readAll()[..<87])
        // Leave the last batch unfinished, its second member's marker written with a space: a
        // reading of line ends would see no batch there, and end two events too late. Type marks
        // read no batch marker at all: the second pass, which reads it exactly, ends the replay (and
        // since this unfinished batch holds a correction and a retraction, the replay is made with
        // headers).
        let segment = try #require(try log.segments().last)
        var lines = try String(contentsOfFile: segment.path, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.removeLast()
        let popped = lines.popLast()
        let last = try #require(popped)
        lines.append(last.replacingOccurrences(of: #","batch":{"#, with: #","batch": {"#))
        try (lines.joined(separator: "\n") + "\n").write(toFile: segment.path, atomically: false, encoding: .utf8)

        let outcome = try LogReplay.replay(log)
        #expect(outcome.position?.sequence == 87)
        #expect(outcome.state == (try Replay.state(records: committed)))
    }

    /// The replay whose first pass reads type marks, which throws when they must be read again.
    static func typeMarksReplay(_ log: EventLog) throws -> LogReplay.Outcome {
        try LogReplay.replay(log, asOf: nil, effectiveOn: nil, workflows: { _ in { _ in nil } }, reading: .typeMarks)
    }

    @Test("a sound log is replayed with type marks as its first pass, with the exact replay's state and position", arguments: seeds)
    func typeMarksAccepted(seed: UInt64) throws {
        let scratch = Scratch()
        let log = try Self.log(of: RandomHistory.make(seed: seed, count: 500), at: scratch, segmentBytes: 30_000)
        let records = try log.readAll()
        let quick = try Self.typeMarksReplay(log)
        let exact = try LogReplay.replay(log, asOf: nil, effectiveOn: nil, workflows: { _ in { _ in nil } }, reading: .headers)
        #expect(quick.state == (try Replay.state(records: records)))
        #expect(quick.position == exact.position && quick.position?.sequence == records.count)
        let head = try log.head()
        #expect(quick.lastInScope == exact.lastInScope && quick.lastInScope == head)
        #expect(quick.workflowRecords == exact.workflowRecords)
    }

    /// Writes `records` and then `tail` as one batch whose last line is cut off.
    static func logWithUnfinishedBatch(of records: [EventRecord], tail: [ProposedEvent], at scratch: Scratch) throws -> EventLog {
        let log = try Self.log(of: records, at: scratch)
        _ = try log.append(tail)
        let segment = try #require(try log.segments().last)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment.path)))
        bytes.removeLast()
        bytes.removeSubrange(((bytes.lastIndex(of: 0x0A) ?? 0) + 1)...)
        try Data(bytes).write(to: URL(fileURLWithPath: segment.path))
        return log
    }

    @Test("types read past the last event folded (an unfinished batch) are not kept in the state")
    func typeMarksPastTheEnd() throws {
        let scratch = Scratch()
        let records = try RandomHistory.make(seed: 17, count: 120)
        let tail = records.suffix(3).map { record in
            var event = record.content
            event.id = nil
            event.recordedAt = nil
            return event
        }
        let log = try Self.logWithUnfinishedBatch(of: records, tail: tail, at: scratch)
        let committed = try log.readAll()
        #expect(committed.count == records.count)
        let quick = try Self.typeMarksReplay(log)
        #expect(quick.state == (try Replay.state(records: committed)))
        #expect(quick.position?.sequence == committed.count)
    }

    @Test("a correction in an unfinished batch at the tail is never applied: type marks give way to exact headers")
    func correctionPastTheEnd() throws {
        let scratch = Scratch()
        let records = try RandomHistory.make(seed: 23, count: 120)
        let target = try #require(records.last { $0.type != "programme.initialised" && !$0.type.hasPrefix("event.") })
        let retraction = ProposedEvent(type: "event.retracted", actor: "Someone", reason: "Wrong", data: ["sequence": .int(target.sequence)])
        let filler = ProposedEvent(type: "event.retracted", actor: "Someone", reason: "Also", data: ["sequence": .int(target.sequence)])
        let log = try Self.logWithUnfinishedBatch(of: records, tail: [retraction, filler], at: scratch)
        let committed = try log.readAll()
        #expect(committed.count == records.count)
        #expect(throws: LogReplay.MarksDisagree.self) { _ = try Self.typeMarksReplay(log) }
        let outcome = try LogReplay.replay(log)
        #expect(outcome.state == (try Replay.state(records: committed)))
        #expect(outcome.position?.sequence == committed.count)
    }

    @Test("an event that does not decode fails the replay as the one-shot replay does")
    func undecodable() throws {
        let scratch = Scratch()
        var records = try RandomHistory.make(seed: 21, count: 120)
        records[60].data = ["nonsense": .bool(true)]
        records[90].type = "no.such.type"
        try expectSameFailure(as: records, at: scratch)
    }

    /// Writes `records` into a log and expects the streaming replay to fail exactly as the one-shot
    /// replay of the stored records does.
    func expectSameFailure(as records: [EventRecord], at scratch: Scratch) throws {
        let log = try Self.log(of: records, at: scratch)
        let stored = try log.readAll()
        var expected: ReplayError?
        do { _ = try Replay.state(records: stored) } catch { expected = error }
        let oneShot = try #require(expected)
        #expect(throws: oneShot) { _ = try LogReplay.replay(log) }
    }

    @Test("a stored workflow that no longer loads fails the replay as the one-shot replay does")
    func unreadableWorkflow() throws {
        let scratch = Scratch()
        var records = try RandomHistory.make(seed: 31, count: 60)
        records[0].data["workflow"] = .object(["not": .string("a workflow")])
        try expectSameFailure(as: records, at: scratch)
    }

    /// Thrown by a `workflows` callback in a test.
    struct CallbackRefused: Error, Equatable {}

    @Test("a failing workflow callback fails the replay, and nothing is left waiting")
    func failingCallback() throws {
        let scratch = Scratch()
        let log = try Self.log(of: RandomHistory.make(seed: 8, count: 13_000), at: scratch, largestAppend: 1_000)
        #expect(throws: CallbackRefused()) {
            _ = try LogReplay.replay(log) { _ in throw CallbackRefused() }
        }
        // The log is still replayable afterwards.
        #expect(try LogReplay.replay(log).state == (try Replay.state(records: log.readAll())))
    }

    @Test("a damaged line fails the replay with the log's own error")
    func damagedLine() throws {
        let scratch = Scratch()
        let log = try Self.log(of: RandomHistory.make(seed: 44, count: 13_000), at: scratch, largestAppend: 1_000)
        let segment = try #require(try log.segments().first)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment.path)))
        // Break the line that holds the middle of the log.
        let middle = bytes.count / 2
        let lineStart = (bytes[..<middle].lastIndex(of: 0x0A) ?? 0) + 1
        bytes[lineStart] = UInt8(ascii: "#")
        try Data(bytes).write(to: URL(fileURLWithPath: segment.path))
        var expected: (any Error)?
        do { _ = try log.readAll() } catch { expected = error }
        let reading = try #require(expected as? EventLogError)
        #expect(throws: reading) { _ = try LogReplay.replay(log) }
    }
}
