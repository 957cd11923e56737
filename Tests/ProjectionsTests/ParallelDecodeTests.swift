import Domain
import EventLog
import Testing
@testable import Projections

@Suite("Decoding events on all cores")
struct ParallelDecodeTests {
    @Test("a parallel decode keeps order and equals decoding each record in turn")
    func sameAsSequential() throws {
        let records = try RandomHistory.make(seed: 99, count: ParallelEventDecoder.parallelThreshold + 777)
        let parallel = try ParallelEventDecoder.decode(records)
        let sequential = try records.map { try RecordedEvent.decode($0) }
        #expect(parallel == sequential)
        #expect(try Replay.state(records: records) == replayOneByOne(records))
    }

    func replayOneByOne(_ records: [EventRecord]) throws -> TransitionState {
        var replay = Replay()
        for record in records { try replay.append(CollectionOfOne(record)) }
        return replay.state
    }

    @Test("the earliest undecodable record is the one reported")
    func earliestError() throws {
        var records = try RandomHistory.make(seed: 8, count: ParallelEventDecoder.parallelThreshold * 8)
        // Both in later parts than the first, the earlier one in an earlier part than the other.
        let earlier = records.count * 5 / 8
        for index in [records.count - 3, earlier] {
            records[index].data = ["nonsense": .bool(true)]
        }
        let expected = try undecodableError(records[earlier])
        #expect(throws: ReplayError.undecodable(sequence: records[earlier].sequence, expected)) {
            _ = try ParallelEventDecoder.decode(records)
        }
    }

    func undecodableError(_ record: EventRecord) throws -> PayloadError {
        do {
            _ = try RecordedEvent.decode(record)
        } catch {
            return error
        }
        throw ReplayError.outOfOrder(sequence: 0, after: 0)
    }
}
