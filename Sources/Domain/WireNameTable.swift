#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds an event type by its wire name without hashing the whole string.
///
/// Replay looks up the type of every event twice (its first pass and its decoding), and a
/// `Dictionary<String, _>` lookup hashes every byte with SipHash: it cost some 500 instructions a
/// time. Wire names are few and fixed, so this open-addressed table is keyed by the name's length
/// and its first and last eight bytes, and a hit is confirmed by comparing every byte.
struct WireNameTable: Sendable {
    private struct Slot: Sendable {
        var name: [UInt8]
        var type: DomainEventType
    }

    private let slots: [Slot?]
    private let mask: Int

    /// A table of `types` under their raw values (which must be distinct).
    init(_ types: [DomainEventType]) {
        var size = 16
        while size < types.count * 4 { size *= 2 }
        var slots = [Slot?](repeating: nil, count: size)
        for type in types {
            let name = Array(type.rawValue.utf8)
            var index = name.withUnsafeBufferPointer { Self.key($0) } & (size - 1)
            while slots[index] != nil { index = (index + 1) & (size - 1) }
            slots[index] = Slot(name: name, type: type)
        }
        self.slots = slots
        self.mask = size - 1
    }

    /// The type whose wire name is exactly `name`, if any.
    func type(named name: String) -> DomainEventType? {
        var name = name
        return name.withUTF8 { find($0) }
    }

    private func find(_ bytes: UnsafeBufferPointer<UInt8>) -> DomainEventType? {
        var index = Self.key(bytes) & mask
        while let slot = slots[index] {
            let equal = slot.name.count == bytes.count
                && slot.name.withUnsafeBufferPointer { stored in
                    guard let left = stored.baseAddress, let right = bytes.baseAddress else { return bytes.isEmpty }
                    return memcmp(left, right, bytes.count) == 0
                }
            if equal { return slot.type }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Mixes the length with the first and the last eight bytes (every byte of a shorter name).
    private static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let count = bytes.count
        var first: UInt64 = 0
        var last: UInt64 = 0
        if let base = bytes.baseAddress, count >= 8 {
            first = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
            last = UnsafeRawPointer(base + (count - 8)).loadUnaligned(as: UInt64.self)
        } else {
            for (offset, byte) in bytes.enumerated() { first |= UInt64(byte) << (8 * UInt64(offset)) }
        }
        var mixed = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        mixed = (mixed ^ first) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 31) ^ last) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 29))
    }
}
