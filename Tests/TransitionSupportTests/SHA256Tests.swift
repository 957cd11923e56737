import Testing
import TransitionSupport

@Suite("SHA-256 against the FIPS 180-4 / NIST vectors")
struct SHA256Tests {
    @Test("short messages", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func shortMessages(message: String, expected: String) {
        #expect(SHA256.hash(message).hex == expected)
    }

    @Test("one million 'a'")
    func millionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hash(message).hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("streaming in odd-sized pieces equals one-shot hashing")
    func streaming() {
        let message = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var hasher = SHA256()
        var index = 0
        var step = 1
        while index < message.count {
            let end = min(message.count, index + step)
            hasher.update(message[index..<end])
            index = end
            step = step % 97 + 7
        }
        #expect(hasher.finalize() == SHA256.hash(message))
    }

    @Test("message lengths around the padding boundary", arguments: [55, 56, 63, 64, 65, 119, 120])
    func paddingBoundaries(length: Int) {
        let message = [UInt8](repeating: 0x61, count: length)
        var hasher = SHA256()
        for byte in message { hasher.update(CollectionOfOne(byte)) }
        #expect(hasher.finalize() == SHA256.hash(message))
    }

    @Test("hex round trip")
    func hexRoundTrip() throws {
        let digest = SHA256.hash("abc")
        let parsed = try #require(SHA256Digest(hex: digest.hex.uppercased()))
        #expect(parsed == digest)
        #expect(SHA256Digest(hex: "xyz") == nil)
    }
}
