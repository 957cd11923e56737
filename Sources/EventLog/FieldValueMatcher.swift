#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TransitionSupport

/// Tells whether a stored line contains `FIELD` followed by one of a set of JSON strings, in one
/// pass over the line however many strings there are.
///
/// Exactly equivalent to searching the line for each pattern `FIELD + JSONWriter.writeString(value)`
/// in turn: a pattern occurs at an occurrence of `FIELD` exactly when the JSON string starting
/// there (read up to its first unescaped quote) is that value's encoding, because an encoding is
/// itself a well-formed string literal that ends at its own closing quote. It is a filter before
/// decoding, so lines it selects are still decoded and checked field by field.
struct FieldValueMatcher {
    /// `,"id":` or `,"entity":`.
    let field: [UInt8]
    /// Each value as `JSONWriter.writeString` encodes it, quotes included.
    let encodedValues: Set<[UInt8]>
    /// The lengths of `encodedValues`, so most candidates are refused without building a key.
    let lengths: Set<Int>

    init(field: StaticString, values: Set<String>) {
        self.field = Array(UnsafeBufferPointer(start: field.utf8Start, count: field.utf8CodeUnitCount))
        var encoded = Set<[UInt8]>()
        for value in values {
            var bytes: [UInt8] = []
            JSONWriter.writeString(value, into: &bytes)
            encoded.insert(bytes)
        }
        encodedValues = encoded
        lengths = Set(encoded.map(\.count))
    }

    /// Whether `line` contains `field` followed by one of the encoded values.
    func matches(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress, let first = field.first, !encodedValues.isEmpty else { return false }
        let count = line.count
        var index = 0
        while index + field.count < count {
            guard let found = memchr(base + index, Int32(first), count - field.count - index) else { return false }
            let start = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            index = start + 1
            let isField = field.withUnsafeBufferPointer { $0.baseAddress.map { memcmp(base + start, $0, field.count) == 0 } ?? false }
            guard isField else { continue }
            let quote = start + field.count
            guard line[quote] == UInt8(ascii: "\"") else { continue }
            // Read the string literal to its first unescaped quote.
            var end = quote + 1
            while end < count, line[end] != UInt8(ascii: "\"") {
                end += line[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end < count else { continue }
            let length = end - quote + 1
            if lengths.contains(length), encodedValues.contains(Array(line[quote...end])) { return true }
        }
        return false
    }
}
