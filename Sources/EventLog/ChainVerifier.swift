import TransitionSupport

extension EventLog {
    /// Walks every segment, re-hashing every line and checking sequence, links, time order and batches.
    ///
    /// Stops at the first failure and classifies it: a changed byte is `modified`; a gap is `missing`;
    /// two events out of order are `reordered`; a line whose sequence was already seen is `inserted`;
    /// a partial final line or an unfinished batch is `torn`.
    ///
    /// Lines are read and re-hashed concurrently, a window at a time (`SegmentExaminer`), and the
    /// chain is then walked in order over those verdicts, so the first failure reported is the same as
    /// a one-line-at-a-time walk would report. O(n) in bytes; memory O(1) in the log's size.
    public func verify(anchor: Anchor? = nil) throws -> VerificationReport {
        try verify(anchor: anchor, tuning: .standard)
    }

    /// `verify` with the examiner's window, parallelism and fast reading chosen (for tests).
    func verify(anchor: Anchor?, tuning: SegmentExaminer.Tuning) throws -> VerificationReport {
        var state = VerifierState(anchor: anchor)
        let all = try segments()
        for segment in all where state.failure == nil {
            try Self.examine(segment, into: &state, tuning: tuning)
        }
        return try report(finishing: &state, segments: all)
    }

    /// Walks `segment`'s lines into `state`, stopping at the first failure; from byte `offset`,
    /// the start of line `firstLine`, when a prefix was walked before.
    static func examine(
        _ segment: Segment, into state: inout VerifierState, from offset: Int = 0, firstLine: Int = 1, tuning: SegmentExaminer.Tuning
    ) throws(EventLogError) {
        let summary = try SegmentExaminer.forEachLine(path: segment.path, from: offset, firstLine: firstLine, tuning: tuning) {
            outcome, length, lineNumber in
            state.bytes += length + 1
            state.visit(outcome, file: segment.path, lineNumber: lineNumber)
            return state.failure == nil
        }
        if state.failure == nil, summary.trailingBytes > 0 {
            state.resolvePendingGap()
            if state.failure == nil {
                state.failure = VerificationFailure(
                    kind: .torn, sequence: state.expected, file: segment.path, line: summary.lines + 1,
                    detail: "the last line is incomplete (\(summary.trailingBytes) bytes, no newline): an append was interrupted before it was acknowledged; opening the log for writing cuts it off and records a repair")
            }
        }
    }

    /// The report of a walk over `all` that ended in `state`.
    func report(finishing state: inout VerifierState, segments all: [Segment]) throws -> VerificationReport {
        state.finish(lastFile: all.last?.path ?? layout.segmentsDirectory)
        return VerificationReport(
            eventCount: state.expected - 1 - state.openBatchCount, head: state.committedHead, bytes: state.bytes,
            segmentCount: all.count, failure: state.failure, anchorChecked: state.anchor, repairs: try repairs())
    }
}

/// The verifier's running state: the chain so far and a one-line lookahead for telling gaps from swaps.
struct VerifierState {
    let anchor: Anchor?
    var expected = 1
    var previousHash = EventRecord.genesisHash
    var previousTime: Timestamp?
    var failure: VerificationFailure?
    var bytes = 0
    var head = EventLog.Head.empty
    var committedHead = EventLog.Head.empty
    /// ``bytes`` just past the committed head's line, and that line's number in its segment.
    var committedBytes = 0
    var committedLine = 0
    var openBatch: (marker: BatchMarker, file: String, line: Int)?
    var openBatchCount = 0
    var anchorSeen = false
    /// A sequence jump waiting for the next line, which tells a missing event from a swap.
    var pendingGap: (found: Int, file: String, line: Int)?

    init(anchor: Anchor?) { self.anchor = anchor }

    /// Takes the chain as verified through `head`, committed at the end of line `line` and `bytes`
    /// into a segment verified before, as if those lines had just been walked (a walk without an
    /// anchor).
    mutating func skip(to head: EventLog.Head, bytes: Int, line: Int) {
        expected = head.sequence + 1
        previousHash = head.hash
        previousTime = head.recordedAt
        self.head = head
        committedHead = head
        self.bytes += bytes
        committedBytes = self.bytes
        committedLine = line
    }

    mutating func visit(_ outcome: LineOutcome, file: String, lineNumber: Int) {
        let record: LineFacts
        switch outcome {
        case .event(let facts):
            record = facts
        case .unreadable(let reason):
            resolvePendingGap()
            if failure == nil {
                failure = VerificationFailure(
                    kind: .modified, sequence: expected, file: file, line: lineNumber,
                    detail: "the line cannot be read as an event (\(reason)); it was altered")
            }
            return
        }
        if let gap = pendingGap {
            pendingGap = nil
            if record.sequence == expected {
                failure = VerificationFailure(
                    kind: .reordered, sequence: expected, file: gap.file, line: gap.line,
                    detail: "event \(gap.found) is stored before event \(expected): events were swapped or moved")
            } else {
                failure = missing(found: gap.found, file: gap.file, line: gap.line)
            }
            return
        }
        if record.sequence > expected {
            pendingGap = (record.sequence, file, lineNumber)
            return
        }
        if record.sequence < expected {
            failure = VerificationFailure(
                kind: .inserted, sequence: record.sequence, file: file, line: lineNumber,
                detail: "a second event with sequence \(record.sequence) appears where \(expected) belongs: an event was inserted or duplicated")
            return
        }
        guard record.hashMatches else {
            failure = VerificationFailure(
                kind: .modified, sequence: record.sequence, file: file, line: lineNumber,
                detail: "the stored hash does not match the event's content: the event was altered after it was recorded")
            return
        }
        guard record.previousHash == previousHash else {
            failure = VerificationFailure(
                kind: .modified, sequence: max(1, record.sequence - 1), file: file,
                line: max(1, lineNumber - 1),
                detail: "event \(record.sequence) links to a predecessor hash that is not event \(record.sequence - 1)'s: event \(record.sequence - 1) was altered and re-hashed, or replaced")
            return
        }
        if let previousTime, record.recordedAt < previousTime {
            failure = VerificationFailure(
                kind: .modified, sequence: record.sequence, file: file, line: lineNumber,
                detail: "recordedAt \(record.recordedAt) is earlier than the previous event's \(previousTime): recorded times never go backwards")
            return
        }
        if let batch = record.batch {
            if record.sequence == batch.first {
                if batch.size > 1 { openBatch = (batch, file, lineNumber) }
            } else if openBatch?.marker != batch {
                failure = VerificationFailure(
                    kind: .modified, sequence: record.sequence, file: file, line: lineNumber,
                    detail: "the event claims to belong to a batch starting at \(batch.first) that is not open here")
                return
            }
            if record.sequence == batch.last { openBatch = nil }
        } else if let open = openBatch {
            failure = VerificationFailure(
                kind: .missing, sequence: record.sequence, file: open.file, line: open.line,
                detail: "the batch of \(open.marker.size) starting at \(open.marker.first) ends early: events of it were removed")
            return
        }
        if let anchor, anchor.sequence == record.sequence {
            anchorSeen = true
            if record.hash != anchor.hash {
                failure = VerificationFailure(
                    kind: .anchor, sequence: record.sequence, file: file, line: lineNumber,
                    detail: "the log's event \(record.sequence) hashes to \(record.hash.hex), not the anchored \(anchor.hash.hex): the log was rewritten at or before sequence \(record.sequence)")
                return
            }
        }
        previousHash = record.hash
        previousTime = record.recordedAt
        head = EventLog.Head(sequence: record.sequence, hash: record.hash, recordedAt: record.recordedAt)
        if openBatch == nil {
            committedHead = head
            committedBytes = bytes
            committedLine = lineNumber
        }
        expected += 1
    }

    func missing(found: Int, file: String, line: Int) -> VerificationFailure {
        let gap = found - expected == 1 ? "event \(expected) is" : "events \(expected)–\(found - 1) are"
        return VerificationFailure(
            kind: .missing, sequence: expected, file: file, line: line,
            detail: "\(gap) missing: the next stored event is \(found)")
    }

    mutating func resolvePendingGap() {
        if let gap = pendingGap {
            pendingGap = nil
            failure = missing(found: gap.found, file: gap.file, line: gap.line)
        }
    }

    mutating func finish(lastFile: String) {
        resolvePendingGap()
        guard failure == nil else { return }
        if let open = openBatch {
            openBatchCount = expected - open.marker.first
            failure = VerificationFailure(
                kind: .torn, sequence: open.marker.first, file: open.file, line: open.line,
                detail: "the final batch of \(open.marker.size) events is incomplete (\(openBatchCount) stored): it was never acknowledged; opening the log for writing cuts it off and records a repair")
            return
        }
        if let anchor, !anchorSeen {
            failure = VerificationFailure(
                kind: .anchor, sequence: anchor.sequence, file: lastFile, line: 0,
                detail: "the log holds only \(expected - 1) events but the anchor refers to sequence \(anchor.sequence): events were removed")
        }
    }
}
