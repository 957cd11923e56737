import Dispatch
import Domain
import EventLog
import TransitionSupport

/// Decodes stored records into domain events on all cores.
///
/// Each record decodes on its own (upcast, then typed payload), so a long replay splits the work
/// into contiguous runs and keeps the order; the fold that follows stays sequential. Errors are
/// reported for the earliest record that fails, as a sequential decode would.
enum ParallelEventDecoder {
    /// Fewer records than this are decoded on the calling thread.
    static let parallelThreshold = 4096
    static let workers = OnlineProcessors.count(upTo: 8)

    static func decode(_ records: [EventRecord]) throws(ReplayError) -> [RecordedEvent] {
        let runs = try decodeRuns(records)
        guard runs.count > 1 else { return runs.first ?? [] }
        var events: [RecordedEvent] = []
        events.reserveCapacity(records.count)
        for run in runs { events += run }
        return events
    }

    /// The events of `records` as consecutive runs, one per core, handed over as they were
    /// decoded (a caller that folds run by run copies no event).
    static func decodeRuns(_ records: [EventRecord]) throws(ReplayError) -> [[RecordedEvent]] {
        let parts = records.count >= parallelThreshold ? workers : 1
        guard parts > 1 else { return [try decode(records[...])] }
        let results = ParallelSlots<Result<[RecordedEvent], ReplayError>>(count: parts)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let range = (records.count * part / parts)..<(records.count * (part + 1) / parts)
            results[part] = Result { () throws(ReplayError) in try decode(records[range]) }
        }
        var runs: [[RecordedEvent]] = []
        for part in 0..<parts {
            switch results.take(part) {
            case .success(let decoded): runs.append(decoded)
            case .failure(let error): throw error
            case nil: break
            }
        }
        return runs
    }

    private static func decode(_ records: ArraySlice<EventRecord>) throws(ReplayError) -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        events.reserveCapacity(records.count)
        for record in records {
            do {
                events.append(try RecordedEvent.decode(record))
            } catch {
                throw .undecodable(sequence: record.sequence, error)
            }
        }
        return events
    }
}
