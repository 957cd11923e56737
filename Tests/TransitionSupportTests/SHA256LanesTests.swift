import Testing
import TransitionSupport

/// The multi-lane hasher must give exactly `SHA256.hash` for every message, whatever its length,
/// its trailing byte, or the messages sharing the lanes with it.
@Suite("SHA-256 of many messages side by side equals hashing each alone")
struct SHA256LanesTests {
    /// `(i * 13 + seed) & 0xFF` for i in 0..<count.
    static func bytes(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 13 &+ seed) }
    }

    /// Hashes `lengths` (slices of one buffer, so messages sit at odd alignments) both ways.
    static func expectSameDigests(lengths: [Int], trailing: (Int) -> UInt8?, _ comment: Comment? = nil) {
        let buffer = bytes(lengths.reduce(0, +) + 1, seed: lengths.count)
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            var offset = 1  // start unaligned
            var messages: [SHA256.LaneMessage] = []
            var expected: [SHA256Digest] = []
            for (index, length) in lengths.enumerated() {
                let byte = trailing(index)
                messages.append(SHA256.LaneMessage(start: base + offset, count: length, trailingByte: byte))
                var whole = Array(raw[offset..<offset + length])
                if let byte { whole.append(byte) }
                expected.append(SHA256.hash(whole))
                offset += length
            }
            #expect(SHA256.digests(of: messages) == expected, comment)
        }
    }

    @Test("no messages give no digests")
    func empty() {
        #expect(SHA256.digests(of: []).isEmpty)
    }

    @Test("a known vector: 'abc' as two bytes and a trailing byte")
    func knownVector() {
        let text: [UInt8] = Array("ab".utf8)
        let digests = text.withUnsafeBytes { raw -> [SHA256Digest] in
            guard let base = raw.baseAddress else { return [] }
            return SHA256.digests(of: [SHA256.LaneMessage(start: base, count: 2, trailingByte: UInt8(ascii: "c"))])
        }
        #expect(digests.map(\.hex) == ["ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"])
    }

    @Test("every length from 0 to 300, with and without a trailing byte, alone and in a crowd")
    func everyLength() {
        for length in 0...300 {
            Self.expectSameDigests(lengths: [length], trailing: { _ in nil }, "alone, \(length)")
            Self.expectSameDigests(lengths: [length], trailing: { _ in 0x7D }, "alone with trailing byte, \(length)")
        }
        let all = Array(0...300)
        Self.expectSameDigests(lengths: all, trailing: { $0 % 2 == 0 ? 0x7D : nil }, "ascending")
        Self.expectSameDigests(lengths: all.reversed(), trailing: { $0 % 3 == 0 ? nil : UInt8($0 & 0xFF) }, "descending")
    }

    @Test("property: random lengths in random order (lanes finish at different times)", arguments: 0..<8)
    func randomLengths(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next() -> Int {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return Int(state % 2_000)
        }
        let count = 1 + next() % 40
        let lengths = (0..<count).map { _ in next() % 3 == 0 ? next() % 130 : next() }
        Self.expectSameDigests(lengths: lengths, trailing: { ($0 + seed) % 2 == 0 ? 0x7D : nil }, "seed \(seed)")
    }
}
