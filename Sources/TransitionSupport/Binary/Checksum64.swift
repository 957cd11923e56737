/// A fast 64-bit checksum for detecting accidental damage to cached files (not an integrity proof:
/// the event log's hash chain, with SHA-256, is that).
///
/// Reads eight bytes at a time and mixes each word with a multiply and shift, so a few megabytes cost
/// about a millisecond; any change of one or a few bytes changes the result.
public enum Checksum64 {
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash: UInt64 = prime ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            index += 8
        }
        while index < bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* prime
            hash ^= hash >> 31
            index += 1
        }
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash
    }

    public static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { of($0) }
    }
}
