#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TransitionSupport

/// How an append should check the log before writing.
public struct AppendOptions: Sendable {
    /// Refuse unless the log currently ends at this sequence number (optimistic concurrency).
    public var expectedSequence: Int?
    /// Refuse unless each entity currently has this many events (per-entity optimistic concurrency).
    public var expectedEntityVersions: [String: Int]
    /// Seconds to wait for another writer's lock before failing.
    public var lockTimeout: Double
    /// The clock used for `recordedAt` when an event does not carry one.
    public var now: @Sendable () -> Timestamp

    public init(
        expectedSequence: Int? = nil, expectedEntityVersions: [String: Int] = [:], lockTimeout: Double = 10,
        now: @escaping @Sendable () -> Timestamp = { Timestamp.now() }
    ) {
        self.expectedSequence = expectedSequence
        self.expectedEntityVersions = expectedEntityVersions
        self.lockTimeout = lockTimeout
        self.now = now
    }
}

/// What an append did.
public struct AppendResult: Sendable {
    /// The events written, with their sequence numbers and hashes.
    public var appended: [EventRecord]
    /// Events whose id was already recorded with identical content: accepted as no-ops.
    public var alreadyRecorded: [EventRecord]
    /// Torn tails cut off before appending (crash recovery).
    public var repairs: [RepairRecord]
    /// The log's head after the append.
    public var head: EventLog.Head
}

extension EventLog {
    /// Appends `events` atomically (one write, one fsync) and returns once they are on disk.
    public func append(_ events: [ProposedEvent], options: AppendOptions = AppendOptions()) throws -> AppendResult {
        try append(options: options) { _ in events }
    }

    /// Appends the events `prepare` builds while the writer's lock is held.
    ///
    /// `prepare` sees the committed head and may refuse by throwing (rules are checked here, so two
    /// writers can never both pass a check against the same state). Nothing is written when it throws.
    public func append(options: AppendOptions = AppendOptions(), prepare: (Head) throws -> [ProposedEvent]) throws -> AppendResult {
        for path in [layout.root, layout.segmentsDirectory, layout.lockFile] where !POSIXFile.isWritable(path) {
            throw POSIXFile.writeRefusal(path)
        }
        let lock = try POSIXFile(path: layout.lockFile, flags: O_RDWR)
        try lock.lockExclusively(timeout: options.lockTimeout)
        var position = try appendPosition()
        var repairs: [RepairRecord] = []
        if position.isTorn {
            repairs = try repairTornTail(now: options.now())
            position = try appendPosition()
        }
        let head = position.head
        let proposed = try prepare(head)
        guard !proposed.isEmpty else { throw EventLogError.emptyBatch }
        if let expected = options.expectedSequence, expected != head.sequence {
            throw EventLogError.sequenceMismatch(expected: expected, actual: head.sequence)
        }
        for (entity, expected) in options.expectedEntityVersions.sorted(by: { $0.key < $1.key }) {
            let actual = try version(ofEntity: entity)
            if actual != expected { throw EventLogError.entityVersionMismatch(entity: entity, expected: expected, actual: actual) }
        }
        let (fresh, duplicates) = try separateDuplicates(proposed)
        guard !fresh.isEmpty else {
            return AppendResult(appended: [], alreadyRecorded: duplicates, repairs: repairs, head: head)
        }
        let sealed = try seal(fresh, after: head, now: options.now())
        try write(sealed.lines, firstSequence: head.sequence + 1, at: position)
        let last = sealed.records[sealed.records.count - 1]
        return AppendResult(
            appended: sealed.records, alreadyRecorded: duplicates, repairs: repairs,
            head: Head(sequence: last.sequence, hash: last.hash, recordedAt: last.recordedAt))
    }

    /// Gives each event its sequence, time, id and place in the chain, and encodes the batch's lines.
    ///
    /// Every line is written into one buffer and hashed where it lies, so a batch costs one
    /// allocation for its bytes (plus the records handed back to the caller).
    private func seal(_ events: [ProposedEvent], after head: Head, now: Timestamp) throws -> (records: [EventRecord], lines: [UInt8]) {
        var records: [EventRecord] = []
        records.reserveCapacity(events.count)
        var lines: [UInt8] = []
        lines.reserveCapacity(events.count * 512)
        var freshIDs = UUIDs.random(count: events.count { $0.id == nil })[...]
        var previous = head.hash
        var floor = head.recordedAt ?? Timestamp(millisecondsSinceEpoch: Int64.min)
        let clock = max(now, floor)
        let batch = events.count > 1 ? BatchMarker(first: head.sequence + 1, size: events.count) : nil
        for (index, event) in events.enumerated() {
            guard !event.type.isEmpty else { throw EventLogError.invalidEvent(index: index, reason: "\"type\" is empty") }
            guard !event.actor.isEmpty else { throw EventLogError.invalidEvent(index: index, reason: "\"actor\" is empty") }
            let recordedAt = event.recordedAt ?? clock
            if recordedAt < floor {
                throw EventLogError.clockBehindLog(proposed: recordedAt.description, head: floor.description)
            }
            floor = recordedAt
            let id = event.id ?? freshIDs.popFirst() ?? UUIDs.random()
            var record = EventRecord(
                sequence: head.sequence + index + 1, id: id, type: event.type,
                schema: event.schema, recordedAt: recordedAt, effective: event.effective ?? recordedAt.date,
                actor: event.actor, role: event.role, entity: event.entity, reason: event.reason,
                evidence: event.evidence, data: event.data, system: event.system, signature: event.signature,
                batch: batch, previousHash: previous, hash: EventRecord.genesisHash)
            record.hash = EventRecord.writeLine(of: record, into: &lines)
            previous = record.hash
            records.append(record)
        }
        return (records, lines)
    }

    /// Writes a batch's lines to the current segment (or a new one) with one write and one fsync.
    /// On failure the segment is cut back to its previous length, so the log is unchanged.
    private func write(_ bytes: [UInt8], firstSequence: Int, at position: AppendPosition) throws {
        let segmentPath: String
        let createdSegment: Bool
        if let current = position.segment, position.segmentSize < segmentBytes {
            segmentPath = current.path
            createdSegment = false
        } else {
            segmentPath = layout.segmentPath(first: firstSequence)
            createdSegment = true
        }
        let file = try POSIXFile(path: segmentPath, flags: O_WRONLY | O_CREAT | O_APPEND, mode: 0o660)
        if createdSegment { try POSIXFile.syncDirectory(layout.segmentsDirectory) }
        let originalSize = try file.size()
        do {
            try file.writeAll(bytes)
            try file.sync()
        } catch {
            try? file.truncate(to: originalSize)
            try? file.sync()
            throw error
        }
    }

    /// Splits proposed events into new ones and identical re-appends of recorded ids; refuses an id
    /// recorded with different content.
    private func separateDuplicates(_ events: [ProposedEvent]) throws -> (fresh: [ProposedEvent], duplicates: [EventRecord]) {
        let ids = events.compactMap(\.id)
        guard !ids.isEmpty else { return (events, []) }
        var seen = Set<String>()
        for id in ids where !seen.insert(id).inserted { throw EventLogError.duplicateIDInBatch(id: id) }
        let existing = try records(withIDs: Set(ids))
        guard !existing.isEmpty else { return (events, []) }
        var fresh: [ProposedEvent] = []
        var duplicates: [EventRecord] = []
        for event in events {
            guard let id = event.id, let recorded = existing[id] else {
                fresh.append(event)
                continue
            }
            var comparable = event
            if comparable.effective == nil { comparable.effective = recorded.effective }
            guard recorded.content.signingBytes == comparable.signingBytes else {
                throw EventLogError.idempotencyConflict(id: id, sequence: recorded.sequence)
            }
            duplicates.append(recorded)
        }
        return (fresh, duplicates)
    }

    /// Committed events whose id is in `ids`, found by a byte search before decoding.
    ///
    /// One pass over the log whatever the number of ids: each line is searched once for `,"id":`
    /// and the string after it looked up in a set (`FieldValueMatcher`).
    public func records(withIDs ids: Set<String>) throws -> [String: EventRecord] {
        let matcher = FieldValueMatcher(field: ",\"id\":", values: ids)
        var found: [String: EventRecord] = [:]
        try scanLines(matching: matcher) { record in
            if ids.contains(record.id) { found[record.id] = record }
        }
        return found
    }

    /// The number of committed events whose `entity` is `entity`.
    public func version(ofEntity entity: String) throws -> Int {
        let matcher = FieldValueMatcher(field: ",\"entity\":", values: [entity])
        var count = 0
        try scanLines(matching: matcher) { record in
            if record.entity == entity { count += 1 }
        }
        return count
    }

    /// Decodes only the committed lines in which `matcher` finds one of its values.
    private func scanLines(matching matcher: FieldValueMatcher, _ body: (EventRecord) -> Void) throws {
        let head = try self.head()
        for segment in try segments() where segment.firstSequence <= head.sequence {
            _ = try LineReader.forEachLine(path: segment.path) { line, lineNumber, _ in
                guard matcher.matches(line) else { return true }
                do {
                    let record = try EventRecord.decode(line: line, checkingHash: false).record
                    if record.sequence <= head.sequence { body(record) }
                } catch {
                    throw EventLogError.corrupt(file: segment.path, line: lineNumber, reason: "\(error)")
                }
                return true
            }
        }
    }
}
