/// Reads the SSH wire encoding (RFC 4251: big-endian `uint32` and length-prefixed `string`).
///
/// Only used to look inside signatures and public keys for who signed and for what; no
/// cryptography is done here, ssh-keygen does all of it.
struct SSHWireReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { offset == bytes.count }

    /// The next `count` bytes, or nil if fewer remain.
    mutating func readBytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, bytes.count - offset >= count else { return nil }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    /// The next big-endian `uint32`, or nil if fewer than four bytes remain.
    mutating func readUInt32() -> UInt32? {
        guard let raw = readBytes(4) else { return nil }
        return raw.reduce(0) { ($0 << 8) | UInt32($1) }
    }

    /// The next length-prefixed `string` as raw bytes, or nil if truncated.
    mutating func readString() -> [UInt8]? {
        guard let length = readUInt32(), let count = Int(exactly: length) else { return nil }
        return readBytes(count)
    }

    /// The next length-prefixed `string` as UTF-8 text, or nil if truncated or not UTF-8.
    mutating func readText() -> String? {
        guard let raw = readString() else { return nil }
        return String(validating: raw, as: UTF8.self)
    }
}
