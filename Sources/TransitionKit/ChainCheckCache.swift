import Dispatch
import EventLog

/// What a ``Programme``'s last chain check vouched for, kept in memory between its checks, so a
/// process that checks many times (the demo, imports) re-hashes only what was appended since.
///
/// Unlike what is kept on disk (``VerifiedSegmentsStore``), this includes the sound prefix of the
/// segment appends go to (``VerifiedSegments/Tail``): the process walked those bytes itself.
final class ChainCheckCache: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var verified: VerifiedSegments?

    var current: VerifiedSegments? {
        lock.wait()
        defer { lock.signal() }
        return verified
    }

    func update(_ verified: VerifiedSegments) {
        lock.wait()
        defer { lock.signal() }
        self.verified = verified
    }
}
