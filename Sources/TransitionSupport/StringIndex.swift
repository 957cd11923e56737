/// Id -> position in a list of ids, the first occurrence winning, with the semantics of
/// `[String: Int]` and a cheaper hash.
///
/// Resolving ids dominates compiling a large schedule network (one insertion per task, one look-up
/// per link) and looking up every replayed event's type, and `Hasher` (SipHash) costs more there
/// than the rest of the work together. When every id is
/// ASCII, ids are hashed here from their UTF-8 bytes into an open-addressing table; two ASCII
/// strings are equal exactly when their bytes are. A key that is not ASCII may still equal an ASCII
/// id under Unicode canonical equivalence (U+212A KELVIN SIGN is "K"), so such a key is compared
/// with `==` against every id in order. When some id is not ASCII the index is a plain dictionary.
public struct StringIndex: Sendable {
    /// The ids, in the order given (duplicates included).
    public let ids: [String]
    /// Open-addressing slots: 0 when empty, else the hash's top 32 bits over `position + 1`.
    @usableFromInline let table: [UInt64]
    @usableFromInline let mask: Int
    /// Used instead of `table` when some id is not ASCII.
    @usableFromInline let dictionary: [String: Int]?
    /// The first position whose id repeats an earlier one, if any.
    public let firstDuplicate: Int?

    /// Indexes `ids`. O(n) expected.
    public init(_ ids: [String]) {
        self.ids = ids
        var duplicate: Int?
        var capacity = 16
        while capacity < 2 * ids.count { capacity *= 2 }
        let mask = capacity - 1
        var table = [UInt64](repeating: 0, count: capacity)
        var allASCII = true
        table.withUnsafeMutableBufferPointer { slots in
            ids.withUnsafeBufferPointer { names in
                for position in 0 ..< names.count {
                    let key = names[position]
                    let (hash, isASCII) = Self.hash(key)
                    guard isASCII else {
                        allASCII = false
                        return
                    }
                    let fingerprint = hash & 0xFFFF_FFFF_0000_0000
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while true {
                        let entry = slots[slot]
                        if entry == 0 {
                            slots[slot] = fingerprint | UInt64(position + 1)
                            break
                        }
                        if entry & 0xFFFF_FFFF_0000_0000 == fingerprint,
                            names[Int(entry & 0xFFFF_FFFF) - 1] == key
                        {
                            if duplicate == nil { duplicate = position }
                            break
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        self.mask = mask
        if allASCII {
            self.table = table
            dictionary = nil
            firstDuplicate = duplicate
        } else {
            var positions: [String: Int] = [:]
            positions.reserveCapacity(ids.count)
            var duplicate: Int?
            for (position, id) in ids.enumerated() {
                if positions[id] == nil {
                    positions[id] = position
                } else if duplicate == nil {
                    duplicate = position
                }
            }
            self.table = []
            dictionary = positions
            firstDuplicate = duplicate
        }
    }

    public var count: Int { ids.count }

    /// The position of the first id that equals `key`. O(1) expected; O(n) for a key that is
    /// not ASCII when every id is.
    @inlinable
    public func position(of key: String) -> Int? {
        if let dictionary { return dictionary[key] }
        let (hash, isASCII) = Self.hash(key)
        guard isASCII else { return ids.firstIndex(of: key) }
        return probe(hash) { $0 == key }
    }

    /// The position of the first id whose UTF-8 bytes are `bytes`, as ``position(of:)`` would
    /// give for the string they spell; for ASCII bytes, no `String` is made. O(1) expected.
    @inlinable
    public func position(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let (hash, isASCII) = Self.hash(bytes: bytes)
        guard dictionary == nil, isASCII else { return position(of: String(decoding: bytes, as: UTF8.self)) }
        return probe(hash) { Self.utf8(of: $0, equals: bytes) }
    }

    /// The first position, along `hash`'s probe sequence in the table, whose id `matches`.
    @inlinable @inline(__always)
    func probe(_ hash: UInt64, _ matches: (String) -> Bool) -> Int? {
        let fingerprint = hash & 0xFFFF_FFFF_0000_0000
        return table.withUnsafeBufferPointer { slots in
            ids.withUnsafeBufferPointer { names in
                var slot = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { return nil }
                    if entry & 0xFFFF_FFFF_0000_0000 == fingerprint {
                        let position = Int(entry & 0xFFFF_FFFF) - 1
                        if matches(names[position]) { return position }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// Whether `id`'s UTF-8 bytes are `bytes` (compared in place, not through the UTF-8 view's
    /// indices, which cost tens of instructions a byte).
    @inlinable @inline(__always)
    static func utf8(of id: String, equals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let equal = id.utf8.withContiguousStorageIfAvailable({ stored in
            stored.count == bytes.count && (stored.isEmpty || memoryEqual(stored, bytes))
        }) {
            return equal
        }
        return id == String(decoding: bytes, as: UTF8.self)
    }

    /// Whether two buffers of the same length hold the same bytes, compared eight at a time.
    @inlinable @inline(__always)
    static func memoryEqual(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let a = left.baseAddress, let b = right.baseAddress else { return left.count == right.count }
        let count = left.count
        var offset = 0
        while offset + 8 <= count {
            let x = UnsafeRawPointer(a).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let y = UnsafeRawPointer(b).loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            if x != y { return false }
            offset += 8
        }
        while offset < count {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }

    /// A 64-bit hash of `key`'s UTF-8 bytes (8 at a time, then SplitMix64's finaliser), and whether
    /// every byte is ASCII.
    @inlinable @inline(__always)
    static func hash(_ key: String) -> (hash: UInt64, isASCII: Bool) {
        if let result = key.utf8.withContiguousStorageIfAvailable({ hash(bytes: $0) }) { return result }
        var copy = key
        return copy.withUTF8 { hash(bytes: $0) }
    }

    @inlinable @inline(__always)
    static func hash(bytes: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, isASCII: Bool) {
        let count = bytes.count
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        var high: UInt64 = 0
        guard let base = bytes.baseAddress else { return (finalised(hash), true) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            high |= word
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            offset += 8
        }
        if offset < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while offset < count {
                word |= UInt64(base[offset]) << shift
                shift += 8
                offset += 1
            }
            high |= word
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
        }
        return (finalised(hash), high & 0x8080_8080_8080_8080 == 0)
    }

    /// SplitMix64's finaliser, so that every bit of the hash depends on every byte.
    @inlinable @inline(__always)
    static func finalised(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
