/// Writes `JSONValue`s as bytes: canonically for hashing, or indented for people.
///
/// The canonical form is what the event log's hash chain commits to, so it is fixed: no white space,
/// object keys sorted by their UTF-8 bytes, strings escaped minimally (only `"`, `\` and control
/// characters, using the short escapes where JSON has them), integers in decimal, and other numbers in
/// Swift's shortest round-trip form. Pretty output uses the same rules plus two-space indentation,
/// so `--json` output is byte-identical for the same state.
///
/// Everything appends to one caller-owned `[UInt8]`: strings are copied in runs between the bytes
/// that need escaping, integers are written digit by digit, and objects whose members are already
/// in key order (as decoded payloads are) are not re-sorted.
public enum JSONWriter {
    /// The canonical encoding of `value`.
    public static func canonical(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, into: &output, indent: nil, level: 0)
        return output
    }

    /// Appends the canonical encoding of `value` to `output`.
    public static func writeCanonical(_ value: JSONValue, into output: inout [UInt8]) {
        write(value, into: &output, indent: nil, level: 0)
    }

    /// Appends the canonical encoding of an object to `output`.
    public static func writeCanonical(_ object: JSONObject, into output: inout [UInt8]) {
        writeObject(object, into: &output, indent: nil, level: 0)
    }

    /// The canonical encoding as a string.
    public static func canonicalString(_ value: JSONValue) -> String {
        String(decoding: canonical(value), as: UTF8.self)
    }

    /// An indented rendering (sorted keys, two spaces, trailing newline), for people and `--json`.
    public static func pretty(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        write(value, into: &output, indent: 2, level: 0)
        output.append(0x0A)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends a JSON string literal for `text`.
    public static func writeString(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { writeString(utf8: $0, into: &output) }
    }

    /// Appends a JSON string literal for the UTF-8 bytes `utf8`.
    public static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.append(0x22)
        var runStart = 0
        for index in 0..<bytes.count {
            let byte = bytes[index]
            guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
            if runStart < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
            runStart = index + 1
            switch byte {
            case 0x22: output.append(0x5C); output.append(0x22)
            case 0x5C: output.append(0x5C); output.append(0x5C)
            case 0x0A: output.append(0x5C); output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(0x5C); output.append(UInt8(ascii: "r"))
            case 0x09: output.append(0x5C); output.append(UInt8(ascii: "t"))
            case 0x08: output.append(0x5C); output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(0x5C); output.append(UInt8(ascii: "f"))
            default:
                output.append(0x5C)
                output.append(UInt8(ascii: "u"))
                output.append(0x30)
                output.append(0x30)
                output.append(hexDigit(byte >> 4))
                output.append(hexDigit(byte & 0x0F))
            }
        }
        if runStart < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        output.append(0x22)
    }

    /// Appends `value` in decimal, as `String(value)` spells it.
    public static func writeInteger(_ value: Int, into output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of UInt64.max
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                count += 1
                buffer[24 - count] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: buffer[(24 - count)...])
        }
    }

    /// Appends the bytes of a static string.
    public static func writeLiteral(_ literal: StaticString, into output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? 0x30 &+ nibble : 0x57 &+ nibble
    }

    private static func newline(_ output: inout [UInt8], indent: Int?, level: Int) {
        guard let indent else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: indent * level))
    }

    private static func write(_ value: JSONValue, into output: inout [UInt8], indent: Int?, level: Int) {
        switch value {
        case .null: writeLiteral("null", into: &output)
        case .bool(let flag): flag ? writeLiteral("true", into: &output) : writeLiteral("false", into: &output)
        case .int(let number): writeInteger(number, into: &output)
        case .double(let number):
            if number.isFinite {
                output.append(contentsOf: String(number).utf8)
            } else {
                writeLiteral("null", into: &output)
            }
        case .string(let text): writeString(text, into: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            if elements.isEmpty {
                output.append(UInt8(ascii: "]"))
                return
            }
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent: indent, level: level + 1)
                write(element, into: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent: indent, level: level)
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            writeObject(object, into: &output, indent: indent, level: level)
        }
    }

    private static func writeObject(_ object: JSONObject, into output: inout [UInt8], indent: Int?, level: Int) {
        output.append(UInt8(ascii: "{"))
        if object.isEmpty {
            output.append(UInt8(ascii: "}"))
            return
        }
        let members = object.members
        if isSortedByKey(members) {
            writeMembers(members, into: &output, indent: indent, level: level)
        } else {
            let sorted = members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            writeMembers(sorted, into: &output, indent: indent, level: level)
        }
        newline(&output, indent: indent, level: level)
        output.append(UInt8(ascii: "}"))
    }

    private static func writeMembers(_ members: [JSONObject.Member], into output: inout [UInt8], indent: Int?, level: Int) {
        for (position, member) in members.enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            newline(&output, indent: indent, level: level + 1)
            writeString(member.key, into: &output)
            output.append(UInt8(ascii: ":"))
            if indent != nil { output.append(0x20) }
            write(member.value, into: &output, indent: indent, level: level + 1)
        }
    }

    /// Whether the members' keys are in non-decreasing UTF-8 byte order already (so sorting, which is
    /// stable, would not move any of them).
    private static func isSortedByKey(_ members: [JSONObject.Member]) -> Bool {
        guard members.count > 1 else { return true }
        for index in 1..<members.count where members[index].key.utf8.lexicographicallyPrecedes(members[index - 1].key.utf8) {
            return false
        }
        return true
    }
}
