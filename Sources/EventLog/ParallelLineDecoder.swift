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
    /// One decoded line: what was read from it (or why it does not decode), and where it starts and ends.
    struct Line<Entry> {
        /// What was read; `nil` once the reader has moved it out, or when the line does not decode.
        var entry: Entry?
        /// Why the line does not decode.
        var failure: LineDecodingError?
        var offset: Int
        var length: Int

        init(_ read: Result<Entry, LineDecodingError>, offset: Int, length: Int) {
            switch read {
            case .success(let entry): self.entry = entry
            case .failure(let error): failure = error
            }
            self.offset = offset
            self.length = length
        }

        /// Why ``entry`` is `nil`: the decoding failure, or a note that the entry was taken already.
        var problem: LineDecodingError { failure ?? LineDecodingError(reason: "the line was already read") }
    }

    /// How one line (without its newline) is read: the whole record, or less (``EventHeader``,
    /// ``EventMark``). The cache is the run's own: a reader that makes strings may take them from it.
    typealias Reader<Entry> = @Sendable (UnsafeBufferPointer<UInt8>, StringCache) -> Result<Entry, LineDecodingError>

    /// Reads the whole record of a line, without re-checking its hash (that is `verify`'s job).
    static let records: Reader<EventRecord> = { line, strings in
        Result { () throws(LineDecodingError) in try EventRecord.decode(line: line, checkingHash: false, strings: strings).record }
    }

    /// Blocks smaller than this are decoded on the calling thread.
    static let parallelThreshold = 256 << 10
    static let workers = OnlineProcessors.count(upTo: 8)

    /// The lines of `bytes` (which ends with a newline), whose first byte is at `fileOffset`, as
    /// consecutive runs (the lines in order are the runs' lines in order; runs are handed over
    /// as they were decoded, so no line is copied).
    static func decode<Entry>(_ bytes: UnsafeBufferPointer<UInt8>, fileOffset: Int, reading read: Reader<Entry>) -> [[Line<Entry>]] {
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
        let results = ParallelSlots<[Line<Entry>]>(count: parts)
        let base = UnsafeBufferPointerBox(bytes)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            results[part] = decodeRange(base.buffer, cuts[part]..<cuts[part + 1], fileOffset: fileOffset, reading: read)
        }
        return (0..<parts).map { part in results.take(part) ?? [] }
    }

    private static func decodeRange<Entry>(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fileOffset: Int, reading read: Reader<Entry>
    ) -> [Line<Entry>] {
        var lines: [Line<Entry>] = []
        guard let base = bytes.baseAddress else { return lines }
        // Count the lines first (memchr is far cheaper than growing an array of big values).
        var count = 0
        var scan = range.lowerBound
        while scan < range.upperBound, let found = memchr(base + scan, 0x0A, range.upperBound - scan) {
            count += 1
            scan = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        lines.reserveCapacity(count)
        let strings = StringCache()
        var start = range.lowerBound
        while start < range.upperBound,
            let found = memchr(base + start, 0x0A, range.upperBound - start)
        {
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            lines.append(Line(read(line, strings), offset: fileOffset + start, length: end - start))
            start = end + 1
        }
        return lines
    }
}

/// Hands a buffer that outlives the parallel loop to its iterations, which only read it.
private struct UnsafeBufferPointerBox: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }
}
