#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A forward-only reader over one stored line that accepts only canonical JSON, byte by byte.
///
/// It builds no strings and no `JSONValue`s. Every method returns `false` (or `nil`) as soon as the
/// bytes leave the narrow form the log's writer produces; the caller then falls back to the full
/// parser, so this cursor never has to explain or classify a problem. What it accepts is a strict
/// subset of what `JSONParser` accepts: no white space, object keys ASCII without escapes and in
/// strictly increasing byte order (hence unique), well-formed UTF-8, no surrogate `\u` escapes,
/// numbers without exponents, and limited nesting.
struct CanonicalJSONCursor {
    let base: UnsafePointer<UInt8>
    let count: Int
    var index = 0
    /// Where the value readers (`text()`, `jsonObject`) get strings they made before, if anywhere.
    /// Unowned: whoever sets it keeps the cache alive while the cursor reads (and no reference
    /// is counted each time the cursor is copied or the cache used).
    var strings: Unmanaged<StringCache>?

    /// Deeper payloads go to the full parser (which allows 256 levels).
    static let maximumDepth = 64
    /// Longer unexponented numbers go to the full parser (which checks they stay finite).
    static let maximumNumberDigits = 300

    init(_ base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
    }

    var isAtEnd: Bool { index == count }

    /// The byte at the cursor, or 0 at the end (0 never starts or continues valid canonical JSON).
    @inline(__always)
    var current: UInt8 { index < count ? base[index] : 0 }

    /// Consumes `literal` if the bytes at the cursor are exactly it.
    @inline(__always)
    mutating func consume(_ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard count - index >= length, memcmp(base + index, literal.utf8Start, length) == 0 else { return false }
        index += length
        return true
    }

    /// Steps over the next `length` bytes, whatever they are, if there are that many.
    @inline(__always)
    mutating func skip(_ length: Int) -> Bool {
        guard count - index >= length else { return false }
        index += length
        return true
    }

    /// Consumes `-?(0|[1-9][0-9]{0,17})` and returns its value; anything longer, or a fraction or
    /// exponent after it, is left to the full parser.
    mutating func integer() -> Int? {
        var negative = false
        if current == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        let start = index
        var value = 0
        while index < count, base[index] &- 0x30 < 10 {
            value = value &* 10 &+ Int(base[index] &- 0x30)
            index += 1
        }
        let digits = index - start
        guard digits > 0, digits <= 18, digits == 1 || base[start] != UInt8(ascii: "0") else { return nil }
        let next = current
        guard next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E") else { return nil }
        return negative ? -value : value
    }

    /// Consumes a JSON string (quotes included) and returns the byte range of its raw contents.
    @inline(__always)
    mutating func string() -> Range<Int>? {
        var isEscaped = false
        return string(isEscaped: &isEscaped)
    }

    /// Consumes a JSON string like `string()`, and sets `isEscaped` if its contents hold an escape
    /// (so a reader that wants the text knows whether the raw bytes already are the text).
    mutating func string(isEscaped: inout Bool) -> Range<Int>? {
        guard current == UInt8(ascii: "\"") else { return nil }
        index += 1
        let start = index
        while index < count {
            skipPlainASCII()
            guard index < count else { return nil }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<index - 1
            }
            if byte < 0x20 { return nil }
            if byte == UInt8(ascii: "\\") {
                guard escape() else { return nil }
                isEscaped = true
            } else if byte < 0x80 {
                index += 1
            } else {
                guard utf8Sequence() else { return nil }
            }
        }
        return nil
    }

    /// Skips eight bytes at a time while all eight are plain ASCII inside a string: 0x20–0x7F but
    /// neither `"` nor `\\` (bytes `string()` would accept one by one anyway). Stops at the first
    /// other byte (or, within eight bytes of the end, before it), which the byte-by-byte reading
    /// then handles.
    @inline(__always)
    private mutating func skipPlainASCII() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highBits: UInt64 = 0x8080_8080_8080_8080
        while count - index >= 8 {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A byte below 0x20, a quote or a backslash sets its high bit in one of the three
            // "has zero / has less" terms; a non-ASCII byte has its own high bit set.
            let control = (word &- ones &* 0x20) & ~word
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let special = control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | word
            let flagged = special & highBits
            guard flagged == 0 else {
                // Borrows only run upwards, so the lowest flagged byte is the first special one
                // (bytes are loaded little-endian): go straight to it.
                index += UInt64(littleEndian: flagged).trailingZeroBitCount >> 3
                return
            }
            index += 8
        }
    }

    /// Consumes one escape: the two-character forms, or `\uXXXX` outside the surrogate range.
    private mutating func escape() -> Bool {
        guard index + 1 < count else { return false }
        switch base[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
            return true
        case UInt8(ascii: "u"):
            guard index + 6 <= count else { return false }
            var scalar: UInt32 = 0
            for offset in 2..<6 {
                let byte = base[index + offset]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte &- 0x30
                case 0x41...0x46: digit = byte &- 0x41 &+ 10
                case 0x61...0x66: digit = byte &- 0x61 &+ 10
                default: return false
                }
                scalar = scalar << 4 | UInt32(digit)
            }
            guard !(0xD800...0xDFFF).contains(scalar) else { return false }
            index += 6
            return true
        default:
            return false
        }
    }

    /// Consumes one well-formed multi-byte UTF-8 sequence (Unicode Table 3-7: no overlong forms, no
    /// surrogates, nothing above U+10FFFF).
    private mutating func utf8Sequence() -> Bool {
        let lead = base[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return false
        }
        guard count - index >= length else { return false }
        let second = base[index + 1]
        guard second >= low, second <= high else { return false }
        for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return false }
        index += length
        return true
    }

    /// Consumes a number: `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, at most `maximumNumberDigits` digits.
    mutating func number() -> Bool {
        if current == UInt8(ascii: "-") { index += 1 }
        let start = index
        while index < count, base[index] &- 0x30 < 10 { index += 1 }
        let integerDigits = index - start
        guard integerDigits > 0, integerDigits == 1 || base[start] != UInt8(ascii: "0") else { return false }
        var digits = integerDigits
        if current == UInt8(ascii: ".") {
            index += 1
            let fraction = index
            while index < count, base[index] &- 0x30 < 10 { index += 1 }
            guard index > fraction else { return false }
            digits += index - fraction
        }
        let next = current
        return digits <= CanonicalJSONCursor.maximumNumberDigits && next != UInt8(ascii: "e") && next != UInt8(ascii: "E")
    }

    /// Consumes any canonical JSON value.
    mutating func value(depth: Int) -> Bool {
        switch current {
        case UInt8(ascii: "{"): return object(depth: depth + 1)
        case UInt8(ascii: "["): return array(depth: depth + 1)
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "t"): return consume("true")
        case UInt8(ascii: "f"): return consume("false")
        case UInt8(ascii: "n"): return consume("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return false
        }
    }

    /// Consumes an object whose keys are plain ASCII in strictly increasing byte order.
    mutating func object(depth: Int) -> Bool {
        guard depth <= CanonicalJSONCursor.maximumDepth, consume("{") else { return false }
        if consume("}") { return true }
        var previousKey: Range<Int>?
        while true {
            guard let key = plainKey() else { return false }
            if let previousKey, !precedes(previousKey, key) { return false }
            previousKey = key
            guard consume(":"), value(depth: depth) else { return false }
            if consume(",") { continue }
            return consume("}")
        }
    }

    /// Consumes an array of canonical values.
    mutating func array(depth: Int) -> Bool {
        guard depth <= CanonicalJSONCursor.maximumDepth, consume("[") else { return false }
        if consume("]") { return true }
        while true {
            guard value(depth: depth) else { return false }
            if consume(",") { continue }
            return consume("]")
        }
    }

    /// Consumes a quoted key of printable ASCII with no escapes (so byte equality is key equality).
    mutating func plainKey() -> Range<Int>? {
        guard current == UInt8(ascii: "\"") else { return nil }
        index += 1
        let start = index
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return start..<index - 1
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            index += 1
        }
        return nil
    }

    /// Whether the bytes of `first` sort strictly before those of `second`.
    func precedes(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        let shared = min(first.count, second.count)
        let order = shared == 0 ? 0 : memcmp(base + first.lowerBound, base + second.lowerBound, shared)
        return order < 0 || (order == 0 && first.count < second.count)
    }

    /// Whether the bytes in `range` are exactly `literal`.
    func bytes(_ range: Range<Int>, equal literal: StaticString) -> Bool {
        range.count == literal.utf8CodeUnitCount && memcmp(base + range.lowerBound, literal.utf8Start, range.count) == 0
    }
}
