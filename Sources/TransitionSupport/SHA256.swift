/// SHA-256 (FIPS 180-4), written here because the product links nothing beyond the Swift toolchain.
///
/// The event log's hash chain and the evidence fingerprints both depend on it, so it is tested
/// against the NIST vectors (including one million 'a') and at every padding boundary. Use
/// `SHA256.hash(_:)` for a whole buffer, or `update(_:)` repeatedly and then `finalize()` to stream a
/// file. Whole blocks are compressed straight from the caller's memory; only a partial block is
/// copied, into a fixed 64-byte buffer inside the value, so hashing never allocates.
public struct SHA256: Sendable {
    private var state = State()
    /// Bytes of a block not yet complete (`pendingCount` of them are valid).
    private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var pendingCount = 0
    private var totalLength: UInt64 = 0

    public init() {}

    /// The digest of `bytes`.
    public static func hash(_ bytes: some Collection<UInt8>) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of raw memory.
    public static func hash(_ buffer: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256()
        hasher.update(buffer)
        return hasher.finalize()
    }

    /// The digest of a string's UTF-8 bytes.
    public static func hash(_ text: String) -> SHA256Digest {
        var copy = text
        return copy.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    /// Feeds more bytes into the hash.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if handled == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { update($0) }
        }
    }

    /// Feeds one byte into the hash.
    public mutating func update(byte: UInt8) {
        withUnsafeBytes(of: byte) { update($0) }
    }

    /// Feeds raw memory into the hash.
    public mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        totalLength &+= UInt64(buffer.count)
        var offset = 0
        if pendingCount > 0 {
            let take = min(64 - pendingCount, buffer.count)
            let start = pendingCount
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress?.advanced(by: start).copyMemory(from: base, byteCount: take)
            }
            pendingCount += take
            offset = take
            guard pendingCount == 64 else { return }
            let block = pending
            withUnsafeBytes(of: block) { raw in
                if let pointer = raw.baseAddress { SHA256.compress(&state, pointer, blockCount: 1) }
            }
            pendingCount = 0
        }
        let wholeBlocks = (buffer.count - offset) / 64
        if wholeBlocks > 0 {
            SHA256.compress(&state, base + offset, blockCount: wholeBlocks)
            offset += wholeBlocks * 64
        }
        let rest = buffer.count - offset
        if rest > 0 {
            withUnsafeMutableBytes(of: &pending) { block in
                block.baseAddress?.copyMemory(from: base + offset, byteCount: rest)
            }
            pendingCount = rest
        }
    }

    /// Pads, processes the final block(s) and returns the digest. The hasher is spent afterwards.
    public mutating func finalize() -> SHA256Digest {
        let bitLength = totalLength &* 8
        // At most two blocks: the pending bytes, 0x80, zeros, and the 64-bit big-endian bit length.
        let count = pendingCount
        let blocks = count < 56 ? 1 : 2
        let block = pending
        withUnsafeTemporaryAllocation(byteCount: 128, alignment: 8) { raw in
            guard let base = raw.baseAddress else { return }
            base.initializeMemory(as: UInt8.self, repeating: 0, count: 128)
            withUnsafeBytes(of: block) { pendingBytes in
                if let source = pendingBytes.baseAddress, count > 0 { base.copyMemory(from: source, byteCount: count) }
            }
            raw[count] = 0x80
            raw.storeBytes(of: bitLength.bigEndian, toByteOffset: blocks * 64 - 8, as: UInt64.self)
            SHA256.compress(&state, UnsafeRawPointer(base), blockCount: blocks)
        }
        pendingCount = 0
        return SHA256Digest(state: state)
    }
}
