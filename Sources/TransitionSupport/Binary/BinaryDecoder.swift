/// Reads values written by ``BinaryEncoder``.
///
/// Every length and index is checked against the document, so a truncated or damaged file gives a
/// ``BinaryDecodingError`` (or the `DecodingError` a conformance throws), never a crash; callers that
/// cache derived data treat any error as "rebuild from the source".
public struct BinaryDecoder {
    public init() {}

    /// Decodes `type` from a whole document.
    public func decode<Value: Decodable>(_ type: Value.Type, from bytes: [UInt8]) throws -> Value {
        let source = try BinarySource(bytes)
        let end = try source.end(ofValueAt: source.bodyStart)
        guard end == source.count else {
            throw BinaryDecodingError(offset: end, reason: "\(source.count - end) unexpected bytes after the value")
        }
        return try source.decode(type, at: source.bodyStart)
    }
}

/// The document being read: its bytes, its key table and the primitive readers.
final class BinarySource {
    let storage: UnsafeMutableBufferPointer<UInt8>
    let count: Int
    private(set) var keys: [String] = []
    private(set) var bodyStart = 0

    init(_ bytes: [UInt8]) throws {
        storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = storage.initialize(from: bytes)
        count = bytes.count
        let magic = BinaryFormat.magic
        guard count >= magic.count, Array(storage[0..<magic.count]) == magic else {
            throw BinaryDecodingError(offset: 0, reason: "not a Transition binary document")
        }
        var offset = magic.count
        let keyCount = try varint(at: &offset)
        guard keyCount <= UInt64(count) else { throw BinaryDecodingError(offset: offset, reason: "key table too long") }
        keys.reserveCapacity(Int(keyCount))
        for _ in 0..<keyCount {
            let length = try varint(at: &offset)
            guard length <= UInt64(count - offset) else { throw BinaryDecodingError(offset: offset, reason: "key runs past the end") }
            keys.append(String(decoding: UnsafeBufferPointer(rebasing: storage[offset..<offset + Int(length)]), as: UTF8.self))
            offset += Int(length)
        }
        bodyStart = offset
    }

    deinit { storage.deallocate() }

    @inline(__always)
    func byte(at offset: Int) throws -> UInt8 {
        guard offset >= 0, offset < count else { throw BinaryDecodingError(offset: offset, reason: "unexpected end of document") }
        return storage[offset]
    }

    @inline(__always)
    func tag(at offset: Int) throws -> BinaryFormat.Tag {
        let raw = try byte(at: offset)
        guard let tag = BinaryFormat.Tag(rawValue: raw) else { throw BinaryDecodingError(offset: offset, reason: "unknown tag \(raw)") }
        return tag
    }

    func varint(at offset: inout Int) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte(at: offset)
            offset += 1
            guard shift < 64 else { throw BinaryDecodingError(offset: offset, reason: "integer too long") }
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    func uint32(at offset: Int) throws -> Int {
        guard offset >= 0, offset + 4 <= count else { throw BinaryDecodingError(offset: offset, reason: "unexpected end of document") }
        return Int(storage[offset]) | Int(storage[offset + 1]) << 8 | Int(storage[offset + 2]) << 16 | Int(storage[offset + 3]) << 24
    }

    func fixed64(at offset: Int) throws -> UInt64 {
        guard offset >= 0, offset + 8 <= count else { throw BinaryDecodingError(offset: offset, reason: "unexpected end of document") }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(storage[offset + index]) << (8 * UInt64(index)) }
        return value
    }

    /// The offset just past the value that starts at `offset`, without reading it.
    func end(ofValueAt offset: Int) throws -> Int {
        switch try tag(at: offset) {
        case .null, .false, .true: return offset + 1
        case .signed, .unsigned:
            var cursor = offset + 1
            _ = try varint(at: &cursor)
            return cursor
        case .double: return try checked(offset + 9, from: offset)
        case .float: return try checked(offset + 5, from: offset)
        case .string:
            var cursor = offset + 1
            let length = try varint(at: &cursor)
            guard length <= UInt64(count - cursor) else { throw BinaryDecodingError(offset: offset, reason: "string runs past the end") }
            return cursor + Int(length)
        case .keyed: return try checked(offset + BinaryFormat.keyedHeader + uint32(at: offset + 1), from: offset)
        case .unkeyed: return try checked(offset + BinaryFormat.unkeyedHeader + uint32(at: offset + 1), from: offset)
        }
    }

    private func checked(_ end: Int, from offset: Int) throws -> Int {
        guard end <= count else { throw BinaryDecodingError(offset: offset, reason: "value runs past the end") }
        return end
    }

    func isNil(at offset: Int) throws -> Bool { try tag(at: offset) == .null }

    func bool(at offset: Int) throws -> Bool {
        switch try tag(at: offset) {
        case .true: return true
        case .false: return false
        default: throw mismatch("a Boolean", at: offset)
        }
    }

    func signed(at offset: Int) throws -> Int64 {
        var cursor = offset + 1
        switch try tag(at: offset) {
        case .signed: return BinaryFormat.unzigzag(try varint(at: &cursor))
        case .unsigned:
            let value = try varint(at: &cursor)
            guard value <= UInt64(Int64.max) else { throw mismatch("a signed integer", at: offset) }
            return Int64(value)
        default: throw mismatch("an integer", at: offset)
        }
    }

    func unsigned(at offset: Int) throws -> UInt64 {
        var cursor = offset + 1
        switch try tag(at: offset) {
        case .unsigned: return try varint(at: &cursor)
        case .signed:
            let value = BinaryFormat.unzigzag(try varint(at: &cursor))
            guard value >= 0 else { throw mismatch("an unsigned integer", at: offset) }
            return UInt64(value)
        default: throw mismatch("an integer", at: offset)
        }
    }

    func integer<Value: FixedWidthInteger>(_ type: Value.Type, at offset: Int) throws -> Value {
        let result: Value?
        if Value.isSigned {
            result = Value(exactly: try signed(at: offset))
        } else {
            result = Value(exactly: try unsigned(at: offset))
        }
        guard let result else { throw mismatch("a \(Value.self)", at: offset) }
        return result
    }

    func double(at offset: Int) throws -> Double {
        switch try tag(at: offset) {
        case .double: return Double(bitPattern: try fixed64(at: offset + 1))
        case .float: return Double(try float(at: offset))
        default: throw mismatch("a number", at: offset)
        }
    }

    func float(at offset: Int) throws -> Float {
        guard try tag(at: offset) == .float else { return Float(try double(at: offset)) }
        return Float(bitPattern: UInt32(try uint32(at: offset + 1)))
    }

    func string(at offset: Int) throws -> String {
        guard try tag(at: offset) == .string else { throw mismatch("a string", at: offset) }
        var cursor = offset + 1
        let length = try varint(at: &cursor)
        guard length <= UInt64(count - cursor) else { throw BinaryDecodingError(offset: offset, reason: "string runs past the end") }
        return String(decoding: UnsafeBufferPointer(rebasing: storage[cursor..<cursor + Int(length)]), as: UTF8.self)
    }

    /// The body range of the container at `offset`, checking it is of the expected kind.
    func containerBody(_ expected: BinaryFormat.Tag, at offset: Int) throws -> Range<Int> {
        guard try tag(at: offset) == expected else {
            throw mismatch(expected == .keyed ? "a keyed container" : "a list", at: offset)
        }
        let header = expected == .keyed ? BinaryFormat.keyedHeader : BinaryFormat.unkeyedHeader
        let end = try end(ofValueAt: offset)
        return (offset + header)..<end
    }

    func mismatch(_ expected: String, at offset: Int) -> BinaryDecodingError {
        let found = (try? tag(at: offset)).map { "\($0)" } ?? "nothing"
        return BinaryDecodingError(offset: offset, reason: "expected \(expected), found \(found)")
    }

    /// Decodes the value at `offset`, taking the direct path for the common scalars.
    func decode<Value: Decodable>(_ type: Value.Type, at offset: Int) throws -> Value {
        // The checks compare type identity, so each bit cast is between a type and itself.
        if Value.self == String.self { return unsafeBitCast(try string(at: offset), to: Value.self) }
        if Value.self == Int.self { return unsafeBitCast(try integer(Int.self, at: offset), to: Value.self) }
        if Value.self == Bool.self { return unsafeBitCast(try bool(at: offset), to: Value.self) }
        if Value.self == Double.self { return unsafeBitCast(try double(at: offset), to: Value.self) }
        if Value.self == JSONValue.self { return unsafeBitCast(try json(at: offset), to: Value.self) }
        if Value.self == JSONObject.self { return unsafeBitCast(try object(at: offset), to: Value.self) }
        return try Value(from: BinaryValueDecoder(source: self, offset: offset))
    }

    /// A JSON document written natively by the encoder.
    func json(at offset: Int) throws -> JSONValue {
        switch try tag(at: offset) {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .signed, .unsigned: return .int(try integer(Int.self, at: offset))
        case .double, .float: return .double(try double(at: offset))
        case .string: return .string(try string(at: offset))
        case .unkeyed:
            let body = try containerBody(.unkeyed, at: offset)
            var values: [JSONValue] = []
            values.reserveCapacity(min(try uint32(at: offset + 5), body.count))
            var cursor = body.lowerBound
            while cursor < body.upperBound {
                values.append(try json(at: cursor))
                cursor = try end(ofValueAt: cursor)
            }
            guard cursor == body.upperBound else { throw BinaryDecodingError(offset: cursor, reason: "element runs past its list") }
            return .array(values)
        case .keyed: return .object(try object(at: offset))
        }
    }

    func object(at offset: Int) throws -> JSONObject {
        let body = try containerBody(.keyed, at: offset)
        var members: [JSONObject.Member] = []
        var seen = Set<Int>()
        var cursor = body.lowerBound
        while cursor < body.upperBound {
            let index = try varint(at: &cursor)
            guard index < UInt64(keys.count), seen.insert(Int(index)).inserted else {
                throw BinaryDecodingError(offset: cursor, reason: "unknown or repeated key \(index)")
            }
            members.append(JSONObject.Member(key: keys[Int(index)], value: try json(at: cursor)))
            cursor = try end(ofValueAt: cursor)
        }
        guard cursor == body.upperBound else { throw BinaryDecodingError(offset: cursor, reason: "member runs past its object") }
        return JSONObject(uniqueMembers: members)
    }
}

/// The `Decoder` handed to a value's `init(from:)`.
struct BinaryValueDecoder: Decoder {
    let source: BinarySource
    let offset: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(try BinaryKeyedDecoder<Key>(source: source, body: source.containerBody(.keyed, at: offset)))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try BinaryUnkeyedDecoder(source: source, at: offset)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        BinarySingleValueDecoder(source: source, offset: offset)
    }
}
