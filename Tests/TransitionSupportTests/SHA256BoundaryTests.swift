import Testing
import TransitionSupport

/// Known digests (from Python's hashlib) of `(i * 7 + 3) & 0xFF` for i in 0..<length.
private let boundaryVectors: [(Int, String)] = [
    (0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    (1, "084fed08b978af4d7d196a7446a86b58009e636b611db16211b65a9aadff29c5"),
    (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
    (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
    (57, "35df609437dcfea3279283ab79fd554e2bf78f8f7ae2de532d8ee300b09e8f73"),
    (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
    (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
    (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
    (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
    (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
    (121, "1189a98a00c71bc1848ea8bdc9700b442bee0be7c3f45172303f1ab0b6f1617e"),
    (127, "a8d23e75d936f303d248888d9b165ee543f4cbafcad3c9dd2a79bd84faa11d07"),
    (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
    (129, "307f8fc2c1622b92762e818d39a185d4d667ad49a4b07ceae1f4afa008a93ec4"),
]

private func pattern(_ length: Int) -> [UInt8] {
    (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
}

@Suite("SHA-256 at block and padding boundaries, one-shot and streamed")
struct SHA256BoundaryTests {
    @Test("known digests around the 55/56/64-byte padding boundaries", arguments: boundaryVectors)
    func knownDigests(length: Int, expected: String) {
        #expect(SHA256.hash(pattern(length)).hex == expected)
    }

    @Test("every split point of a boundary-length message gives the same digest", arguments: boundaryVectors)
    func everySplit(length: Int, expected: String) {
        let message = pattern(length)
        for split in 0...length {
            var hasher = SHA256()
            hasher.update(message[0..<split])
            hasher.update(message[split...])
            #expect(hasher.finalize().hex == expected, "split at \(split)")
        }
    }

    @Test("byte-at-a-time streaming matches the known digests", arguments: boundaryVectors)
    func byteAtATime(length: Int, expected: String) {
        var hasher = SHA256()
        for byte in pattern(length) { hasher.update(byte: byte) }
        #expect(hasher.finalize().hex == expected)
    }

    @Test("a multi-megabyte message streamed in uneven chunks equals one-shot and the known digest")
    func multiMegabyteStreaming() {
        let length = 3 * 1024 * 1024 + 17
        let message = (0..<length).map { UInt8(truncatingIfNeeded: (($0 &* $0) >> 3) ^ $0) }
        let expected = "77622e2ce802a8be14cad263758f8da5e37265c9eb99fc5e08fb94fb0c5ea494"
        #expect(SHA256.hash(message).hex == expected)
        var hasher = SHA256()
        // Sizes that straddle block boundaries in every phase.
        let steps = [1, 64, 63, 65, 4097, 55, 56, 127, 129, 65_537, 7]
        var index = 0
        var turn = 0
        message.withUnsafeBytes { raw in
            while index < length {
                let end = min(length, index + steps[turn % steps.count])
                hasher.update(UnsafeRawBufferPointer(rebasing: raw[index..<end]))
                index = end
                turn += 1
            }
        }
        #expect(hasher.finalize().hex == expected)
    }

    @Test("digest bytes, hex and parsing agree")
    func digestRoundTrip() throws {
        let digest = SHA256.hash("abc")
        #expect(SHA256Digest(bytes: digest.bytes) == digest)
        #expect(digest.bytes.count == 32)
        #expect(SHA256Digest(lowercaseHex: digest.hex) == digest)
        #expect(SHA256Digest(lowercaseHex: digest.hex.uppercased()) == nil)
        var written: [UInt8] = []
        digest.writeHex(into: &written)
        #expect(String(decoding: written, as: UTF8.self) == digest.hex)
        let raw = Array(digest.hex.utf8)
        let parsed = raw.withUnsafeBytes { SHA256Digest(lowercaseHex: $0) }
        #expect(parsed == digest)
    }

    @Test("the lower-case hex reader accepts exactly 0-9 and a-f at every position, with the right value")
    func lowercaseHexEveryByte() {
        let digest = SHA256.hash("position test")
        let hex = Array(digest.hex.utf8)
        for position in 0..<64 {
            for value in 0...255 {
                var digits = hex
                digits[position] = UInt8(value)
                let parsed = digits.withUnsafeBytes { SHA256Digest(lowercaseHex: $0) }
                let isLowerHex = (0x30...0x39).contains(value) || (0x61...0x66).contains(value)
                #expect((parsed != nil) == isLowerHex, "byte \(value) at \(position)")
                if let parsed { #expect(parsed == SHA256Digest(hex: String(decoding: digits, as: UTF8.self))) }
            }
        }
        #expect(Array(repeating: UInt8(ascii: "0"), count: 63).withUnsafeBytes { SHA256Digest(lowercaseHex: $0) } == nil)
    }
}
