import TransitionSupport

/// The sealed segments of a log that a walk of the chain found sound, each with the fingerprint
/// its file had: what ``EventLog/verify(trusting:)`` needs to re-hash only what may have changed.
///
/// Entries run from the first segment without a gap, so each one was walked starting from the
/// end of the one before. The log never stores this: the application keeps it as a cache (a lost
/// or damaged copy only means the next check re-hashes everything).
public struct VerifiedSegments: Sendable, Hashable {
    /// One sealed segment found sound.
    public struct Entry: Sendable, Hashable {
        /// The segment's file name (`0000000000000001.jsonl`).
        public var name: String
        /// The file as it was when it was walked.
        public var fingerprint: SegmentFingerprint
        /// The segment's last event (a batch never spans segments, so the chain is whole there).
        public var last: EventLog.Head

        public init(name: String, fingerprint: SegmentFingerprint, last: EventLog.Head) {
            self.name = name
            self.fingerprint = fingerprint
            self.last = last
        }
    }

    /// A prefix of the segment after the last entry (usually the one appends go to) found sound,
    /// ending on a committed event.
    ///
    /// Appends change a segment's fingerprint, so nothing on disk can vouch for such a prefix: it
    /// is trusted only by the process that walked it (a long-running one checking the chain again
    /// re-hashes only what was appended since), and is never written down.
    public struct Tail: Sendable, Hashable {
        public var name: String
        /// The file walked (appends keep it; a replaced file is walked again).
        public var device: UInt64
        public var inode: UInt64
        /// Bytes and lines of the prefix.
        public var bytes: Int
        public var lines: Int
        /// Its last event.
        public var last: EventLog.Head

        public init(name: String, device: UInt64, inode: UInt64, bytes: Int, lines: Int, last: EventLog.Head) {
            self.name = name
            self.device = device
            self.inode = inode
            self.bytes = bytes
            self.lines = lines
            self.last = last
        }
    }

    public var entries: [Entry]
    public var tail: Tail?

    public init(entries: [Entry] = [], tail: Tail? = nil) {
        self.entries = entries
        self.tail = tail
    }

    /// Nothing verified yet: every segment is walked.
    public static let none = VerifiedSegments()
}

/// The outcome of ``EventLog/verify(trusting:)``.
public struct IncrementalVerification: Sendable, Hashable {
    /// What a full `verify` would report, except that segments whose files are unchanged since
    /// they were found sound are taken as they were (their bytes still count in ``VerificationReport/bytes``).
    public var report: VerificationReport
    /// The sealed segments now known to be sound, to be kept for the next check.
    public var verified: VerifiedSegments
    /// How many bytes were read and re-hashed (the rest was vouched for by ``VerifiedSegments``).
    public var bytesHashed: Int

    /// Whether the failure, if any, is only an unfinished tail: the last line of the last segment
    /// incomplete, or its last batch unfinished. A writer may be in the middle of that append, and
    /// readers never show it, so a reader need not treat it as damage.
    public var failureIsUnfinishedTail: Bool {
        guard let failure = report.failure, failure.kind == .torn else { return false }
        return failure.file == lastSegmentPath
    }

    /// The path of the log's last segment when the check ran.
    var lastSegmentPath: String?
}

extension EventLog {
    /// Checks the whole chain as ``verify(anchor:)`` does, but takes each sealed segment in
    /// `trusted` whose file is unchanged (same name, same ``SegmentFingerprint``) as sound without
    /// reading it again, as long as every segment before it was too. The last segment, which
    /// appends keep changing, is re-hashed (past the prefix in `trusted`'s ``VerifiedSegments/Tail``,
    /// if the caller walked one itself), as is everything after the first segment that has changed.
    ///
    /// A sealed segment's fingerprint is taken before it is read and kept only if it is the same
    /// afterwards, so a file changed during the walk is read again next time. It is kept only once
    /// the file has been left alone for ``fingerprintSettleNanoseconds``, too: file systems stamp
    /// changes with a coarse clock (a few milliseconds, or up to two seconds on some), and an edit
    /// within the same tick as the write before it could otherwise leave the fingerprint as it was.
    ///
    /// - Throws: ``EventLogError`` when the log cannot be read. O(bytes re-hashed).
    public func verify(trusting trusted: VerifiedSegments) throws -> IncrementalVerification {
        try verify(trusting: trusted, settle: Self.fingerprintSettleNanoseconds)
    }

    /// How long a sealed segment must have been left unchanged before its fingerprint is kept.
    public static let fingerprintSettleNanoseconds: Int64 = 3_000_000_000

    /// ``verify(trusting:)`` with the settling time chosen (for tests).
    func verify(trusting trusted: VerifiedSegments, settle: Int64) throws -> IncrementalVerification {
        var state = VerifierState(anchor: nil)
        let all = try segments()
        var verified = VerifiedSegments()
        var hashed = 0
        var trusting = true
        var recording = true
        for (index, segment) in all.enumerated() where state.failure == nil {
            let isSealed = index < all.count - 1
            let fingerprint = try SegmentFingerprint.of(path: segment.path)
            if trusting, isSealed, index < trusted.entries.count, trusted.entries[index].name == segment.name,
                trusted.entries[index].fingerprint == fingerprint
            {
                state.skip(to: trusted.entries[index].last, bytes: fingerprint.size, line: 0)
                verified.entries.append(trusted.entries[index])
                continue
            }
            // The first segment not vouched for: a prefix of it may have been walked before.
            var start = (bytes: 0, lines: 0)
            if trusting, let tail = trusted.tail, index == trusted.entries.count, tail.name == segment.name,
                tail.device == fingerprint.device, tail.inode == fingerprint.inode, tail.bytes <= fingerprint.size
            {
                state.skip(to: tail.last, bytes: tail.bytes, line: tail.lines)
                start = (tail.bytes, tail.lines)
            }
            trusting = false
            let before = state.bytes
            try Self.examine(segment, into: &state, from: start.bytes, firstLine: start.lines + 1, tuning: .standard)
            hashed += state.bytes - before
            // An incomplete last line of the last segment (an append in progress) leaves the rest sound.
            let unfinishedLine = !isSealed && state.failure?.kind == .torn && state.failure?.file == segment.path
            guard recording, state.failure == nil || unfinishedLine else { continue }
            // A sealed segment is kept only when its walk ended sound on a whole batch, the file did
            // not change meanwhile and has settled, and every segment before it was kept.
            if isSealed, state.pendingGap == nil, state.openBatch == nil, try SegmentFingerprint.of(path: segment.path) == fingerprint,
                fingerprint.changed <= SegmentFingerprint.clockNow() - settle
            {
                verified.entries.append(VerifiedSegments.Entry(name: segment.name, fingerprint: fingerprint, last: state.committedHead))
                continue
            }
            recording = false
            // Otherwise the part of it walked sound, through its last committed event, is the tail.
            if state.committedHead.sequence >= segment.firstSequence {
                verified.tail = VerifiedSegments.Tail(
                    name: segment.name, device: fingerprint.device, inode: fingerprint.inode,
                    bytes: state.committedBytes - (before - start.bytes), lines: state.committedLine, last: state.committedHead)
            }
        }
        let report = try report(finishing: &state, segments: all)
        return IncrementalVerification(report: report, verified: verified, bytesHashed: hashed, lastSegmentPath: all.last?.path)
    }
}
