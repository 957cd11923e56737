import Domain
import EventLog
import Projections
import Testing
import TransitionSupport

/// A state written with `BinaryEncoder`, read back, and resumed must behave exactly like the
/// replay it came from: this is what lets recording start from a snapshot instead of the log.
@Suite("Resuming replay from a stored state")
struct SnapshotResumeTests {
    static let seeds: [UInt64] = [3, 11, 2022, 0xBEEF]

    @Test("a state survives a binary round trip unchanged, at every cut of a random history", arguments: seeds)
    func roundTrip(seed: UInt64) throws {
        let records = try RandomHistory.make(seed: seed, count: 140)
        var replay = Replay()
        for (index, record) in records.enumerated() {
            try replay.append(CollectionOfOne(record))
            guard index % 7 == 0 || index == records.count - 1 else { continue }
            let bytes = try BinaryEncoder().encode(replay.state)
            let decoded = try BinaryDecoder().decode(TransitionState.self, from: bytes)
            #expect(decoded == replay.state, "seed \(seed) after event \(record.sequence)")
            #expect(JSONWriter.canonicalString(decoded.json()) == JSONWriter.canonicalString(replay.state.json()))
        }
    }

    @Test("resuming from a stored state equals replaying everything, unless a correction reaches back", arguments: seeds)
    func resumeEqualsReplay(seed: UInt64) throws {
        let records = try RandomHistory.make(seed: seed, count: 160)
        let whole = try Replay.state(records: records)
        var resumed = 0
        var refused = 0
        for cut in stride(from: 1, to: records.count, by: 9) {
            let stored = try BinaryDecoder().decode(
                TransitionState.self, from: BinaryEncoder().encode(Replay.state(records: records[..<cut])))
            var replay = Replay(resuming: stored, through: cut)
            do {
                try replay.append(records[cut...])
                #expect(replay.state == whole, "seed \(seed) cut \(cut)")
                resumed += 1
            } catch {
                guard case .historyNeeded(let correction, let target) = error else {
                    Issue.record("unexpected \(error)")
                    continue
                }
                #expect(target <= cut && correction > cut, "seed \(seed) cut \(cut): \(error)")
                #expect(replay.state == stored, "a refused resume leaves the state untouched")
                refused += 1
            }
        }
        #expect(resumed > 0)
        #expect(refused > 0, "the random histories correct old events, so some resumes must be refused")
    }
}
