#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TransitionSupport

/// Where the next append goes: the last segment, its size, its committed head, and whether bytes
/// after that head (a torn line or an unfinished batch) must be cut off first.
struct AppendPosition {
    var segment: Segment?
    var segmentSize: Int
    var isTorn: Bool
    var head: EventLog.Head
}

extension EventLog {
    /// Reads the end of the last segment once: the committed head and whether a repair is needed.
    ///
    /// Same answer as `head()` and the torn-tail check in `repairTornTail`, but from one listing and
    /// one small read (4 KiB first, growing only while no committed line has been found), and the
    /// lines read byte by byte rather than decoded. O(1) in the log's length.
    func appendPosition() throws -> AppendPosition {
        guard let last = try segments().last else {
            return AppendPosition(segment: nil, segmentSize: 0, isTorn: false, head: .empty)
        }
        let tail = try committedEnd(of: last)
        let head: Head
        if let facts = tail.last {
            head = Head(sequence: facts.sequence, hash: facts.hash, recordedAt: facts.recordedAt)
        } else {
            head = try self.head()  // the last segment holds no committed event: look further back
        }
        return AppendPosition(segment: last, segmentSize: tail.size, isTorn: tail.end < tail.size, head: head)
    }

    /// The last committed line of `segment` and the offset just past it, as `committedTail` finds
    /// them: lines are taken from the end, skipping those of a batch whose last event is missing.
    func committedEnd(of segment: Segment) throws -> (last: LineFacts?, end: Int, size: Int) {
        let file = try POSIXFile(path: segment.path, flags: O_RDONLY)
        let size = try file.size()
        var window = 4 << 10
        while true {
            let start = max(0, size - window)
            var bytes = [UInt8](repeating: 0, count: size - start)
            let count = try bytes.withUnsafeMutableBytes { try file.read(into: $0, at: start) }
            bytes.removeSubrange(count...)
            let found: (facts: LineFacts, end: Int)?? = try bytes.withUnsafeBytes { raw in
                try lastCommittedLine(in: raw, windowStart: start, segment: segment)
            }
            if let found { return (found?.facts, found?.end ?? 0, size) }
            window *= 4
        }
    }

    /// Scans `raw` (the file from `windowStart` on) backwards. Returns `nil` when the window must
    /// grow, `.some(nil)` when the whole file holds no committed line, or the line and its end offset.
    private func lastCommittedLine(
        in raw: UnsafeRawBufferPointer, windowStart: Int, segment: Segment
    ) throws -> (facts: LineFacts, end: Int)?? {
        var firstLineStart = 0
        if windowStart > 0 {
            guard let newline = SegmentExaminer.firstIndex(of: 0x0A, in: raw, from: 0) else { return nil }
            firstLineStart = newline + 1
        }
        // Complete lines end at a newline; bytes after the last newline are not a line.
        var lineEnd = raw.count
        while lineEnd > firstLineStart, raw[lineEnd - 1] != 0x0A { lineEnd -= 1 }
        var skipFrom: Int?
        while lineEnd > firstLineStart {
            let newlineAt = lineEnd - 1
            var lineStart = newlineAt
            while lineStart > firstLineStart, raw[lineStart - 1] != 0x0A { lineStart -= 1 }
            lineEnd = lineStart
            let facts: LineFacts
            switch LineOutcome.examine(UnsafeRawBufferPointer(rebasing: raw[lineStart..<newlineAt])) {
            case .event(let event):
                facts = event
            case .unreadable(let reason):
                throw EventLogError.corrupt(
                    file: segment.path, line: try LineCounter.lineNumber(atOffset: windowStart + lineStart, path: segment.path),
                    reason: reason)
            }
            if let limit = skipFrom, facts.sequence >= limit { continue }
            if let batch = facts.batch, facts.sequence < batch.last, skipFrom == nil {
                skipFrom = batch.first
                continue
            }
            return .some((facts, windowStart + newlineAt + 1))
        }
        return windowStart == 0 ? .some(nil) : nil
    }
}
