/// A 32-byte SHA-256 digest, shown as 64 lower-case hex digits.
///
/// Held inline as four big-endian 64-bit words rather than an array: every event carries two of
/// them (its own hash and its predecessor's), so replay and verification create and compare
/// hundreds of thousands without touching the heap.
public struct SHA256Digest: Sendable, Hashable, CustomStringConvertible {
    /// Bytes 0–7, 8–15, 16–23 and 24–31, each read as a big-endian integer.
    private var word0: UInt64
    private var word1: UInt64
    private var word2: UInt64
    private var word3: UInt64

    /// Creates a digest from exactly 32 bytes.
    ///
    /// - Precondition: `bytes.count == 32`.
    public init(bytes: [UInt8]) {
        precondition(bytes.count == 32, "a SHA-256 digest is 32 bytes, not \(bytes.count)")
        func word(_ start: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in start..<start + 8 { value = value << 8 | UInt64(bytes[index]) }
            return value
        }
        word0 = word(0)
        word1 = word(8)
        word2 = word(16)
        word3 = word(24)
    }

    init(state: SHA256.State) {
        word0 = UInt64(state.h0) << 32 | UInt64(state.h1)
        word1 = UInt64(state.h2) << 32 | UInt64(state.h3)
        word2 = UInt64(state.h4) << 32 | UInt64(state.h5)
        word3 = UInt64(state.h6) << 32 | UInt64(state.h7)
    }

    private init(words: (UInt64, UInt64, UInt64, UInt64)) {
        (word0, word1, word2, word3) = words
    }

    /// The 32 bytes of the digest.
    public var bytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(32)
        for word in [word0, word1, word2, word3] {
            for shift in stride(from: 56, through: 0, by: -8) {
                output.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return output
    }

    /// Parses 64 hex digits (either case).
    public init?(hex: some StringProtocol) {
        var text = String(hex)
        guard let words = text.withUTF8({ SHA256Digest.parse(UnsafeRawBufferPointer($0), allowingUpperCase: true) }) else {
            return nil
        }
        self.init(words: words)
    }

    /// Parses exactly 64 lower-case hex digits (the stored form), refusing upper case.
    public init?(lowercaseHex hex: String) {
        var text = hex
        guard let digest = text.withUTF8({ SHA256Digest(lowercaseHex: UnsafeRawBufferPointer($0)) }) else { return nil }
        self = digest
    }

    /// Parses exactly 64 lower-case hex digits from raw bytes (a slice of a stored line).
    ///
    /// Eight digits at a time (SWAR): every stored line carries two digests, so this runs twice per
    /// event during verification.
    public init?(lowercaseHex digits: UnsafeRawBufferPointer) {
        guard digits.count == 64, let base = digits.baseAddress else { return nil }
        // Every group is read and checked; one test of the collected flags at the end.
        var invalid: UInt64 = 0
        let words = (
            Self.lowercaseHexWord(base, 0, &invalid), Self.lowercaseHexWord(base, 16, &invalid),
            Self.lowercaseHexWord(base, 32, &invalid), Self.lowercaseHexWord(base, 48, &invalid)
        )
        guard invalid == 0 else { return nil }
        self.init(words: words)
    }

    /// The value of the sixteen lower-case hex digits at `offset` of `base`; sets bits of
    /// `invalid` if any byte is not `0-9` or `a-f`.
    @inline(__always)
    private static func lowercaseHexWord(_ base: UnsafeRawPointer, _ offset: Int, _ invalid: inout UInt64) -> UInt64 {
        let high = lowercaseHexGroup(base.loadUnaligned(fromByteOffset: offset, as: UInt64.self), &invalid)
        let low = lowercaseHexGroup(base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self), &invalid)
        return UInt64(high) << 32 | UInt64(low)
    }

    /// The value of eight lower-case hex digits loaded as one word (first digit in the lowest byte);
    /// sets bits of `invalid` if any byte is not `0-9` or `a-f`.
    @inline(__always)
    private static func lowercaseHexGroup(_ raw: UInt64, _ invalid: inout UInt64) -> UInt32 {
        let x = UInt64(littleEndian: raw)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        // With every byte below 0x80, adding (0x80 - c) sets a byte's high bit exactly when it is >= c,
        // and no addition carries into the next byte.
        let atLeast0 = (x &+ ones &* 0x50) & highBits
        let atLeastColon = (x &+ ones &* 0x46) & highBits
        let atLeastA = (x &+ ones &* 0x1F) & highBits
        let atLeastG = (x &+ ones &* 0x19) & highBits
        let isDigit = atLeast0 & ~atLeastColon
        let isLetter = atLeastA & ~atLeastG
        invalid |= (x & highBits) | ((isDigit | isLetter) ^ highBits)
        let nibbles = (x & (ones &* 0x0F)) &+ (isLetter >> 7) &* 9
        // Pair the nibbles into bytes (first digit high), then gather the four bytes.
        let pairs = ((nibbles & 0x00FF_00FF_00FF_00FF) << 4) | ((nibbles >> 8) & 0x00FF_00FF_00FF_00FF)
        let quads = (pairs | pairs >> 8) & 0x0000_FFFF_0000_FFFF
        let packed = UInt32(truncatingIfNeeded: quads | quads >> 16)
        return packed.byteSwapped
    }

    private static func parse(_ digits: UnsafeRawBufferPointer, allowingUpperCase: Bool) -> (UInt64, UInt64, UInt64, UInt64)? {
        guard digits.count == 64 else { return nil }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for wordIndex in 0..<4 {
            var value: UInt64 = 0
            for index in wordIndex * 16..<wordIndex * 16 + 16 {
                let byte = digits[index]
                let nibble: UInt8
                switch byte {
                case 0x30...0x39: nibble = byte &- 0x30
                case 0x61...0x66: nibble = byte &- 0x61 &+ 10
                case 0x41...0x46 where allowingUpperCase: nibble = byte &- 0x41 &+ 10
                default: return nil
                }
                value = value << 4 | UInt64(nibble)
            }
            switch wordIndex {
            case 0: words.0 = value
            case 1: words.1 = value
            case 2: words.2 = value
            default: words.3 = value
            }
        }
        return words
    }

    /// Appends the 64 lower-case hex digits to `output`.
    public func writeHex(into output: inout [UInt8]) {
        SHA256Digest.writeHex(of: word0, into: &output)
        SHA256Digest.writeHex(of: word1, into: &output)
        SHA256Digest.writeHex(of: word2, into: &output)
        SHA256Digest.writeHex(of: word3, into: &output)
    }

    @inline(__always)
    private static func writeHex(of word: UInt64, into output: inout [UInt8]) {
        var shift: UInt64 = 64
        while shift > 0 {
            shift -= 4
            let nibble = UInt8(truncatingIfNeeded: word >> shift) & 0x0F
            output.append(nibble < 10 ? 0x30 &+ nibble : 0x57 &+ nibble)
        }
    }

    /// 64 lower-case hex digits.
    public var hex: String {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        writeHex(into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    public var description: String { hex }
}
