/// Writes any `Encodable` value in Transition's compact binary form (see ``BinaryFormat``).
///
/// It exists for local caches that must load fast, such as the projection snapshot kept beside an
/// event log: reading a few megabytes of state this way costs milliseconds where replaying the
/// events behind it costs seconds. It is not an interchange format; anything meant for people or
/// other tools is JSON.
///
/// Each value must ask its encoder for at most one container, which is what synthesised
/// conformances and the standard library's collections do.
public struct BinaryEncoder {
    public init() {}

    /// The document for `value`.
    public func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        let sink = BinarySink()
        try sink.encode(value, depth: 0)
        sink.close(toDepth: 0)
        var document = BinaryFormat.magic
        BinaryFormat.appendVarint(UInt64(sink.keyList.count), to: &document)
        for key in sink.keyList {
            BinaryFormat.appendVarint(UInt64(key.utf8.count), to: &document)
            document.append(contentsOf: key.utf8)
        }
        document.append(contentsOf: sink.bytes)
        return document
    }
}

/// The growing document and the stack of containers still open in it.
///
/// Codable never says when a container is finished, so a container is closed (its length written)
/// as soon as something shallower writes, or at the end of the document.
final class BinarySink {
    var bytes: [UInt8] = []
    var keyIndex: [String: UInt64] = [:]
    var keyList: [String] = []
    /// Offsets of the open containers' tags, outermost first, and their element counts.
    var open: [(offset: Int, count: UInt32)] = []

    init() { bytes.reserveCapacity(1 << 16) }

    @inline(__always)
    func close(toDepth depth: Int) {
        while open.count > depth {
            let container = open.removeLast()
            let isUnkeyed = bytes[container.offset] == BinaryFormat.Tag.unkeyed.rawValue
            let header = isUnkeyed ? BinaryFormat.unkeyedHeader : BinaryFormat.keyedHeader
            BinaryFormat.writeUInt32(UInt32(bytes.count - container.offset - header), into: &bytes, at: container.offset + 1)
            if isUnkeyed { BinaryFormat.writeUInt32(container.count, into: &bytes, at: container.offset + 5) }
        }
    }

    /// Opens a container at `depth` (closing anything deeper first); its contents are at `depth + 1`.
    func openContainer(_ tag: BinaryFormat.Tag, depth: Int) {
        close(toDepth: depth)
        open.append((bytes.count, 0))
        bytes.append(tag.rawValue)
        bytes.append(contentsOf: tag == .unkeyed ? [0, 0, 0, 0, 0, 0, 0, 0] : [0, 0, 0, 0])
    }

    @inline(__always)
    func writeKey(_ key: some CodingKey, depth: Int) {
        close(toDepth: depth)
        let name = key.stringValue
        if let index = keyIndex[name] {
            BinaryFormat.appendVarint(index, to: &bytes)
        } else {
            let index = UInt64(keyList.count)
            keyIndex[name] = index
            keyList.append(name)
            BinaryFormat.appendVarint(index, to: &bytes)
        }
    }

    /// Counts one more element in the unkeyed container at `depth` (1-based level).
    @inline(__always)
    func countElement(depth: Int) {
        close(toDepth: depth)
        open[depth - 1].count += 1
    }

    func writeNil(depth: Int) {
        close(toDepth: depth)
        bytes.append(BinaryFormat.Tag.null.rawValue)
    }

    func write(_ value: Bool, depth: Int) {
        close(toDepth: depth)
        bytes.append(value ? BinaryFormat.Tag.true.rawValue : BinaryFormat.Tag.false.rawValue)
    }

    func write(signed value: Int64, depth: Int) {
        close(toDepth: depth)
        bytes.append(BinaryFormat.Tag.signed.rawValue)
        BinaryFormat.appendVarint(BinaryFormat.zigzag(value), to: &bytes)
    }

    func write(unsigned value: UInt64, depth: Int) {
        close(toDepth: depth)
        bytes.append(BinaryFormat.Tag.unsigned.rawValue)
        BinaryFormat.appendVarint(value, to: &bytes)
    }

    func write(_ value: Double, depth: Int) {
        close(toDepth: depth)
        bytes.append(BinaryFormat.Tag.double.rawValue)
        var bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }

    func write(_ value: Float, depth: Int) {
        close(toDepth: depth)
        bytes.append(BinaryFormat.Tag.float.rawValue)
        var bits = value.bitPattern.littleEndian
        withUnsafeBytes(of: &bits) { bytes.append(contentsOf: $0) }
    }

    func write(_ value: String, depth: Int) {
        close(toDepth: depth)
        bytes.append(BinaryFormat.Tag.string.rawValue)
        var value = value
        value.withUTF8 { utf8 in
            BinaryFormat.appendVarint(UInt64(utf8.count), to: &bytes)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Writes `value` as the next value at `depth`, taking the direct path for the common scalars;
    /// dictionaries and sets are written in ``CanonicalOrder``, so equal values give equal bytes.
    func encode<Value: Encodable>(_ value: Value, depth: Int) throws {
        if Value.self == String.self {
            write(unsafeBitCast(value, to: String.self), depth: depth)
        } else if Value.self == Int.self {
            write(signed: Int64(unsafeBitCast(value, to: Int.self)), depth: depth)
        } else if Value.self == Bool.self {
            write(unsafeBitCast(value, to: Bool.self), depth: depth)
        } else if Value.self == Double.self {
            write(unsafeBitCast(value, to: Double.self), depth: depth)
        } else if Value.self == JSONValue.self {
            write(json: unsafeBitCast(value, to: JSONValue.self), depth: depth)
        } else if Value.self == JSONObject.self {
            write(object: unsafeBitCast(value, to: JSONObject.self), depth: depth)
        } else if let collection = value as? any CanonicallyOrderedEncodable {
            try collection.encodeInCanonicalOrder(to: self, depth: depth)
        } else {
            try value.encode(to: BinaryValueEncoder(sink: self, depth: depth))
        }
    }

    /// JSON documents are written natively (objects as keyed containers, arrays as lists), which
    /// reads back an order of magnitude faster than through their `Codable` form.
    func write(json: JSONValue, depth: Int) {
        switch json {
        case .null: writeNil(depth: depth)
        case .bool(let value): write(value, depth: depth)
        case .int(let value): write(signed: Int64(value), depth: depth)
        case .double(let value): write(value, depth: depth)
        case .string(let value): write(value, depth: depth)
        case .array(let values):
            openContainer(.unkeyed, depth: depth)
            for element in values {
                countElement(depth: depth + 1)
                write(json: element, depth: depth + 1)
            }
            close(toDepth: depth)
        case .object(let object): write(object: object, depth: depth)
        }
    }

    func write(object: JSONObject, depth: Int) {
        openContainer(.keyed, depth: depth)
        for member in object.members {
            writeKey(BinaryCodingKey(stringValue: member.key), depth: depth + 1)
            write(json: member.value, depth: depth + 1)
        }
        close(toDepth: depth)
    }
}

/// The `Encoder` handed to a value's `encode(to:)`.
struct BinaryValueEncoder: Encoder {
    let sink: BinarySink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.openContainer(.keyed, depth: depth)
        return KeyedEncodingContainer(BinaryKeyedEncoder<Key>(sink: sink, depth: depth + 1))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.openContainer(.unkeyed, depth: depth)
        return BinaryUnkeyedEncoder(sink: sink, depth: depth + 1)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        BinarySingleValueEncoder(sink: sink, depth: depth)
    }
}

/// Writes `(key, value)` pairs into an open keyed container.
struct BinaryKeyedEncoder<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: BinarySink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        sink.writeKey(key, depth: depth)
        sink.writeNil(depth: depth)
    }
    mutating func encode(_ value: Bool, forKey key: Key) throws {
        sink.writeKey(key, depth: depth)
        sink.write(value, depth: depth)
    }
    mutating func encode(_ value: String, forKey key: Key) throws {
        sink.writeKey(key, depth: depth)
        sink.write(value, depth: depth)
    }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        sink.writeKey(key, depth: depth)
        sink.write(value, depth: depth)
    }
    mutating func encode(_ value: Float, forKey key: Key) throws {
        sink.writeKey(key, depth: depth)
        sink.write(value, depth: depth)
    }
    mutating func encode(_ value: Int, forKey key: Key) throws {
        sink.writeKey(key, depth: depth)
        sink.write(signed: Int64(value), depth: depth)
    }
    mutating func encode(_ value: Int8, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { try encode(Int(value), forKey: key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws {
        sink.writeKey(key, depth: depth)
        sink.write(signed: value, depth: depth)
    }
    mutating func encode(_ value: UInt, forKey key: Key) throws { try encode(UInt64(value), forKey: key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { try encode(UInt64(value), forKey: key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { try encode(UInt64(value), forKey: key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { try encode(UInt64(value), forKey: key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws {
        sink.writeKey(key, depth: depth)
        sink.write(unsigned: value, depth: depth)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        sink.writeKey(key, depth: depth)
        try sink.encode(value, depth: depth)
    }

    // Absent optionals are written as nil so that a reader walking the keys in order finds every one.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        sink.writeKey(key, depth: depth)
        sink.openContainer(.keyed, depth: depth)
        return KeyedEncodingContainer(BinaryKeyedEncoder<NestedKey>(sink: sink, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        sink.writeKey(key, depth: depth)
        sink.openContainer(.unkeyed, depth: depth)
        return BinaryUnkeyedEncoder(sink: sink, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        sink.writeKey(BinaryCodingKey.superKey, depth: depth)
        return BinaryValueEncoder(sink: sink, depth: depth)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        sink.writeKey(key, depth: depth)
        return BinaryValueEncoder(sink: sink, depth: depth)
    }
}

/// Appends values to an open unkeyed container.
struct BinaryUnkeyedEncoder: UnkeyedEncodingContainer {
    let sink: BinarySink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var count: Int { Int(sink.open.count >= depth ? sink.open[depth - 1].count : 0) }

    mutating func encodeNil() throws {
        sink.countElement(depth: depth)
        sink.writeNil(depth: depth)
    }
    mutating func encode(_ value: Bool) throws {
        sink.countElement(depth: depth)
        sink.write(value, depth: depth)
    }
    mutating func encode(_ value: String) throws {
        sink.countElement(depth: depth)
        sink.write(value, depth: depth)
    }
    mutating func encode(_ value: Double) throws {
        sink.countElement(depth: depth)
        sink.write(value, depth: depth)
    }
    mutating func encode(_ value: Int) throws {
        sink.countElement(depth: depth)
        sink.write(signed: Int64(value), depth: depth)
    }
    mutating func encode<T: Encodable>(_ value: T) throws {
        sink.countElement(depth: depth)
        try sink.encode(value, depth: depth)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        sink.countElement(depth: depth)
        sink.openContainer(.keyed, depth: depth)
        return KeyedEncodingContainer(BinaryKeyedEncoder<NestedKey>(sink: sink, depth: depth + 1))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.countElement(depth: depth)
        sink.openContainer(.unkeyed, depth: depth)
        return BinaryUnkeyedEncoder(sink: sink, depth: depth + 1)
    }

    mutating func superEncoder() -> any Encoder {
        sink.countElement(depth: depth)
        return BinaryValueEncoder(sink: sink, depth: depth)
    }
}

/// Writes the single value of a value that is not a container (a date, an enum's raw value, ...).
struct BinarySingleValueEncoder: SingleValueEncodingContainer {
    let sink: BinarySink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { sink.writeNil(depth: depth) }
    mutating func encode(_ value: Bool) throws { sink.write(value, depth: depth) }
    mutating func encode(_ value: String) throws { sink.write(value, depth: depth) }
    mutating func encode(_ value: Double) throws { sink.write(value, depth: depth) }
    mutating func encode(_ value: Float) throws { sink.write(value, depth: depth) }
    mutating func encode(_ value: Int) throws { sink.write(signed: Int64(value), depth: depth) }
    mutating func encode(_ value: Int8) throws { sink.write(signed: Int64(value), depth: depth) }
    mutating func encode(_ value: Int16) throws { sink.write(signed: Int64(value), depth: depth) }
    mutating func encode(_ value: Int32) throws { sink.write(signed: Int64(value), depth: depth) }
    mutating func encode(_ value: Int64) throws { sink.write(signed: value, depth: depth) }
    mutating func encode(_ value: UInt) throws { sink.write(unsigned: UInt64(value), depth: depth) }
    mutating func encode(_ value: UInt8) throws { sink.write(unsigned: UInt64(value), depth: depth) }
    mutating func encode(_ value: UInt16) throws { sink.write(unsigned: UInt64(value), depth: depth) }
    mutating func encode(_ value: UInt32) throws { sink.write(unsigned: UInt64(value), depth: depth) }
    mutating func encode(_ value: UInt64) throws { sink.write(unsigned: value, depth: depth) }
    mutating func encode<T: Encodable>(_ value: T) throws { try sink.encode(value, depth: depth) }
}

/// The key under which `superEncoder()` / `superDecoder()` store a superclass's part.
struct BinaryCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { Int(stringValue) }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = String(intValue) }
    static let superKey = BinaryCodingKey(stringValue: "super")
}
