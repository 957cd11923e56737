/// The byte layout shared by ``BinaryEncoder`` and ``BinaryDecoder``.
///
/// A document is a key table followed by one value. The key table is a varint count and that many
/// length-prefixed UTF-8 strings; keys inside containers refer to it by index, so a field name costs
/// one byte however often it repeats. Every value starts with a tag:
///
/// | tag | value |
/// |-----|-------|
/// | 0 | nil |
/// | 1, 2 | false, true |
/// | 3 | signed integer, zig-zag varint |
/// | 4 | unsigned integer, varint |
/// | 5 | `Double`, 8 bytes little-endian |
/// | 6 | `Float`, 4 bytes little-endian |
/// | 7 | string: varint byte count, UTF-8 |
/// | 8 | keyed container: u32 body length, then (varint key index, value) pairs |
/// | 9 | unkeyed container: u32 body length, u32 element count, then the values |
///
/// Containers carry their length so that a reader can step over a value it does not want without
/// reading it, which keeps look-ups by key and `allKeys` cheap.
enum BinaryFormat {
    static let magic: [UInt8] = Array("TRNBIN1\n".utf8)

    enum Tag: UInt8 {
        case null = 0
        case `false` = 1
        case `true` = 2
        case signed = 3
        case unsigned = 4
        case double = 5
        case float = 6
        case string = 7
        case keyed = 8
        case unkeyed = 9
    }

    /// Bytes before a keyed container's body: tag and u32 length.
    static let keyedHeader = 5
    /// Bytes before an unkeyed container's body: tag, u32 length and u32 count.
    static let unkeyedHeader = 9

    @inline(__always)
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    @inline(__always)
    static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }

    @inline(__always)
    static func unzigzag(_ value: UInt64) -> Int64 {
        Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
    }

    static func writeUInt32(_ value: UInt32, into bytes: inout [UInt8], at offset: Int) {
        bytes[offset] = UInt8(truncatingIfNeeded: value)
        bytes[offset + 1] = UInt8(truncatingIfNeeded: value >> 8)
        bytes[offset + 2] = UInt8(truncatingIfNeeded: value >> 16)
        bytes[offset + 3] = UInt8(truncatingIfNeeded: value >> 24)
    }
}

/// Why a ``BinaryDecoder`` could not read a document.
public struct BinaryDecodingError: Error, Sendable, CustomStringConvertible {
    public var offset: Int
    public var reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "binary document unreadable at byte \(offset): \(reason)" }
}

/// Why a ``BinaryEncoder`` could not write a value.
public struct BinaryEncodingError: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { "value cannot be written in binary form: \(reason)" }
}
