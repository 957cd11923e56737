import Domain
import EventLog
import Testing
@testable import Projections

/// The fold thread of the streaming replay: runs queued before it starts wait, then everything is
/// folded in order, exactly as one replay would fold it.
@Suite("Folding on a pipeline thread")
struct FoldPipelineTests {
    /// `records` decoded and cut into runs of `size`.
    func runs(_ records: [EventRecord], size: Int) throws -> [[RecordedEvent]] {
        let events = try records.map { try RecordedEvent.decode($0) }
        return stride(from: 0, to: events.count, by: size).map { Array(events[$0..<min($0 + size, events.count)]) }
    }

    @Test("runs queued up to the limit before the start are folded first, in order")
    func queuedBeforeStart() throws {
        let records = try RandomHistory.make(seed: 61, count: 400)
        let expected = try Replay.state(records: records)
        let corrections = expected.corrections
        let pipeline = FoldPipeline()
        let all = try runs(records, size: 7)
        #expect(all.count > FoldPipeline.depth)
        for run in all.prefix(FoldPipeline.depth) { try pipeline.fold(run) }
        #expect(pipeline.queued == FoldPipeline.depth)
        pipeline.start(
            Replay(knownCorrections: corrections, asOf: nil, effectiveOn: nil, workflowProvider: { _ in nil }),
            through: records.count)
        for run in all.dropFirst(FoldPipeline.depth) { try pipeline.fold(run) }
        #expect(try pipeline.finish().state == expected)
    }

    @Test("events after the first pass's last event are not folded")
    func stopsAtTheLastEvent() throws {
        let records = try RandomHistory.make(seed: 62, count: 200)
        let cut = 150
        let expected = try Replay.state(records: records[..<cut])
        let prepass = try Replay.state(records: records[..<cut]).corrections
        let pipeline = FoldPipeline()
        pipeline.start(Replay(knownCorrections: prepass, asOf: nil, effectiveOn: nil, workflowProvider: { _ in nil }), through: cut)
        for run in try runs(records, size: 40) { try pipeline.fold(run) }
        #expect(try pipeline.finish().state == expected)
    }

    @Test("a pipeline given up before it starts drops its runs and leaves nothing waiting")
    func cancelled() throws {
        let pipeline = FoldPipeline()
        for run in try runs(RandomHistory.make(seed: 63, count: 100), size: 30) { try pipeline.fold(run) }
        pipeline.cancel()
        #expect(pipeline.isStarted)
    }
}
