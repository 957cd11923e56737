#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Streams the newline-terminated lines of a file in fixed-size chunks, never loading it whole.
///
/// A final run of bytes with no newline is a line still being written (or torn by a crash); it is
/// not passed to `body` but reported in the result so callers can decide what it means.
struct LineReader {
    static let chunkSize = 1 << 20

    struct Summary {
        /// Number of complete lines read.
        var lines: Int
        /// Byte offset just past the last complete line.
        var completeBytes: Int
        /// Bytes after the last newline (an incomplete final line).
        var trailingBytes: Int
    }

    /// Calls `body(line, lineNumber, offset)` for each complete line; `body` returns `false` to stop.
    static func forEachLine(
        path: String, startingAt startOffset: Int = 0, firstLineNumber: Int = 1,
        _ body: (UnsafeBufferPointer<UInt8>, Int, Int) throws -> Bool
    ) throws -> Summary {
        let file = try POSIXFile(path: path, flags: O_RDONLY)
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var carry: [UInt8] = []
        var fileOffset = startOffset
        var lineStartOffset = startOffset
        var lineNumber = firstLineNumber
        var lines = 0
        var stopped = false
        while !stopped {
            let count = try buffer.withUnsafeMutableBytes { try file.read(into: $0, at: fileOffset) }
            if count == 0 { break }
            fileOffset += count
            try buffer.withUnsafeBufferPointer { chunk in
                var start = 0
                while start < count {
                    guard let base = chunk.baseAddress,
                        let found = memchr(base + start, 0x0A, count - start)
                    else { break }
                    let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    let keepGoing: Bool
                    let lineLength: Int
                    if carry.isEmpty {
                        lineLength = end - start
                        keepGoing = try body(UnsafeBufferPointer(rebasing: chunk[start..<end]), lineNumber, lineStartOffset)
                    } else {
                        carry.append(contentsOf: chunk[start..<end])
                        lineLength = carry.count
                        keepGoing = try carry.withUnsafeBufferPointer { try body($0, lineNumber, lineStartOffset) }
                        carry.removeAll(keepingCapacity: true)
                    }
                    lines += 1
                    lineNumber += 1
                    lineStartOffset += lineLength + 1
                    start = end + 1
                    if !keepGoing {
                        stopped = true
                        return
                    }
                }
                if start < count { carry.append(contentsOf: chunk[start..<count]) }
            }
        }
        if stopped {
            return Summary(lines: lines, completeBytes: lineStartOffset, trailingBytes: 0)
        }
        return Summary(lines: lines, completeBytes: lineStartOffset, trailingBytes: carry.count)
    }
}
