/// Hands back the `String` made earlier from the same bytes, so that a reader decoding many lines
/// does not rebuild the same short strings for every one.
///
/// Stored events repeat themselves: every payload spells the same keys, and types, actors, roles and
/// entity ids recur from line to line. Making a `String` validates its bytes and packs or copies them
/// (hundreds of instructions, and a heap allocation past 15 bytes); finding it here costs a hash of
/// at most ``longest`` bytes and one comparison. A cache belongs to one thread at a time (the
/// parallel line decoder makes one per run of lines), so it needs no lock. What it returns is
/// exactly what `String(decoding:as:)` returns for the same bytes: an entry is used only when its
/// bytes equal the bytes asked for.
final class StringCache {
    /// Longer strings (event ids, free text) are made every time: they rarely repeat.
    static let longest = 32
    private static let slotCount = 512

    private struct Slot {
        /// `count` is -1 for an empty slot.
        var count = -1
        /// The bytes, eight to a word (little-endian), zero past `count`.
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var string = ""
    }

    private let slots: UnsafeMutablePointer<Slot>

    init() {
        slots = .allocate(capacity: Self.slotCount)
        slots.initialize(repeating: Slot(), count: Self.slotCount)
    }

    deinit {
        slots.deinitialize(count: Self.slotCount)
        slots.deallocate()
    }

    /// The string the `count` bytes at `start` spell (valid UTF-8, already checked by the caller).
    /// `readable` bytes from `start` may be read: the bytes are read in whole words, so a string
    /// is taken from the cache only when the word holding its last byte is readable.
    @inline(__always)
    func string(_ start: UnsafePointer<UInt8>, count: Int, readable: Int) -> String {
        guard count <= Self.longest, readable >= (count + 7) & ~7 else {
            return String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        }
        let raw = UnsafeRawPointer(start)
        /// Word `index` of the bytes, zero past `count`.
        @inline(__always) func word(_ index: Int) -> UInt64 {
            let remaining = count - index * 8
            guard remaining > 0 else { return 0 }
            let loaded = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
            return remaining >= 8 ? loaded : loaded & ((1 << UInt64(remaining * 8)) - 1)
        }
        let words = (word(0), word(1), word(2), word(3))
        var hash = (words.0 &* 0x9E37_79B9_7F4A_7C15) ^ (words.1 &* 0xC2B2_AE3D_27D4_EB4F)
            ^ (words.2 &* 0x1656_67B1_9E37_79F9) ^ (words.3 &* 0xFF51_AFD7_ED55_8CCD) ^ UInt64(truncatingIfNeeded: count)
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 32
        let slot = slots + Int(truncatingIfNeeded: hash) & (Self.slotCount - 1)
        if slot.pointee.count == count, slot.pointee.words.0 == words.0, slot.pointee.words.1 == words.1,
            slot.pointee.words.2 == words.2, slot.pointee.words.3 == words.3
        {
            return slot.pointee.string
        }
        let made = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        slot.pointee = Slot(count: count, words: words, string: made)
        return made
    }
}
