/// Reads `(key, value)` pairs. Keys are expected in the order they were written (which is how
/// synthesised conformances read them), so a look-up is usually one comparison; anything else falls
/// back to a scan of the container.
final class BinaryKeyedDecoder<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let source: BinarySource
    let body: Range<Int>
    /// Where the next key in writing order starts.
    private var cursor: Int
    var codingPath: [any CodingKey] { [] }

    init(source: BinarySource, body: Range<Int>) {
        self.source = source
        self.body = body
        self.cursor = body.lowerBound
    }

    var allKeys: [Key] {
        var keys: [Key] = []
        var offset = body.lowerBound
        while offset < body.upperBound {
            guard let entry = try? entry(at: offset) else { break }
            if let key = Key(stringValue: source.keys[entry.key]) { keys.append(key) }
            guard let next = try? source.end(ofValueAt: entry.value) else { break }
            offset = next
        }
        return keys
    }

    /// The key index and value offset of the entry at `offset`.
    @inline(__always)
    private func entry(at offset: Int) throws -> (key: Int, value: Int) {
        var cursor = offset
        let index = try source.varint(at: &cursor)
        guard index < UInt64(source.keys.count) else { throw BinaryDecodingError(offset: offset, reason: "unknown key \(index)") }
        return (Int(index), cursor)
    }

    /// The offset of the value stored under `key`, if there is one.
    private func find(_ key: Key) throws -> Int? {
        let name = key.stringValue
        if cursor < body.upperBound {
            let next = try entry(at: cursor)
            if source.keys[next.key] == name {
                cursor = try source.end(ofValueAt: next.value)
                return next.value
            }
        }
        var offset = body.lowerBound
        while offset < body.upperBound {
            let candidate = try entry(at: offset)
            let end = try source.end(ofValueAt: candidate.value)
            if source.keys[candidate.key] == name {
                cursor = end
                return candidate.value
            }
            offset = end
        }
        return nil
    }

    private func require(_ key: Key) throws -> Int {
        guard let offset = try find(key) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(codingPath: [], debugDescription: "no value for '\(key.stringValue)'"))
        }
        return offset
    }

    func contains(_ key: Key) -> Bool { (try? find(key)) != nil }

    func decodeNil(forKey key: Key) throws -> Bool { try source.isNil(at: require(key)) }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try source.bool(at: require(key)) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try source.string(at: require(key)) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try source.double(at: require(key)) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try source.float(at: require(key)) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try source.integer(Int.self, at: require(key)) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try source.integer(Int8.self, at: require(key)) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try source.integer(Int16.self, at: require(key)) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try source.integer(Int32.self, at: require(key)) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try source.integer(Int64.self, at: require(key)) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try source.integer(UInt.self, at: require(key)) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try source.integer(UInt8.self, at: require(key)) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try source.integer(UInt16.self, at: require(key)) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try source.integer(UInt32.self, at: require(key)) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try source.integer(UInt64.self, at: require(key)) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try source.decode(type, at: require(key)) }

    private func present(_ key: Key) throws -> Int? {
        guard let offset = try find(key), try !source.isNil(at: offset) else { return nil }
        return offset
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try present(key).map(source.bool(at:)) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try present(key).map(source.string(at:)) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try present(key).map(source.double(at:)) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
        try present(key).map { try source.integer(Int.self, at: $0) }
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        try present(key).map { try source.decode(type, at: $0) }
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try BinaryKeyedDecoder<NestedKey>(source: source, body: source.containerBody(.keyed, at: require(key))))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try BinaryUnkeyedDecoder(source: source, at: require(key))
    }

    func superDecoder() throws -> any Decoder {
        guard let key = Key(stringValue: BinaryCodingKey.superKey.stringValue) else {
            throw BinaryDecodingError(offset: body.lowerBound, reason: "no superclass value")
        }
        return try superDecoder(forKey: key)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        BinaryValueDecoder(source: source, offset: try require(key))
    }
}

/// Reads the elements of a list in order.
struct BinaryUnkeyedDecoder: UnkeyedDecodingContainer {
    let source: BinarySource
    let end: Int
    private var offset: Int
    let count: Int?
    private(set) var currentIndex = 0
    var codingPath: [any CodingKey] { [] }
    var isAtEnd: Bool { offset >= end }

    init(source: BinarySource, at start: Int) throws {
        self.source = source
        let body = try source.containerBody(.unkeyed, at: start)
        end = body.upperBound
        offset = body.lowerBound
        let declared = try source.uint32(at: start + 5)
        // Every element takes at least one byte, so a larger count is damage.
        guard declared <= body.count else { throw BinaryDecodingError(offset: start, reason: "list count exceeds its length") }
        count = declared
    }

    /// The offset of the next element, moving past it.
    private mutating func next() throws -> Int {
        guard offset < end else {
            throw DecodingError.valueNotFound(Any.self, DecodingError.Context(codingPath: [], debugDescription: "list has no more elements"))
        }
        let current = offset
        let following = try source.end(ofValueAt: current)
        guard following <= end else { throw BinaryDecodingError(offset: current, reason: "element runs past its list") }
        offset = following
        currentIndex += 1
        return current
    }

    mutating func decodeNil() throws -> Bool {
        guard offset < end, try source.isNil(at: offset) else { return false }
        _ = try next()
        return true
    }
    mutating func decode(_ type: Bool.Type) throws -> Bool { try source.bool(at: next()) }
    mutating func decode(_ type: String.Type) throws -> String { try source.string(at: next()) }
    mutating func decode(_ type: Double.Type) throws -> Double { try source.double(at: next()) }
    mutating func decode(_ type: Float.Type) throws -> Float { try source.float(at: next()) }
    mutating func decode(_ type: Int.Type) throws -> Int { try source.integer(Int.self, at: next()) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try source.integer(Int8.self, at: next()) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try source.integer(Int16.self, at: next()) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try source.integer(Int32.self, at: next()) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try source.integer(Int64.self, at: next()) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try source.integer(UInt.self, at: next()) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try source.integer(UInt8.self, at: next()) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try source.integer(UInt16.self, at: next()) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try source.integer(UInt32.self, at: next()) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try source.integer(UInt64.self, at: next()) }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.decode(type, at: next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        KeyedDecodingContainer(try BinaryKeyedDecoder<NestedKey>(source: source, body: source.containerBody(.keyed, at: next())))
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try BinaryUnkeyedDecoder(source: source, at: next())
    }

    mutating func superDecoder() throws -> any Decoder {
        BinaryValueDecoder(source: source, offset: try next())
    }
}

/// Reads the single value of a value that is not a container.
struct BinarySingleValueDecoder: SingleValueDecodingContainer {
    let source: BinarySource
    let offset: Int
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { (try? source.isNil(at: offset)) ?? false }
    func decode(_ type: Bool.Type) throws -> Bool { try source.bool(at: offset) }
    func decode(_ type: String.Type) throws -> String { try source.string(at: offset) }
    func decode(_ type: Double.Type) throws -> Double { try source.double(at: offset) }
    func decode(_ type: Float.Type) throws -> Float { try source.float(at: offset) }
    func decode(_ type: Int.Type) throws -> Int { try source.integer(Int.self, at: offset) }
    func decode(_ type: Int8.Type) throws -> Int8 { try source.integer(Int8.self, at: offset) }
    func decode(_ type: Int16.Type) throws -> Int16 { try source.integer(Int16.self, at: offset) }
    func decode(_ type: Int32.Type) throws -> Int32 { try source.integer(Int32.self, at: offset) }
    func decode(_ type: Int64.Type) throws -> Int64 { try source.integer(Int64.self, at: offset) }
    func decode(_ type: UInt.Type) throws -> UInt { try source.integer(UInt.self, at: offset) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try source.integer(UInt8.self, at: offset) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try source.integer(UInt16.self, at: offset) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try source.integer(UInt32.self, at: offset) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try source.integer(UInt64.self, at: offset) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try source.decode(type, at: offset) }
}
