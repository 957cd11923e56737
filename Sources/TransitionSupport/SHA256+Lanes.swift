/// Several independent messages hashed side by side, one per SIMD lane.
///
/// SHA-256 of one message is a chain of dependent rounds, so hashing a single message leaves most of
/// a core's vector width idle. With one message per lane of a `SIMD` vector, each instruction advances
/// all of them: `verify` re-hashes hundreds of thousands of independent lines, which is exactly that
/// shape. Messages of any lengths share the lanes; when one ends, the next message takes its lane.
/// The digests are those of `SHA256.hash` (`SHA256LanesTests` compares the two on every length).
extension SHA256 {
    /// One message for `digests(of:)`: `count` bytes at `start`, then `trailingByte` if there is one.
    ///
    /// The memory must stay valid and unchanged until `digests(of:)` returns.
    public struct LaneMessage {
        public var start: UnsafeRawPointer
        public var count: Int
        public var trailingByte: UInt8?

        public init(start: UnsafeRawPointer, count: Int, trailingByte: UInt8? = nil) {
            self.start = start
            self.count = count
            self.trailingByte = trailingByte
        }
    }

    /// The digest of each message, in order; the same as hashing each with `SHA256.hash`.
    public static func digests(of messages: [LaneMessage]) -> [SHA256Digest] {
        guard !messages.isEmpty else { return [] }
        return [SHA256Digest](unsafeUninitializedCapacity: messages.count) { output, initialized in
            messages.withUnsafeBufferPointer { input in
                var feeder = LaneFeeder(messages: input, output: output)
                feeder.run()
            }
            initialized = messages.count
        }
    }
}
