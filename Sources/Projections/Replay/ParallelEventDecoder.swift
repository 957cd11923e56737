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
        return try records.withUnsafeMutableBufferPointer { (buffer) throws(ReplayError) in
            let shared = SharedRecords(buffer)
            return try decodeParts(parts) { part throws(ReplayError) in
                try decode(taking: shared.buffer, (count * part / parts)..<(count * (part + 1) / parts))
            }
        }
    }

    /// The events of `runs`, decoded on all cores a run each (the run as read is the unit of work),
    /// as runs in the same order; otherwise as ``decodeRuns(taking:)-([EventRecord?])``.
    static func decodeRuns(taking runs: inout [[EventRecord?]]) throws(ReplayError) -> [[RecordedEvent?]] {
        let total = runs.reduce(0) { $0 + $1.count }
        guard total >= parallelThreshold else {
            var records: [EventRecord?] = []
            records.reserveCapacity(total)
            for run in runs.indices {
                for index in runs[run].indices { records.append(runs[run][index].take()) }
            }
            return try decodeRuns(taking: &records)
        }
        return try runs.withUnsafeMutableBufferPointer { (outer) throws(ReplayError) in
            let shared = SharedRuns(outer)
            return try decodeParts(outer.count) { part throws(ReplayError) in
                // Each part touches its own run only.
                try shared.buffer[part].withUnsafeMutableBufferPointer { (records) throws(ReplayError) in
                    try decode(taking: records, 0..<records.count)
                }
            }
        }
    }

    /// Runs `decodePart` for parts `0..<parts` (on all cores when there are several) and returns
    /// their runs in order, or the failure of the earliest part that failed.
    private static func decodeParts(
        _ parts: Int, _ decodePart: @Sendable (Int) throws(ReplayError) -> [RecordedEvent?]
    ) throws(ReplayError) -> [[RecordedEvent?]] {
        let results = ParallelSlots<Result<[RecordedEvent?], ReplayError>>(count: parts)
        if parts == 1 {
            results[0] = Result { () throws(ReplayError) in try decodePart(0) }
        } else {
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                results[part] = Result { () throws(ReplayError) in try decodePart(part) }
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

/// Lends the runs of one block to the parallel decoding, each part moving records out of a run of
/// its own (so no run is shared between threads).
private struct SharedRuns: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<[EventRecord?]>
    init(_ buffer: UnsafeMutableBufferPointer<[EventRecord?]>) { self.buffer = buffer }
}
