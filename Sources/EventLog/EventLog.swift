#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TransitionSupport

/// The append-only, hash-chained event log: a directory of JSON Lines segments.
///
/// Reading never takes a lock and never shows a half-written event or an unfinished batch. Writing
/// (`append`) takes the directory's exclusive lock, repairs a torn tail left by a crash, and returns
/// only after the new events are fsync'ed. Nothing is ever edited or deleted.
public struct EventLog: Sendable {
    public let layout: LogLayout
    public let segmentBytes: Int

    /// The last event's position in the chain.
    public struct Head: Sendable, Hashable, CustomStringConvertible {
        public var sequence: Int
        public var hash: SHA256Digest
        public var recordedAt: Timestamp?

        public init(sequence: Int, hash: SHA256Digest, recordedAt: Timestamp?) {
            self.sequence = sequence
            self.hash = hash
            self.recordedAt = recordedAt
        }

        public static let empty = Head(sequence: 0, hash: EventRecord.genesisHash, recordedAt: nil)

        /// `SEQ:HASH`, the form minuted at a Board meeting and given to `verify --anchor`.
        public var description: String { "\(sequence):\(hash.hex)" }
    }

    /// Creates an empty log at `path` (the directory may exist if it holds no log yet).
    @discardableResult
    public static func create(at path: String, segmentBytes: Int = LogLayout.defaultSegmentBytes) throws(EventLogError) -> EventLog {
        let layout = LogLayout(root: path)
        if POSIXFile.exists(layout.configuration) { throw .alreadyExists(path: layout.root) }
        let previousMask = umask(0o007)
        defer { umask(previousMask) }
        try POSIXFile.makeDirectories(layout.root)
        try POSIXFile.makeDirectory(layout.segmentsDirectory)
        // setgid on the directories keeps new segments in the log's group (mkdir ignores the bit).
        chmod(layout.root, 0o2770)
        chmod(layout.segmentsDirectory, 0o2770)
        do { _ = try POSIXFile(path: layout.lockFile, flags: O_WRONLY | O_CREAT, mode: 0o660) }
        let configuration: JSONObject = [
            "format": .string(LogLayout.format), "segmentBytes": .int(segmentBytes),
        ]
        try POSIXFile.writeAtomically(
            Array(JSONWriter.pretty(.object(configuration)).utf8), to: layout.configuration, directory: layout.root,
            mode: 0o640)
        try POSIXFile.syncDirectory(layout.root)
        return EventLog(layout: layout, segmentBytes: segmentBytes)
    }

    /// Opens an existing log for reading (and, through `append`, writing).
    public static func open(at path: String) throws(EventLogError) -> EventLog {
        let layout = LogLayout(root: path)
        guard POSIXFile.isDirectory(layout.root) else { throw .missingDirectory(path: layout.root) }
        guard POSIXFile.exists(layout.configuration) else { throw .notALog(path: layout.root) }
        let bytes = try POSIXFile(path: layout.configuration, flags: O_RDONLY).readAll()
        guard let configuration = try? JSONParser.parse(bytes),
            configuration["format"]?.stringValue == LogLayout.format
        else {
            throw .corrupt(file: layout.configuration, line: 1, reason: "log.json is not a \(LogLayout.format) configuration")
        }
        let segmentBytes = configuration["segmentBytes"]?.intValue ?? LogLayout.defaultSegmentBytes
        return EventLog(layout: layout, segmentBytes: max(1, segmentBytes))
    }

    /// The segment files in sequence order.
    public func segments() throws(EventLogError) -> [Segment] {
        guard POSIXFile.isDirectory(layout.segmentsDirectory) else { return [] }
        return try POSIXFile.list(layout.segmentsDirectory).compactMap { name in
            LogLayout.firstSequence(ofSegment: name).map {
                Segment(name: name, path: layout.segmentsDirectory + "/" + name, firstSequence: $0)
            }
        }.sorted { $0.firstSequence < $1.firstSequence }
    }

    /// Streams every committed event in order. `body` returns `false` to stop early.
    ///
    /// Events are decoded but their hashes are not re-checked (that is `verify`'s job), so replay runs
    /// at parsing speed. An unfinished batch or torn line at the tail is skipped, never shown.
    public func forEach(_ body: (EventRecord) throws -> Bool) throws {
        try forEachPositioned { record, _ in try body(record) }
    }

    /// All committed events, in order. Prefer `forEach` for large logs.
    public func readAll() throws -> [EventRecord] {
        var records: [EventRecord] = []
        try forEach { record in
            records.append(record)
            return true
        }
        return records
    }

    /// The last committed event's sequence, hash and time, read from the end of the last segment.
    public func head() throws -> Head {
        let all = try segments()
        for segment in all.reversed() {
            if let last = try lastCommitted(in: segment) {
                return Head(sequence: last.sequence, hash: last.hash, recordedAt: last.recordedAt)
            }
        }
        return .empty
    }

    /// The last event of `segment` that is complete and not part of an unfinished batch.
    ///
    /// Reads backwards from the end in growing windows, so finding the head costs one small read
    /// however long the log is.
    func lastCommitted(in segment: Segment) throws -> EventRecord? {
        try committedTail(of: segment).last
    }

    /// The last committed event of `segment` and the byte offset just past it (where the next event
    /// belongs). Bytes beyond that offset are a torn line or an unfinished batch.
    func committedTail(of segment: Segment) throws -> (last: EventRecord?, end: Int, size: Int) {
        let file = try POSIXFile(path: segment.path, flags: O_RDONLY)
        let size = try file.size()
        var window = 64 << 10
        while true {
            let start = max(0, size - window)
            var bytes = [UInt8](repeating: 0, count: size - start)
            let count = try bytes.withUnsafeMutableBytes { try file.read(into: $0, at: start) }
            bytes.removeSubrange(count...)
            var lines: [(range: Range<Int>, offset: Int)] = []
            var lineStart = 0
            if start > 0 {
                guard let firstNewline = bytes.firstIndex(of: 0x0A) else {
                    window *= 4
                    continue
                }
                lineStart = firstNewline + 1
            }
            var index = lineStart
            while index < bytes.count {
                if bytes[index] == 0x0A {
                    lines.append((lineStart..<index, start + lineStart))
                    lineStart = index + 1
                }
                index += 1
            }
            var skipFrom: Int?
            for line in lines.reversed() {
                let record: EventRecord
                do {
                    record = try bytes.withUnsafeBufferPointer { buffer throws(LineDecodingError) in
                        try EventRecord.decode(line: UnsafeBufferPointer(rebasing: buffer[line.range]), checkingHash: false).record
                    }
                } catch {
                    throw EventLogError.corrupt(
                        file: segment.path, line: try LineCounter.lineNumber(atOffset: line.offset, path: segment.path),
                        reason: error.reason)
                }
                if let limit = skipFrom, record.sequence >= limit { continue }
                if let batch = record.batch, record.sequence < batch.last, skipFrom == nil {
                    skipFrom = batch.first
                    continue
                }
                return (record, line.offset + line.range.count + 1, size)
            }
            if start == 0 { return (nil, 0, size) }
            window *= 4
        }
    }
}

/// Turns a byte offset into a 1-based line number, for messages about a damaged line.
enum LineCounter {
    static func lineNumber(atOffset offset: Int, path: String) throws -> Int {
        var newlines = 0
        _ = try LineReader.forEachLine(path: path) { _, _, lineOffset in
            guard lineOffset < offset else { return false }
            newlines += 1
            return true
        }
        return newlines + 1
    }
}
