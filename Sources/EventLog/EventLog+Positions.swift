#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TransitionSupport

extension EventLog {
    /// Streams every committed event in order with the position just after it. `body` returns
    /// `false` to stop early.
    public func forEachPositioned(_ body: (EventRecord, LogPosition) throws -> Bool) throws {
        try stream(segments: segments(), from: nil, reading: ParallelLineDecoder.records, body)
    }

    /// Streams the committed events after `position`, if the event at `position` is still in this
    /// log with the same hash; returns `false` (having streamed nothing) when it is not.
    ///
    /// This is how a cache resumes: the check costs one small read, and the events after the
    /// position are read without touching the ones before it.
    @discardableResult
    public func forEach(after position: LogPosition, _ body: (EventRecord, LogPosition) throws -> Bool) throws -> Bool {
        let all = try segments()
        guard let segment = all.first(where: { $0.firstSequence == position.segmentFirstSequence }),
            try event(endingAt: position.offset, in: segment).map({ $0.sequence == position.sequence && $0.hash == position.hash }) == true
        else { return false }
        try stream(
            segments: all.filter { $0.firstSequence >= segment.firstSequence }, from: position, reading: ParallelLineDecoder.records, body)
        return true
    }

    /// The event whose line ends (with its newline) at byte `offset` of `segment`, if the bytes there form one.
    func event(endingAt offset: Int, in segment: Segment) throws -> EventRecord? {
        guard offset > 0 else { return nil }
        let file = try POSIXFile(path: segment.path, flags: O_RDONLY)
        guard try file.size() >= offset else { return nil }
        var window = 4096
        while true {
            let start = max(0, offset - window)
            var bytes = [UInt8](repeating: 0, count: offset - start)
            let count = try bytes.withUnsafeMutableBytes { try file.read(into: $0, at: start) }
            guard count == bytes.count, bytes.last == 0x0A else { return nil }
            let body = bytes.dropLast()
            if let newline = body.lastIndex(of: 0x0A) {
                return decodedEvent(Array(body[(newline + 1)...]))
            }
            if start == 0 { return decodedEvent(Array(body)) }
            window *= 4
        }
    }

    private func decodedEvent(_ line: [UInt8]) -> EventRecord? {
        line.withUnsafeBufferPointer { try? EventRecord.decode(line: $0, checkingHash: false).record }
    }

    /// Streams committed events from the start of `segments` (or from `position` in its segment),
    /// holding back the members of a batch until its last member is read.
    ///
    /// Segments are read in blocks whose lines are decoded on all cores
    /// (``ParallelLineDecoder``); the sequence and batch checks then run in order. A final run of
    /// bytes without a newline (a torn line) is never shown.
    ///
    /// The first event is the one after `position` (or event 1), unless `firstSequence` says
    /// otherwise (for a read that starts at the beginning of a segment other than the log's first).
    func stream<Entry: StreamedEntry>(
        segments: [Segment], from position: LogPosition?, firstSequence: Int? = nil, reading read: ParallelLineDecoder.Reader<Entry>,
        _ body: (consuming Entry, LogPosition) throws -> Bool
    ) throws {
        // The members of an unfinished batch, and where each ends.
        var pending: [Entry?] = []
        var pendingPositions: [LogPosition] = []
        // The members of an unfinished batch that are still in the block's runs.
        var held: [HeldEntry] = []
        var order = SequenceCheck(expected: firstSequence ?? (position?.sequence ?? 0) + 1)
        try forEachDecodedBlock(segments: segments, from: position, reading: read, blockBytes: Self.readBlockSize) { runs, segment in
            // Entries are read in place and moved out of the decoded runs once, to `body`; the
            // members of a batch wait in place (`held`) until its last member is read.
            for run in runs.indices {
                for index in runs[run].entries.indices {
                    let (sequence, hash, batch) = try order.check(runs[run], index, in: segment)
                    let here = LogPosition(
                        sequence: sequence, hash: hash, segmentFirstSequence: segment.firstSequence, offset: runs[run].ends[index])
                    if let batch, sequence < batch.last {
                        held.append(HeldEntry(run: run, index: index, position: here))
                        continue
                    }
                    for earlier in pending.indices {
                        // Moved out and on (binding a tuple element here would copy the record).
                        let position = pendingPositions[earlier]
                        guard let member = pending[earlier].take() else { continue }
                        if try !body(consume member, position) { return false }
                    }
                    pending.removeAll(keepingCapacity: true)
                    pendingPositions.removeAll(keepingCapacity: true)
                    for member in held {
                        guard let entry = runs[member.run].entries[member.index].take() else { continue }
                        if try !body(consume entry, member.position) { return false }
                    }
                    held.removeAll(keepingCapacity: true)
                    guard let entry = runs[run].entries[index].take() else { continue }
                    if try !body(consume entry, here) { return false }
                }
            }
            // The members of a batch still open when the block ends wait for the next block.
            for member in held {
                pending.append(runs[member.run].entries[member.index].take())
                pendingPositions.append(member.position)
            }
            held.removeAll(keepingCapacity: true)
            return true
        }
    }

    /// Streams every committed event in order as the decoded runs of one block at a time (never
    /// none), the members of a batch held back until its last member is read, with the position
    /// just after the block's last event. `body` returns `false` to stop.
    ///
    /// This is ``stream(segments:from:reading:_:)`` for a caller that takes many events at once:
    /// the runs the lines were decoded into are handed over whole, so no record is moved one by one.
    func streamRuns<Entry: StreamedEntry>(
        segments: [Segment], reading read: ParallelLineDecoder.Reader<Entry>, blockBytes: Int,
        _ body: (inout [[Entry?]], LogPosition) throws -> Bool
    ) throws {
        // The members of an unfinished batch read in earlier blocks.
        var carried: [Entry?] = []
        var order = SequenceCheck(expected: 1)
        try forEachDecodedBlock(segments: segments, from: nil, reading: read, blockBytes: blockBytes) { runs, segment in
            // Every line is checked in order, in place; the block is shown up to the last event
            // that ends a batch (or is in none).
            var cut: (run: Int, index: Int, sequence: Int)?
            for run in runs.indices {
                for index in runs[run].entries.indices {
                    let (sequence, _, batch) = try order.check(runs[run], index, in: segment)
                    if batch.map({ sequence >= $0.last }) ?? true { cut = (run, index, sequence) }
                }
            }
            // The position after the block's last shown event, made once.
            let after = try cut.map { cut in
                let hash = runs[cut.run].entries.withUnsafeBufferPointer { $0[cut.index]?.hash }
                guard let hash else { throw try SequenceCheck.undecoded(runs[cut.run], cut.index, in: segment) }
                return LogPosition(
                    sequence: cut.sequence, hash: hash, segmentFirstSequence: segment.firstSequence, offset: runs[cut.run].ends[cut.index])
            }
            var shown: [[Entry?]] = []
            if cut != nil, !carried.isEmpty {
                shown.append([])
                swap(&shown[0], &carried)
            }
            for run in runs.indices {
                guard let cut, run <= cut.run else {
                    for index in runs[run].entries.indices { carried.append(runs[run].entries[index].take()) }
                    continue
                }
                if run == cut.run {
                    for index in runs[run].entries.indices where index > cut.index { carried.append(runs[run].entries[index].take()) }
                    runs[run].entries.removeSubrange((cut.index + 1)...)
                }
                shown.append([])
                swap(&shown[shown.count - 1], &runs[run].entries)
            }
            guard let after, !shown.isEmpty else { return true }
            return try body(&shown, after)
        }
    }

    /// Streams the type mark of every complete line in order, as the runs of one block at a time
    /// (never none), each line checked in order: it must decode and carry the next sequence
    /// number. Unlike ``streamRuns(segments:reading:blockBytes:_:)``, no batch is held back (a type
    /// mark has no batch marker): the members of an unfinished batch at the end are streamed too.
    func streamTypeMarks(
        segments: [Segment], reading read: ParallelLineDecoder.Reader<EventTypeMark>, blockBytes: Int,
        _ body: (inout [[EventTypeMark?]]) throws -> Bool
    ) throws {
        var order = SequenceCheck(expected: 1)
        try forEachDecodedBlock(segments: segments, from: nil, reading: read, blockBytes: blockBytes) { runs, segment in
            var shown: [[EventTypeMark?]] = []
            shown.reserveCapacity(runs.count)
            for run in runs.indices {
                // Through the buffer: reading a field through the array's subscript copies the mark.
                let sequences = runs[run].entries.withUnsafeBufferPointer { marks in marks.map { $0?.sequence } }
                for index in sequences.indices { try order.check(sequences[index], runs[run], index, in: segment) }
                shown.append([])
                swap(&shown[shown.count - 1], &runs[run].entries)
            }
            return try body(&shown)
        }
    }

    /// The position just after event `sequence` (see ``LogPosition``), if it is a committed event of
    /// this log with this `hash`; `nil` otherwise. Cheap when the event is the last committed one
    /// of its segment (one read at the end of the segment); otherwise the segment is read up to it.
    public func position(afterEvent sequence: Int, hash: SHA256Digest) throws -> LogPosition? {
        guard let segment = try segments().last(where: { $0.firstSequence <= sequence }) else { return nil }
        let tail = try committedTail(of: segment)
        if let last = tail.last, last.sequence == sequence {
            guard last.hash == hash else { return nil }
            return LogPosition(sequence: sequence, hash: hash, segmentFirstSequence: segment.firstSequence, offset: tail.end)
        }
        var found: LogPosition?
        try stream(
            segments: [segment], from: nil, firstSequence: segment.firstSequence,
            reading: ParallelLineDecoder.reading { EventHeader.read(line: $0, fullRecordTypes: []) }
        ) { header, position in
            guard header.sequence >= sequence else { return true }
            if header.sequence == sequence, header.hash == hash { found = position }
            return false
        }
        return found
    }

    /// Reads `segments` from the start (or from `position` in its segment) a block at a time, and
    /// hands `body` the complete lines of each block decoded into runs on all cores, with the
    /// segment they are from. A final run of bytes without a newline (a torn line) is never read.
    /// `body` returns `false` to stop.
    private func forEachDecodedBlock<Entry>(
        segments: [Segment], from position: LogPosition?, reading read: ParallelLineDecoder.Reader<Entry>, blockBytes: Int,
        _ body: (inout [ParallelLineDecoder.Run<Entry>], Segment) throws -> Bool
    ) throws {
        for segment in segments {
            let startOffset = position.map { $0.segmentFirstSequence == segment.firstSequence ? $0.offset : 0 } ?? 0
            // The next block is read while this one is decoded.
            let reader = try BlockReader(path: segment.path, from: startOffset, blockBytes: blockBytes)
            defer { reader.finish() }
            while let (lines, offset) = try reader.next() {
                var runs = ParallelLineDecoder.decode(lines, fileOffset: offset, reading: read)
                if try !body(&runs, segment) { return }
            }
        }
    }

    /// The in-order check of every decoded line: it must decode, and carry the next sequence number.
    private struct SequenceCheck {
        var expected: Int

        /// The sequence number, hash and batch marker of line `index` of `run` (read in place), if
        /// it decoded and is the next event; otherwise the corruption error, naming the line.
        mutating func check<Entry: StreamedEntry>(
            _ run: ParallelLineDecoder.Run<Entry>, _ index: Int, in segment: Segment
        ) throws -> (sequence: Int, hash: SHA256Digest, batch: BatchMarker?) {
            // Through the buffer: reading a field through the array's subscript copies the entry.
            let (sequence, hash, batch) = run.entries.withUnsafeBufferPointer { entries in
                (entries[index]?.sequence, entries[index]?.hash, entries[index]?.batch)
            }
            // Both are missing exactly when the line did not decode.
            guard let hash else { throw try Self.undecoded(run, index, in: segment) }
            return (try check(sequence, run, index, in: segment), hash, batch)
        }

        /// Checks that line `index` of `run` decoded (its sequence number is `sequence`) and is the
        /// next event, and returns its sequence number; otherwise throws the corruption error,
        /// naming the line.
        @discardableResult
        mutating func check<Entry>(_ sequence: Int?, _ run: ParallelLineDecoder.Run<Entry>, _ index: Int, in segment: Segment) throws -> Int {
            guard let sequence else { throw try Self.undecoded(run, index, in: segment) }
            guard sequence == expected else {
                throw EventLogError.corrupt(
                    file: segment.path, line: try LineCounter.lineNumber(atOffset: run.offsets[index], path: segment.path),
                    reason: "expected sequence \(expected) but found \(sequence)")
            }
            expected += 1
            return sequence
        }

        /// The error for line `index` of `run`, which did not decode.
        static func undecoded<Entry>(_ run: ParallelLineDecoder.Run<Entry>, _ index: Int, in segment: Segment) throws -> EventLogError {
            .corrupt(
                file: segment.path, line: try LineCounter.lineNumber(atOffset: run.offsets[index], path: segment.path),
                reason: "\(run.problem(at: index))")
        }
    }

    /// A batch member still in the decoded runs: where it is, and the position just after it.
    private struct HeldEntry {
        var run: Int
        var index: Int
        var position: LogPosition
    }

    /// How much of a segment is read (and decoded in parallel) at a time.
    static let readBlockSize = 4 << 20
}

/// What the reader needs from each line it streams, whether it read the whole record or less:
/// its place in the chain and whether it belongs to a batch.
protocol StreamedEntry {
    var sequence: Int { get }
    var hash: SHA256Digest { get }
    var batch: BatchMarker? { get }
}

extension EventRecord: StreamedEntry {}
