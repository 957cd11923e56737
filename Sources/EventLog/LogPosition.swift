import TransitionSupport

/// A place in the log just after one committed event: which event it was and where its line ends.
///
/// Caches derived from the log (the projection snapshot) remember the position they were built at,
/// then resume reading from it with ``EventLog/forEach(after:_:)``, which first checks the event at
/// the position is still there with the same hash, so a cache built from another log, or from a
/// log that was replaced, is never resumed.
public struct LogPosition: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The event's sequence number.
    public var sequence: Int
    /// The event's hash.
    public var hash: SHA256Digest
    /// The first sequence number of the segment holding the event.
    public var segmentFirstSequence: Int
    /// The byte offset just past the event's line (its newline) in that segment.
    public var offset: Int

    public init(sequence: Int, hash: SHA256Digest, segmentFirstSequence: Int, offset: Int) {
        self.sequence = sequence
        self.hash = hash
        self.segmentFirstSequence = segmentFirstSequence
        self.offset = offset
    }

    public var description: String { "\(sequence):\(hash.hex) (segment \(segmentFirstSequence), byte \(offset))" }
}
