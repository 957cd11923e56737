import TransitionSupport

/// Builds values from the canonical JSON that the cursor accepts, for `CanonicalLine.record(of:)`.
///
/// Each reader accepts exactly what the matching validator (`string()`, `number()`, `object`,
/// `array`) accepts, and returns the value `JSONParser` gives for those bytes: plain strings and
/// integers are made straight from the bytes, while the rare forms (strings with escapes, numbers
/// with a fraction or too many digits) are handed to the same code the parser uses for them.
extension CanonicalJSONCursor {
    /// Consumes a canonical string and returns its text.
    mutating func text() -> String? {
        let opening = index
        var isEscaped = false
        guard let contents = string(isEscaped: &isEscaped) else { return nil }
        guard isEscaped else {
            // Already validated as UTF-8, so decoding cannot repair anything: these are the bytes
            // `JSONParser` would turn into the same string.
            return made(contents)
        }
        // Escapes are rare in stored lines; the parser unescapes them exactly as the full decoder does.
        let quoted = UnsafeBufferPointer(start: base + opening, count: index - opening)
        guard case .string(let unescaped)? = try? JSONParser.parse(quoted) else { return nil }
        return unescaped
    }

    /// The string the (valid UTF-8, unescaped) bytes in `range` spell, from ``strings`` when it has it.
    @inline(__always)
    private func made(_ range: Range<Int>) -> String {
        if let strings {
            return strings._withUnsafeGuaranteedRef {
                $0.string(base + range.lowerBound, count: range.count, readable: count - range.lowerBound)
            }
        }
        return String(decoding: UnsafeBufferPointer(start: base + range.lowerBound, count: range.count), as: UTF8.self)
    }

    /// Consumes any canonical value and returns it as `JSONParser` would.
    mutating func jsonValue(depth: Int) -> JSONValue? {
        switch current {
        case UInt8(ascii: "{"): return jsonObject(depth: depth + 1).map(JSONValue.object)
        case UInt8(ascii: "["): return jsonArray(depth: depth + 1).map(JSONValue.array)
        case UInt8(ascii: "\""): return text().map(JSONValue.string)
        case UInt8(ascii: "t"): return consume("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return consume("false") ? .bool(false) : nil
        case UInt8(ascii: "n"): return consume("null") ? .null : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return numberValue()
        default: return nil
        }
    }

    /// Consumes an object whose keys are plain ASCII in strictly increasing byte order (so unique,
    /// and in the order `JSONParser` keeps them).
    mutating func jsonObject(depth: Int) -> JSONObject? {
        guard depth <= CanonicalJSONCursor.maximumDepth, consume("{") else { return nil }
        var members: [JSONObject.Member] = []
        if consume("}") { return JSONObject(uniqueMembers: members) }
        var previousKey: Range<Int>?
        while true {
            guard let key = plainKey() else { return nil }
            if let previousKey, !precedes(previousKey, key) { return nil }
            previousKey = key
            guard consume(":"), let value = jsonValue(depth: depth) else { return nil }
            let name = made(key)
            members.append(JSONObject.Member(key: name, value: value))
            if consume(",") { continue }
            return consume("}") ? JSONObject(uniqueMembers: members) : nil
        }
    }

    /// Consumes an array of canonical values.
    mutating func jsonArray(depth: Int) -> [JSONValue]? {
        guard depth <= CanonicalJSONCursor.maximumDepth, consume("[") else { return nil }
        var elements: [JSONValue] = []
        if consume("]") { return elements }
        while true {
            guard let element = jsonValue(depth: depth) else { return nil }
            elements.append(element)
            if consume(",") { continue }
            return consume("]") ? elements : nil
        }
    }

    /// Consumes a canonical number: an integer of at most 18 digits directly, anything else through
    /// the conversions `JSONParser` applies to the number's text (`Int`, else a finite `Double`).
    private mutating func numberValue() -> JSONValue? {
        let start = index
        guard number() else { return nil }
        let bytes = UnsafeBufferPointer(start: base + start, count: index - start)
        let isNegative = bytes[0] == UInt8(ascii: "-")
        let digits = isNegative ? bytes.count - 1 : bytes.count
        var isInteger = true
        if digits <= 18 {
            var value = 0
            for byte in bytes.dropFirst(isNegative ? 1 : 0) {
                guard byte != UInt8(ascii: ".") else {
                    isInteger = false
                    break
                }
                value = value * 10 + Int(byte &- 0x30)
            }
            if isInteger { return .int(isNegative ? -value : value) }
        } else {
            isInteger = !bytes.contains(UInt8(ascii: "."))
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if isInteger, let value = Int(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { return nil }
        return .double(value)
    }
}
