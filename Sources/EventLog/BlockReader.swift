internal import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one segment's complete lines a block at a time, reading the next block on another thread
/// while the caller decodes the one it was given.
///
/// Streaming a long log is decoding-bound, but each block must first be copied out of the page
/// cache, and done in line that copy leaves the other cores idle while the reading thread waits
/// for it (a tenth of a replay's first pass). So two buffers take turns: the caller decodes one
/// while the next read fills the other. What is read is exactly what reading in line reads:
/// whole lines, in order, and never a final run of bytes without a newline (a torn line).
///
/// A block is valid until the next call of ``next()``; ``finish()`` must be called once reading
/// ends (it waits for a read still in flight and frees the buffers). One thread uses a reader; the
/// read ahead only touches the buffer the caller is not lent, which is what makes the unchecked
/// `Sendable` conformance sound.
final class BlockReader: @unchecked Sendable {
    private let file: POSIXFile
    private let blockBytes: Int
    /// The buffer lent to the caller (the last block handed out).
    private var lent: UnsafeMutableRawBufferPointer
    /// The buffer the next block is read into: `carried` bytes of an unfinished line, from file
    /// offset `nextStart`, then (when `isReadingAhead`) the read in flight.
    private var filling: UnsafeMutableRawBufferPointer
    private var nextStart: Int
    private var carried = 0
    private var isReadingAhead = false
    private var readAhead: Result<Int, EventLogError>?
    private let readAheadDone = DispatchSemaphore(value: 0)
    /// A serial queue of the reader's own: its work always gets a thread (it overcommits), so a
    /// reader on a thread of the global pool never waits for a read that waits for that pool.
    private let readAheadQueue = DispatchQueue(label: "transition.log.read-ahead")

    /// Reads the segment at `path` from byte `offset` (the start of a line), `blockBytes` at a time.
    init(path: String, from offset: Int, blockBytes: Int) throws(EventLogError) {
        file = try POSIXFile(path: path, flags: O_RDONLY)
        self.blockBytes = blockBytes
        nextStart = offset
        lent = .allocate(byteCount: blockBytes, alignment: 16)
        filling = .allocate(byteCount: blockBytes, alignment: 16)
    }

    /// The next block of complete lines (ending with a newline) and the file offset of its first
    /// byte; `nil` at the end of the segment.
    func next() throws(EventLogError) -> (lines: UnsafeBufferPointer<UInt8>, offset: Int)? {
        var size = blockBytes
        var count: Int
        if isReadingAhead {
            readAheadDone.wait()
            isReadingAhead = false
            count = try readAhead?.get() ?? 0
            readAhead = nil
        } else {
            count = try read(size)
        }
        while true {
            if count == 0 { return nil }
            let filled = carried + count
            guard let newline = lastNewline(in: filling, count: filled) else {
                // A line longer than the block: read on, in larger blocks, until it ends.
                carried = filled
                size *= 2
                count = try read(size)
                continue
            }
            // The filled buffer is lent; the one lent before takes the unfinished line and the
            // read ahead.
            swap(&lent, &filling)
            let start = nextStart
            let lines = newline + 1
            carried = filled - lines
            nextStart = start + lines
            if filling.count < carried + blockBytes {
                filling.deallocate()
                filling = .allocate(byteCount: carried + blockBytes, alignment: 16)
            }
            if carried > 0, let source = lent.baseAddress, let target = filling.baseAddress {
                target.copyMemory(from: source + lines, byteCount: carried)
            }
            startReadingAhead()
            let bytes = lent.baseAddress.map { UnsafeBufferPointer(start: $0.assumingMemoryBound(to: UInt8.self), count: lines) }
            return (bytes ?? UnsafeBufferPointer(start: nil, count: 0), start)
        }
    }

    /// Waits for a read still in flight and frees the buffers. Call once, when reading ends.
    func finish() {
        if isReadingAhead {
            readAheadDone.wait()
            isReadingAhead = false
        }
        lent.deallocate()
        filling.deallocate()
    }

    /// Reads up to `size` bytes after the carried ones, on this thread, growing the buffer if need be.
    private func read(_ size: Int) throws(EventLogError) -> Int {
        if filling.count < carried + size {
            let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: carried + size, alignment: 16)
            larger.copyMemory(from: UnsafeRawBufferPointer(rebasing: filling[..<carried]))
            filling.deallocate()
            filling = larger
        }
        return try file.read(into: UnsafeMutableRawBufferPointer(rebasing: filling[carried..<(carried + size)]), at: nextStart + carried)
    }

    /// Starts reading the next block into `filling`, after the carried bytes, on another thread.
    private func startReadingAhead() {
        isReadingAhead = true
        let target = UnsafeMutableRawBufferPointer(rebasing: filling[carried..<(carried + blockBytes)])
        let offset = nextStart + carried
        let handed = HandedBuffer(target)
        readAheadQueue.async { [self] in
            readAhead = Result { () throws(EventLogError) in try file.read(into: handed.buffer, at: offset) }
            readAheadDone.signal()
        }
    }

    /// The index of the last newline among the first `count` bytes of `buffer`.
    private func lastNewline(in buffer: UnsafeMutableRawBufferPointer, count: Int) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let bytes = UnsafeBufferPointer(start: base.assumingMemoryBound(to: UInt8.self), count: count)
        return bytes.lastIndex(of: 0x0A)
    }
}

/// The buffer a read ahead fills, handed to the thread that reads it (the only one touching it
/// until the reader waits for the read).
private struct HandedBuffer: @unchecked Sendable {
    let buffer: UnsafeMutableRawBufferPointer
    init(_ buffer: UnsafeMutableRawBufferPointer) { self.buffer = buffer }
}
