/// A hashed collection that the binary encoder writes in a canonical order rather than in its
/// iteration order.
///
/// `Dictionary` and `Set` iterate in an order that depends on the process's random hashing seed
/// (and on each collection's capacity and history), so their standard `Encodable` conformances give
/// different bytes for the same value from one run to the next. Projection snapshots must not: the
/// same log has to give the same snapshot, byte for byte. The layout written is exactly the
/// standard one (a keyed container for `String`, `Int` and `CodingKeyRepresentable` keys, otherwise
/// alternating keys and values), so the standard `Decodable` conformances read it back unchanged.
protocol CanonicallyOrderedEncodable {
    /// Writes the collection as the value at `depth`, its entries in ``CanonicalOrder``.
    func encodeInCanonicalOrder(to sink: BinarySink, depth: Int) throws
}

/// The order the binary encoder writes dictionary entries and set members in.
///
/// `String` keys sort as strings and `Int` keys as numbers; any other key sorts by the bytes of its
/// own binary encoding, which is itself canonical, so nested collections are ordered all the way down.
enum CanonicalOrder {
    static func sorted<Element, Key: Encodable>(_ elements: some Sequence<Element>, by key: (Element) -> Key) throws -> [Element] {
        if Key.self == String.self {
            return elements.sorted { unsafeBitCast(key($0), to: String.self) < unsafeBitCast(key($1), to: String.self) }
        }
        if Key.self == Int.self {
            return elements.sorted { unsafeBitCast(key($0), to: Int.self) < unsafeBitCast(key($1), to: Int.self) }
        }
        let encoder = BinaryEncoder()
        let encoded = try elements.map { (element: $0, bytes: try encoder.encode(key($0))) }
        return encoded.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }.map(\.element)
    }
}

extension Dictionary: CanonicallyOrderedEncodable where Key: Encodable, Value: Encodable {
    func encodeInCanonicalOrder(to sink: BinarySink, depth: Int) throws {
        let entries = try CanonicalOrder.sorted(self) { $0.key }
        if let codingKey = Self.codingKey {
            sink.openContainer(.keyed, depth: depth)
            for entry in entries {
                sink.writeKey(codingKey(entry.key), depth: depth + 1)
                try sink.encode(entry.value, depth: depth + 1)
            }
        } else {
            sink.openContainer(.unkeyed, depth: depth)
            for entry in entries {
                sink.countElement(depth: depth + 1)
                try sink.encode(entry.key, depth: depth + 1)
                sink.countElement(depth: depth + 1)
                try sink.encode(entry.value, depth: depth + 1)
            }
        }
        sink.close(toDepth: depth)
    }

    /// The key the standard conformance files an entry under, when it writes a keyed container.
    private static var codingKey: ((Key) -> BinaryCodingKey)? {
        if Key.self == String.self {
            return { BinaryCodingKey(stringValue: unsafeBitCast($0, to: String.self)) }
        }
        if Key.self == Int.self {
            return { BinaryCodingKey(stringValue: String(unsafeBitCast($0, to: Int.self))) }
        }
        if Key.self is any CodingKeyRepresentable.Type {
            return { key in
                guard let representable = key as? any CodingKeyRepresentable else { return BinaryCodingKey(stringValue: "") }
                return BinaryCodingKey(stringValue: representable.codingKey.stringValue)
            }
        }
        return nil
    }
}

extension Set: CanonicallyOrderedEncodable where Element: Encodable {
    func encodeInCanonicalOrder(to sink: BinarySink, depth: Int) throws {
        sink.openContainer(.unkeyed, depth: depth)
        for member in try CanonicalOrder.sorted(self, by: { $0 }) {
            sink.countElement(depth: depth + 1)
            try sink.encode(member, depth: depth + 1)
        }
        sink.close(toDepth: depth)
    }
}
