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
    static let parallelThreshold = 1024
    static let workers = OnlineProcessors.count(upTo: 8)

    static func decode(_ records: [EventRecord]) throws(ReplayError) -> [RecordedEvent] {
        var taken = records.map(Optional.some)
        var runs = try decodeRuns(taking: &taken)
        return joined(&runs)
    }

    /// The events of `runs`, in order, moved into one array.
    static func joined(_ runs: inout [[RecordedEvent?]]) -> [RecordedEvent] {
        var events: [RecordedEvent] = []
        events.reserveCapacity(runs.reduce(0) { $0 + $1.count })
        for run in runs.indices {
            for index in runs[run].indices {
                if let event = runs[run][index].take() { events.append(event) }
            }
        }
        return events
    }

    /// The events of `records` as consecutive runs, one per core, handed over as they were
    /// decoded; every element is an event, lent as an optional so that the caller can move it out
    /// (`run[i].take()`) rather than copy it.
    ///
    /// Each record is moved out of `records` (left `nil`) and into its event, never copied; a
    /// `nil` element is skipped (the caller left it out of scope).
    static func decodeRuns(taking records: inout [EventRecord?]) throws(ReplayError) -> [[RecordedEvent?]] {
        let count = records.count
        let parts = count >= parallelThreshold ? workers : 1
        let results = ParallelSlots<Result<[RecordedEvent?], ReplayError>>(count: parts)
        records.withUnsafeMutableBufferPointer { buffer in
            let shared = SharedRecords(buffer)
            guard parts > 1 else {
                results[0] = Result { () throws(ReplayError) in try decode(taking: shared.buffer, 0..<count) }
                return
            }
            // Each part moves records out of its own range only: no element is touched twice.
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                let range = (count * part / parts)..<(count * (part + 1) / parts)
                results[part] = Result { () throws(ReplayError) in try decode(taking: shared.buffer, range) }
            }
        }
        var runs: [[RecordedEvent?]] = []
        for part in 0..<parts {
            switch results.take(part) {
            case .success(let decoded): runs.append(decoded)
            case .failure(let error): throw error
            case nil: break
            }
        }
        return runs
    }

    private static func decode(
        taking records: UnsafeMutableBufferPointer<EventRecord?>, _ range: Range<Int>
    ) throws(ReplayError) -> [RecordedEvent?] {
        var events: [RecordedEvent?] = []
        events.reserveCapacity(range.count)
        for index in range {
            guard let record = records[index].take() else { continue }
            let sequence = record.sequence
            do {
                events.append(try RecordedEvent.decode(record))
            } catch {
                throw .undecodable(sequence: sequence, error)
            }
        }
        return events
    }
}

/// Lends the records of one block to the parallel decoding, whose parts each move records out of
/// a range of their own (so no element is shared between threads).
private struct SharedRecords: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<EventRecord?>
    init(_ buffer: UnsafeMutableBufferPointer<EventRecord?>) { self.buffer = buffer }
}
