#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
internal import Dispatch
import TransitionSupport

/// Decodes the complete lines of one block of a segment, split across the machine's cores.
///
/// Reading is parsing-bound, and lines are independent until the chain and batch checks, which
/// the caller then makes in order over the decoded block; so the log reads at the speed of all
/// cores while behaving exactly as a line-by-line reader would.
enum ParallelLineDecoder {
    /// The decoded lines of one run, as parallel arrays: each entry is written in place by the
    /// reader and later moved out once, never copied through a wrapper (an event record is some
    /// hundreds of bytes, and a replay moves every one of them).
    struct Run<Entry> {
        /// What was read from each line; `nil` where the line does not decode (see ``failures``),
        /// or once the caller has moved the entry out.
        var entries: [Entry?] = []
        /// Where each line starts in the file.
        var offsets: [Int] = []
        /// Where each line ends in the file, just past its newline.
        var ends: [Int] = []
        /// Why a line does not decode, by its index in the run.
        var failures: [Int: LineDecodingError] = [:]

        init(capacity: Int) {
            entries.reserveCapacity(capacity)
            offsets.reserveCapacity(capacity)
            ends.reserveCapacity(capacity)
        }

        /// Why entry `index` is `nil`: the decoding failure, or a note that the entry was taken already.
        func problem(at index: Int) -> LineDecodingError {
            failures[index] ?? LineDecodingError(reason: "the line was already read")
        }
    }

    /// How one line (without its newline) is read: the whole record, or less (``EventHeader``,
    /// ``EventTypeMark``). The reader stores what it read in the slot it is given (which is `nil`), or
    /// returns why the line does not decode. The cache is the run's own: a reader that makes
    /// strings may take them from it.
    typealias Reader<Entry> = @Sendable (UnsafeBufferPointer<UInt8>, StringCache, inout Entry?) -> LineDecodingError?

    /// Reads the whole record of a line, without re-checking its hash (that is `verify`'s job).
    static let records: Reader<EventRecord> = { line, strings, slot in
        do throws(LineDecodingError) {
            try EventRecord.read(line: line, strings: strings, into: &slot)
            return nil
        } catch {
            return error
        }
    }

    /// A reader from one that returns what it read (for small entries, whose copy costs little).
    static func reading<Entry>(_ read: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Result<Entry, LineDecodingError>) -> Reader<Entry> {
        { line, _, slot in
            switch read(line) {
            case .success(let entry):
                slot = entry
                return nil
            case .failure(let error):
                return error
            }
        }
    }

    /// Blocks smaller than this are decoded on the calling thread.
    static let parallelThreshold = 256 << 10
    static let workers = OnlineProcessors.count(upTo: 8)

    /// The lines of `bytes` (which ends with a newline), whose first byte is at `fileOffset`, as
    /// consecutive runs (the lines in order are the runs' lines in order; runs are handed over
    /// as they were decoded, so no line is copied).
    static func decode<Entry>(_ bytes: UnsafeBufferPointer<UInt8>, fileOffset: Int, reading read: Reader<Entry>) -> [Run<Entry>] {
        // Several runs per core, so a core that finishes early takes the next run.
        let parts = bytes.count >= parallelThreshold ? workers * 4 : 1
        guard parts > 1 else { return [decodeRange(bytes, 0..<bytes.count, fileOffset: fileOffset, reading: read)] }
        var bounds = [0]
        for part in 1..<parts {
            var cut = max(bounds[bounds.count - 1], bytes.count * part / parts)
            while cut < bytes.count, cut > 0, bytes[cut - 1] != 0x0A { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(bytes.count)
        let cuts = bounds
        let results = ParallelSlots<Run<Entry>>(count: parts)
        let base = UnsafeBufferPointerBox(bytes)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            results[part] = decodeRange(base.buffer, cuts[part]..<cuts[part + 1], fileOffset: fileOffset, reading: read)
        }
        return (0..<parts).map { part in results.take(part) ?? Run(capacity: 0) }
    }

    private static func decodeRange<Entry>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fileOffset: Int, reading read: Reader<Entry>
    ) -> Run<Entry> {
        guard let base = bytes.baseAddress else { return Run(capacity: 0) }
        // Find the lines first (memchr is far cheaper than growing arrays of big values), once.
        var ends: [Int] = []
        ends.reserveCapacity(range.count / 256 + 1)
        var scan = range.lowerBound
        while scan < range.upperBound, let found = memchr(base + scan, 0x0A, range.upperBound - scan) {
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            ends.append(end)
            scan = end + 1
        }
        var run = Run<Entry>(capacity: ends.count)
        let strings = StringCache()
        var start = range.lowerBound
        for end in ends {
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let index = run.entries.count
            run.entries.append(nil)
            run.offsets.append(fileOffset + start)
            run.ends.append(fileOffset + end + 1)
            // Read straight into its slot.
            if let failure = read(line, strings, &run.entries[index]) { run.failures[index] = failure }
            start = end + 1
        }
        return run
    }
}

/// Hands a buffer that outlives the parallel loop to its iterations, which only read it.
private struct UnsafeBufferPointerBox: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }
}
