#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Random (version 4) UUIDs in lower-case text, without Foundation.
///
/// A batch of events needs one id each; their random bits come from one read of the system's
/// random source per batch rather than one system call per byte.
public enum UUIDs {
    /// A fresh random UUID, e.g. `3f2b8c1e-9d4a-4e7b-8a21-5c6d7e8f9a0b`.
    public static func random() -> String {
        random(count: 1)[0]
    }

    /// `count` fresh random UUIDs.
    public static func random(count: Int) -> [String] {
        guard count > 0 else { return [] }
        var entropy = [UInt8](repeating: 0, count: count * 16)
        entropy.withUnsafeMutableBytes { RandomBytes.fill($0) }
        var ids: [String] = []
        ids.reserveCapacity(count)
        var text = [UInt8](repeating: 0, count: 36)
        for index in 0..<count {
            text.withUnsafeMutableBufferPointer { output in
                entropy.withUnsafeBufferPointer { bytes in format(bytes[index * 16..<index * 16 + 16], into: output) }
            }
            ids.append(String(decoding: text, as: UTF8.self))
        }
        return ids
    }

    /// Writes 16 random bytes as `8-4-4-4-12` hex digits, with the version (4) and variant bits set.
    private static func format(_ random: Slice<UnsafeBufferPointer<UInt8>>, into output: UnsafeMutableBufferPointer<UInt8>) {
        var position = 0
        for (offset, rawByte) in random.enumerated() {
            var byte = rawByte
            if offset == 6 { byte = (byte & 0x0F) | 0x40 }
            if offset == 8 { byte = (byte & 0x3F) | 0x80 }
            if offset == 4 || offset == 6 || offset == 8 || offset == 10 {
                output[position] = UInt8(ascii: "-")
                position += 1
            }
            output[position] = hexDigit(byte >> 4)
            output[position + 1] = hexDigit(byte & 0x0F)
            position += 2
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 + nibble : 0x57 + nibble
    }
}

/// Bytes from the operating system's cryptographic random source.
enum RandomBytes {
    /// Fills `buffer` from `/dev/urandom` in one read, or from `SystemRandomNumberGenerator`
    /// (the same kernel source, eight bytes per call) when the device cannot be read.
    static func fill(_ buffer: UnsafeMutableRawBufferPointer) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        var filled = 0
        let descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC)
        if descriptor >= 0 {
            while filled < buffer.count {
                let count = read(descriptor, base + filled, buffer.count - filled)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                filled += count
            }
            close(descriptor)
        }
        var generator = SystemRandomNumberGenerator()
        while filled < buffer.count {
            let word = generator.next()
            for shift in stride(from: 0, to: 64, by: 8) where filled < buffer.count {
                buffer[filled] = UInt8(truncatingIfNeeded: word >> UInt64(shift))
                filled += 1
            }
        }
    }
}
