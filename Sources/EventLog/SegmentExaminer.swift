internal import Dispatch
import TransitionSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a segment in fixed windows and examines its lines on every core, handing the verdicts back
/// in file order.
///
/// Reading and re-hashing a line depends on nothing but the line, so each window is cut at line
/// boundaries into parts examined concurrently; the caller then walks the verdicts one by one, which
/// is where order matters (sequence numbers, links, batches). Memory stays at one window plus the
/// verdicts of its lines however large the segment is; a line longer than the window grows it.
enum SegmentExaminer {
    /// Window and part sizes, and whether canonical lines take the byte-level reading; tests shrink
    /// the window and switch the fast reading off to compare against the plain decoder.
    struct Tuning: Sendable {
        /// Bytes read per window (grown for a longer line).
        var windowBytes = 1 << 20
        /// Windows smaller than this are examined on the calling thread.
        var parallelThreshold = 256 << 10
        /// `false` sends every line through `EventRecord.decode`.
        var readsCanonicalLines = true

        static let standard = Tuning()
    }

    /// How a walk over a segment ended.
    struct Summary {
        /// Complete lines passed to `body`.
        var lines: Int
        /// Bytes after the last newline (an incomplete final line); 0 when `body` stopped the walk.
        var trailingBytes: Int
    }

    /// Calls `body(outcome, lineLength, lineNumber)` for each complete line in order (length without
    /// the newline, line numbers from 1); `body` returns `false` to stop.
    ///
    /// The walk may start at byte `offset`, the start of line `firstLine` (a prefix already walked);
    /// ``Summary/lines`` then counts from the file's first line.
    static func forEachLine(
        path: String, from offset: Int = 0, firstLine: Int = 1, tuning: Tuning = .standard, _ body: (LineOutcome, Int, Int) -> Bool
    ) throws(EventLogError) -> Summary {
        let file = try POSIXFile(path: path, flags: O_RDONLY)
        var capacity = max(1, tuning.windowBytes)
        var window = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 64)
        defer { window.deallocate() }
        var fileOffset = offset
        var carried = 0
        var lineNumber = firstLine
        while true {
            let read = try readFully(file, into: UnsafeMutableRawBufferPointer(rebasing: window[carried...]), at: fileOffset + carried)
            let available = carried + read
            let reachedEnd = available < capacity
            guard let lastNewline = lastIndex(of: 0x0A, in: UnsafeRawBufferPointer(rebasing: window[0..<available])) else {
                if reachedEnd { return Summary(lines: lineNumber - 1, trailingBytes: available) }
                // One line fills the whole window: grow it and keep what was read.
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity * 2, alignment: 64)
                larger.copyMemory(from: UnsafeRawBufferPointer(window))
                window.deallocate()
                window = larger
                carried = capacity
                capacity *= 2
                continue
            }
            let complete = lastNewline + 1
            let parts = examine(UnsafeRawBufferPointer(rebasing: window[0..<complete]), tuning: tuning)
            for part in parts {
                for (length, outcome) in part {
                    let keepGoing = body(outcome, length, lineNumber)
                    lineNumber += 1
                    if !keepGoing { return Summary(lines: lineNumber - 1, trailingBytes: 0) }
                }
            }
            carried = available - complete
            if carried > 0, let base = window.baseAddress {
                memmove(base, base + complete, carried)
            }
            fileOffset += complete
            // The file ended inside this window: what is left after the last newline is a torn line.
            if reachedEnd { return Summary(lines: lineNumber - 1, trailingBytes: carried) }
        }
    }

    /// The verdicts on every line of `region` (which ends with a newline), in order, as one array
    /// per part.
    static func examine(_ region: UnsafeRawBufferPointer, tuning: Tuning) -> [[(length: Int, outcome: LineOutcome)]] {
        let partCount = region.count < tuning.parallelThreshold ? 1 : OnlineProcessors.count * 4
        var bounds = [0]
        for part in 1..<partCount {
            let target = max(bounds[bounds.count - 1], region.count * part / partCount)
            // Cut after the first newline at or beyond the target, so no line is split.
            if let newline = firstIndex(of: 0x0A, in: region, from: target) { bounds.append(newline + 1) }
        }
        bounds.append(region.count)
        let results = UnsafeMutableBufferPointer<[(length: Int, outcome: LineOutcome)]>.allocate(capacity: bounds.count - 1)
        results.initialize(repeating: [])
        defer { results.deinitialize().deallocate() }
        let slots = PartSlots(region: region, bounds: bounds, results: results, readsCanonicalLines: tuning.readsCanonicalLines)
        if bounds.count == 2 {
            slots.examinePart(0)
        } else {
            DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { part in slots.examinePart(part) }
        }
        return Array(results)
    }

    /// Reads until `buffer` is full or the file ends; returns the bytes read.
    private static func readFully(_ file: borrowing POSIXFile, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(EventLogError) -> Int {
        var total = 0
        while total < buffer.count {
            let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[total...]), at: offset + total)
            if count == 0 { break }
            total += count
        }
        return total
    }

    private static func lastIndex(of byte: UInt8, in buffer: UnsafeRawBufferPointer) -> Int? {
        var index = buffer.count
        while index > 0 {
            index -= 1
            if buffer[index] == byte { return index }
        }
        return nil
    }

    static func firstIndex(of byte: UInt8, in buffer: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard let base = buffer.baseAddress, start < buffer.count, let found = memchr(base + start, Int32(byte), buffer.count - start) else {
            return nil
        }
        return base.distance(to: UnsafeRawPointer(found))
    }
}

/// The shared state of one concurrent examination: each part reads its own byte range and writes
/// only its own result slot, so no two threads touch the same memory.
private struct PartSlots: @unchecked Sendable {
    let region: UnsafeRawBufferPointer
    let bounds: [Int]
    let results: UnsafeMutableBufferPointer<[(length: Int, outcome: LineOutcome)]>
    let readsCanonicalLines: Bool

    /// Examines the lines of one part. Canonical lines are read first and their bodies then hashed
    /// together, several at a time (`SHA256.digests(of:)`); any other line is decoded in full.
    func examinePart(_ part: Int) {
        var verdicts: [(length: Int, outcome: LineOutcome)] = []
        var start = bounds[part]
        let end = bounds[part + 1]
        verdicts.reserveCapacity((end - start) / 256 + 1)
        var unhashed: [(verdict: Int, facts: LineFacts)] = []
        var messages: [SHA256.LaneMessage] = []
        while start < end, let newline = SegmentExaminer.firstIndex(of: 0x0A, in: region, from: start), newline < end {
            let line = UnsafeRawBufferPointer(rebasing: region[start..<newline])
            if readsCanonicalLines, let read = CanonicalLine.unhashedFacts(of: line) {
                unhashed.append((verdicts.count, read.facts))
                messages.append(read.body.message)
                verdicts.append((line.count, .event(read.facts)))
            } else {
                verdicts.append((line.count, LineOutcome.decoded(line)))
            }
            start = newline + 1
        }
        for (pending, digest) in zip(unhashed, SHA256.digests(of: messages)) {
            var facts = pending.facts
            facts.hashMatches = digest == facts.hash
            verdicts[pending.verdict].outcome = .event(facts)
        }
        results[part] = verdicts
    }
}
