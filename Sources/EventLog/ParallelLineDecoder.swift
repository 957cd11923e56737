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
    /// One decoded line: the record (or why it does not decode), and where the line starts and ends.
    struct Line {
        var record: Result<EventRecord, LineDecodingError>
        var offset: Int
        var length: Int
    }

    /// Blocks smaller than this are decoded on the calling thread.
    static let parallelThreshold = 256 << 10
    static let workers = OnlineProcessors.count(upTo: 8)

    /// The lines of `bytes` (which ends with a newline), whose first byte is at `fileOffset`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, fileOffset: Int) -> [Line] {
        let parts = bytes.count >= parallelThreshold ? workers : 1
        guard parts > 1 else { return decodeRange(bytes, 0..<bytes.count, fileOffset: fileOffset) }
        var bounds = [0]
        for part in 1..<parts {
            var cut = max(bounds[bounds.count - 1], bytes.count * part / parts)
            while cut < bytes.count, cut > 0, bytes[cut - 1] != 0x0A { cut += 1 }
            bounds.append(cut)
        }
        bounds.append(bytes.count)
        let cuts = bounds
        let results = ParallelSlots<[Line]>(count: parts)
        let base = UnsafeBufferPointerBox(bytes)
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            results[part] = decodeRange(base.buffer, cuts[part]..<cuts[part + 1], fileOffset: fileOffset)
        }
        var lines: [Line] = []
        for part in 0..<parts { lines += results[part] ?? [] }
        return lines
    }

    private static func decodeRange(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, fileOffset: Int) -> [Line] {
        var lines: [Line] = []
        guard let base = bytes.baseAddress else { return lines }
        var start = range.lowerBound
        while start < range.upperBound,
            let found = memchr(base + start, 0x0A, range.upperBound - start)
        {
            let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            let record: Result<EventRecord, LineDecodingError>
            do {
                record = .success(try EventRecord.decode(line: line, checkingHash: false).record)
            } catch {
                record = .failure(error)
            }
            lines.append(Line(record: record, offset: fileOffset + start, length: end - start))
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
