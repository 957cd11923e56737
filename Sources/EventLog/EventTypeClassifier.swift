import TransitionSupport

/// Which event type names a reading of many lines tells apart (as small codes, with no `String`
/// made per line), and which types' whole records it keeps.
///
/// A replay's first pass needs each event's type, but only to tell a handful of types apart, and
/// the whole record only of corrections and workflow events (``EventTypeMark``). Codes are
/// positions among the names plus one; 0 is "none of them".
public struct EventTypeClassifier: Sendable {
    /// The names, in code order (code 1 is the first).
    public var names: [String] { index.ids }
    private let index: StringIndex
    /// By code: whether the whole record is kept.
    private let keeps: [Bool]
    /// The names whose records are kept.
    let keptNames: Set<String>
    /// The ASCII names by length and first and last eight bytes (see ``code(ofUTF8:within:)``).
    private let quick: QuickTable

    /// Codes `names` 1, 2, ... in order (a repeated name keeps its first code) and keeps the
    /// whole record of the types in `kept`.
    public init(names: [String], keepingRecordsOf kept: Set<String>) {
        index = StringIndex(names)
        keeps = [false] + names.map(kept.contains)
        keptNames = kept.intersection(names)
        quick = QuickTable(names)
    }

    /// The code of the type named `type`: 0 when it is none of the names.
    public func code(of type: String) -> Int {
        index.position(of: type).map { $0 + 1 } ?? 0
    }

    /// The code of the type whose name is these UTF-8 bytes.
    @inline(__always)
    func code(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int {
        index.position(ofUTF8: bytes).map { $0 + 1 } ?? 0
    }

    /// The code of the type whose name is `bytes`, a part of `line` with at least eight bytes
    /// of `line` before it: as ``code(ofUTF8:)`` gives it, looked up by the name's length and
    /// its first and last eight bytes (one hash and three compares) when every byte is ASCII.
    @inline(__always)
    func code(ofUTF8 bytes: UnsafeBufferPointer<UInt8>, within line: UnsafeBufferPointer<UInt8>) -> Int {
        guard let code = quick.code(of: bytes, within: line) else { return code(ofUTF8: bytes) }
        return code
    }

    /// Whether the whole record of a type with this code is kept (never for code 0).
    public func keepsRecord(ofCode code: Int) -> Bool {
        code >= 0 && code < keeps.count && keeps[code]
    }
}

/// Type names by their length and their first and last eight bytes, for looking up the type of
/// every line of a long log: the name's bytes are read as two words from the line itself, with no
/// `String` and no byte-by-byte hash.
///
/// Only ASCII names are held (for them, equal bytes are equal strings); a lookup gives `nil`,
/// meaning "ask the ``StringIndex``", for bytes that are not all ASCII, when some name is not ASCII,
/// or when the words around the bytes cannot be read within the line.
private struct QuickTable: Sendable {
    private struct Slot: Sendable {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        var count = 0
        /// Where the name's bytes start in `spelled`.
        var start = 0
        /// 0 for an empty slot, else the name's code.
        var code = 0
    }

    /// Every name's bytes, end to end.
    private let spelled: [UInt8]
    private let slots: [Slot]
    private let shift: UInt64
    /// Whether every name is ASCII (else every lookup goes to the index).
    private let usable: Bool

    init(_ names: [String]) {
        var bits: UInt64 = 4
        while (1 << bits) < 4 * max(names.count, 1) { bits += 1 }
        var slots = [Slot](repeating: Slot(), count: 1 << bits)
        var spelled: [UInt8] = []
        var usable = true
        for (position, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            guard bytes.allSatisfy({ $0 < 0x80 }) else {
                usable = false
                break
            }
            let start = spelled.count
            spelled += bytes
            let (head, tail) = Self.words(of: bytes)
            var slot = Int(truncatingIfNeeded: Self.hash(head, tail, bytes.count) >> (64 - bits))
            while slots[slot].code != 0 {
                // A repeated name keeps its first code.
                if slots[slot].count == bytes.count, Array(spelled[slots[slot].start..<slots[slot].start + bytes.count]) == bytes { break }
                slot = (slot + 1) & (slots.count - 1)
            }
            if slots[slot].code == 0 {
                slots[slot] = Slot(head: head, tail: tail, count: bytes.count, start: start, code: position + 1)
            }
        }
        self.spelled = spelled
        self.slots = slots
        self.shift = 64 - bits
        self.usable = usable
    }

    /// The first and last eight bytes of `bytes` as little-endian words, zero-padded when shorter.
    private static func words(of bytes: [UInt8]) -> (UInt64, UInt64) {
        func word(_ range: Range<Int>) -> UInt64 {
            var value: UInt64 = 0
            for (shift, index) in range.enumerated() { value |= UInt64(bytes[index]) << (8 * UInt64(shift)) }
            return value
        }
        let head = word(0..<min(8, bytes.count))
        let tail = bytes.count >= 8 ? word(bytes.count - 8..<bytes.count) : head
        return (head, tail)
    }

    private static func hash(_ head: UInt64, _ tail: UInt64, _ count: Int) -> UInt64 {
        ((head &* 0x9E37_79B9_7F4A_7C15) ^ (tail &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(truncatingIfNeeded: count)) &* 0xFF51_AFD7_ED55_8CCD
    }

    /// Whether the bytes of a name longer than 16 bytes between its first and last eight are
    /// those at `raw` (whose first and last eight already matched).
    private func middleMatches(_ entry: Slot, _ raw: UnsafeRawPointer) -> Bool {
        spelled.withUnsafeBytes { names in
            var offset = 8
            while offset < entry.count - 8 {
                let width = min(8, entry.count - 8 - offset)
                for index in offset..<offset + width where names[entry.start + index] != raw.load(fromByteOffset: index, as: UInt8.self) {
                    return false
                }
                offset += width
            }
            return true
        }
    }

    /// The code of the name spelled by `bytes` (0 for none), or `nil` when the table cannot tell.
    @inline(__always)
    func code(of bytes: UnsafeBufferPointer<UInt8>, within line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard usable, let start = bytes.baseAddress, let lineStart = line.baseAddress else { return nil }
        let count = bytes.count
        let offset = lineStart.distance(to: start)
        // Whole words are read: eight bytes from the start (past the end of a short name, masked
        // off), and the eight before the end.
        guard offset >= 0, offset + max(count, 8) <= line.count else { return nil }
        let raw = UnsafeRawPointer(start)
        let mask: UInt64 = count >= 8 ? ~0 : (1 << (8 * UInt64(count))) &- 1
        let head = raw.loadUnaligned(as: UInt64.self) & mask
        let tail = count >= 8 ? raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) : head
        // Every byte must be ASCII (the middle ones too): other bytes are for the index to judge.
        var high = head | tail
        var middle = 8
        while middle < count - 8 {
            high |= raw.loadUnaligned(fromByteOffset: middle, as: UInt64.self)
            middle += 8
        }
        guard high & 0x8080_8080_8080_8080 == 0 else { return nil }
        var slot = Int(truncatingIfNeeded: Self.hash(head, tail, count) >> shift)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let entry = slots[slot]
                if entry.code == 0 { return 0 }
                if entry.head == head, entry.tail == tail, entry.count == count, count <= 16 || middleMatches(entry, raw) {
                    return entry.code
                }
                slot = (slot + 1) & (slots.count - 1)
            }
        }
    }
}
