import EventLog
import Foundation
import Testing
import TransitionSupport
@testable import TransitionKit

/// Every view of the log checks its hash chain first; what was found sound is kept beside the
/// projection snapshot, as a cache that may be lost or damaged without harm.
@Suite("Chain check on every view", .serialized)
struct ChainCheckTests {
    func progress(_ task: String, _ percent: Int, at time: String) -> ProposedEvent {
        ProposedEvent(
            id: UUIDs.random(), type: "task.progressed", recordedAt: MiniProgramme.at(time), effective: MiniProgramme.at(time).date,
            actor: "Director", role: "programme-director", entity: task, data: ["task": .string(task), "percent": .int(percent)])
    }

    /// The mini programme with a few days of progress, and the path of its only segment.
    func recorded() throws -> (MiniProgramme, String) {
        let mini = try MiniProgramme()
        for day in 3...6 { try mini.programme.record([progress("T-1", day * 10, at: "2022-05-0\(day)T10:00:00Z")]) }
        let segment = try #require(try mini.programme.log.segments().first)
        return (mini, segment.path)
    }

    @Test("a view of an altered log is refused, naming the file, line and damage; a replay for an audit pack is not")
    func alteredLogRefused() throws {
        let (mini, path) = try recorded()
        let before = try mini.programme.view()
        var lines = try String(contentsOfFile: path, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("\"percent\":60") })
        lines[index] = lines[index].replacingOccurrences(of: "\"percent\":60", with: "\"percent\":95")
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        // Each command is a process of its own, with a programme value of its own: one that walked
        // the log itself before the edit trusts that walk (``VerifiedSegments/Tail``).
        for programme in [Programme(log: mini.programme.log), try Programme.open(at: mini.programme.log.layout.root)] {
            do {
                _ = try programme.view()
                Issue.record("a view of the altered log was given")
            } catch let error as EventLogError {
                guard case .corrupt(let file, let line, let reason) = error else {
                    Issue.record("unexpected error \(error)")
                    continue
                }
                #expect(file == path && line == index + 1)
                #expect(reason.hasPrefix("modified at sequence \(index + 1):"))
                #expect(error.description.contains("run 'transition verify'"))
            }
            #expect(throws: EventLogError.self) { try programme.view(asOf: MiniProgramme.at("2022-05-05T23:00:00Z")) }
        }
        let replayed = try mini.programme.view(source: .replay)
        #expect(replayed.eventCount == before.eventCount)
        #expect(replayed.state != before.state, "the replay shows the stored (altered) figures; the audit pack reports the damage beside them")
    }

    @Test("what was found sound is kept as sealed segments with fingerprints, never the tail; a damaged file counts as nothing")
    func storeRoundTrip() throws {
        let (mini, path) = try recorded()
        let store = VerifiedSegmentsStore(log: mini.programme.log)
        #expect(store.load() == .none)
        let fingerprint = try SegmentFingerprint.of(path: path)
        let head = try mini.programme.log.head()
        let verified = VerifiedSegments(
            entries: [VerifiedSegments.Entry(name: "0000000000000001.jsonl", fingerprint: fingerprint, last: head)],
            tail: VerifiedSegments.Tail(name: "0000000000000007.jsonl", device: 1, inode: 2, bytes: 3, lines: 4, last: head))
        store.save(verified)
        #expect(store.load() == VerifiedSegments(entries: verified.entries))
        for damage in ["", "{", "{\"format\":\"transition.verified-segments/9\",\"segments\":[]}", "{\"format\":\"transition.verified-segments/1\",\"segments\":[{\"name\":1}]}"] {
            try damage.write(toFile: store.path, atomically: true, encoding: .utf8)
            #expect(store.load() == .none, "\(damage)")
        }
        // With a damaged file, the check simply re-hashes and answers.
        #expect(try mini.programme.view().eventCount == head.sequence)
    }

    @Test("a programme value that checks again trusts what it walked itself, and still sees what is appended")
    func inMemoryTail() throws {
        let (mini, _) = try recorded()
        try mini.programme.checkChain()
        let tail = try #require(mini.programme.chainCache.current?.tail)
        #expect(tail.last == (try mini.programme.log.head()))
        try mini.programme.record([progress("T-1", 90, at: "2022-05-09T10:00:00Z")])
        try mini.programme.checkChain()
        #expect(mini.programme.chainCache.current?.tail?.last == (try mini.programme.log.head()))
        #expect(mini.programme.chainCache.current?.tail?.lines == tail.lines + 1)
    }
}
