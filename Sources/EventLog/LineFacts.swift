import TransitionSupport

/// What the chain check needs from one stored line: its place, its links and its own hash check.
///
/// `verify` works on these rather than on `EventRecord`s, so the per-line work (reading and
/// re-hashing) can run on every core while the chain itself is walked in order.
struct LineFacts: Sendable, Equatable {
    var sequence: Int
    /// Whether SHA-256 of the line's body equals its stored `hash`.
    var hashMatches: Bool
    var previousHash: SHA256Digest
    var hash: SHA256Digest
    var recordedAt: Timestamp
    var batch: BatchMarker?
}

/// The verdict on one stored line: an event's facts, or why it cannot be read as an event.
enum LineOutcome: Sendable, Equatable {
    case event(LineFacts)
    case unreadable(reason: String)

    /// Reads and re-hashes one line (without its newline).
    ///
    /// Lines in the exact form the writer produces are read byte by byte (`CanonicalLine`); any
    /// other line goes through `EventRecord.decode`, so every line gets exactly the verdict the full
    /// decoder would give it.
    static func examine(_ line: UnsafeRawBufferPointer) -> LineOutcome {
        if let facts = CanonicalLine.facts(of: line) { return .event(facts) }
        return decoded(line)
    }

    /// The full decoder's verdict on `line` (the reference that the canonical reading must match).
    static func decoded(_ line: UnsafeRawBufferPointer) -> LineOutcome {
        do {
            let (record, hashMatches) = try EventRecord.decode(line: line.assumingMemoryBound(to: UInt8.self), checkingHash: true)
            return .event(
                LineFacts(
                    sequence: record.sequence, hashMatches: hashMatches, previousHash: record.previousHash, hash: record.hash,
                    recordedAt: record.recordedAt, batch: record.batch))
        } catch {
            return .unreadable(reason: error.reason)
        }
    }
}
