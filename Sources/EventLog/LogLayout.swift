import TransitionSupport

/// Where the parts of a log directory live, and the settings stored in its `log.json`.
///
/// ```
/// EventLog/
///   log.json            format and segment size (written once by `init`)
///   segments/           0000000000000001.jsonl, ... named by their first sequence number
///   .lock               flock target for the single writer (never deleted)
///   repairs.jsonl       torn tails cut off on open, with the bytes removed
///   snapshots/          caches the application derives from the events (never read by the log,
///                       always safe to delete; see `LogPosition`)
/// ```
public struct LogLayout: Sendable, Hashable {
    public static let format = "transition.eventlog/1"
    public static let defaultSegmentBytes = 64 << 20

    public let root: String

    public init(root: String) {
        var trimmed = root
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        self.root = trimmed
    }

    public var configuration: String { root + "/log.json" }
    public var segmentsDirectory: String { root + "/segments" }
    public var lockFile: String { root + "/.lock" }
    public var repairsFile: String { root + "/repairs.jsonl" }

    /// The file name of the segment whose first event has sequence `first`.
    public static func segmentName(first: Int) -> String {
        let digits = String(first)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits + ".jsonl"
    }

    public func segmentPath(first: Int) -> String { segmentsDirectory + "/" + LogLayout.segmentName(first: first) }

    /// The first sequence number encoded in a segment file name, or `nil` for other files.
    public static func firstSequence(ofSegment name: String) -> Int? {
        guard name.hasSuffix(".jsonl"), name.count == 22 else { return nil }
        return Int(name.prefix(16))
    }
}

/// A segment file and the sequence number its first event must carry.
public struct Segment: Sendable, Hashable {
    public var name: String
    public var path: String
    public var firstSequence: Int
}
