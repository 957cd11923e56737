#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where commands write: results to standard output (buffered), messages to standard error.
///
/// Results and diagnostics are kept apart so that `transition log --json > events.json` stays clean.
public struct Console: Sendable {
    private var buffer: [UInt8] = []

    public init() { buffer.reserveCapacity(1 << 16) }

    /// Appends `text` and a newline to standard output.
    public mutating func line(_ text: String = "") {
        buffer.append(contentsOf: text.utf8)
        buffer.append(0x0A)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Appends `text` as is.
    public mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes `text` and a newline to standard error at once.
    public mutating func error(_ text: String) {
        flush()
        Console.write(Array((text + "\n").utf8), to: 2)
    }

    public mutating func flush() {
        Console.write(buffer, to: 1)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Whether standard output is a terminal (for colour decisions).
    public static var isTerminal: Bool { isatty(1) == 1 }

    private static func write(_ bytes: [UInt8], to descriptor: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count, let base = raw.baseAddress {
                let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
