import Testing
import TransitionSupport

/// The writer as it was before it appended in runs: the byte-for-byte reference, since every hash
/// in existing logs commits to its output.
enum ReferenceJSONWriter {
    /// The canonical encoding of `value`.
    static func canonical(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, into: &output, indent: nil, level: 0)
        return output
    }

    /// Appends the canonical encoding of `value` to `output`.
    static func writeCanonical(_ value: JSONValue, into output: inout [UInt8]) {
        write(value, into: &output, indent: nil, level: 0)
    }

    /// The canonical encoding as a string.
    static func canonicalString(_ value: JSONValue) -> String {
        String(decoding: canonical(value), as: UTF8.self)
    }

    /// An indented rendering (sorted keys, two spaces, trailing newline), for people and `--json`.
    static func pretty(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        write(value, into: &output, indent: 2, level: 0)
        output.append(0x0A)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends a JSON string literal for `text`.
    static func writeString(_ text: String, into output: inout [UInt8]) {
        output.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: output.append(0x5C); output.append(0x22)
            case 0x5C: output.append(0x5C); output.append(0x5C)
            case 0x0A: output.append(0x5C); output.append(UInt8(ascii: "n"))
            case 0x0D: output.append(0x5C); output.append(UInt8(ascii: "r"))
            case 0x09: output.append(0x5C); output.append(UInt8(ascii: "t"))
            case 0x08: output.append(0x5C); output.append(UInt8(ascii: "b"))
            case 0x0C: output.append(0x5C); output.append(UInt8(ascii: "f"))
            case 0x00..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: output.append(byte)
            }
        }
        output.append(0x22)
    }

    private static func newline(_ output: inout [UInt8], indent: Int?, level: Int) {
        guard let indent else { return }
        output.append(0x0A)
        output.append(contentsOf: repeatElement(0x20, count: indent * level))
    }

    private static func write(_ value: JSONValue, into output: inout [UInt8], indent: Int?, level: Int) {
        switch value {
        case .null: output.append(contentsOf: Array("null".utf8))
        case .bool(let flag): output.append(contentsOf: Array((flag ? "true" : "false").utf8))
        case .int(let number): output.append(contentsOf: Array(String(number).utf8))
        case .double(let number):
            if number.isFinite {
                output.append(contentsOf: Array(String(number).utf8))
            } else {
                output.append(contentsOf: Array("null".utf8))
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
            output.append(UInt8(ascii: "{"))
            if object.isEmpty {
                output.append(UInt8(ascii: "}"))
                return
            }
            let sorted = object.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (position, member) in sorted.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                newline(&output, indent: indent, level: level + 1)
                writeString(member.key, into: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(0x20) }
                write(member.value, into: &output, indent: indent, level: level + 1)
            }
            newline(&output, indent: indent, level: level)
            output.append(UInt8(ascii: "}"))
        }
    }
}

/// Random JSON values with awkward strings, keys in any order, and every number shape.
struct RandomJSON {
    var generator: CSVTestRandom

    mutating func string() -> String {
        let pieces = ["a", "Z", "é", "😀", "\"", "\\", "\n", "\t", "\u{01}", "\u{1F}", "\u{7F}", " ", "–", "\r", "\u{08}", "\u{0C}", "/"]
        let count = Int.random(in: 0..<8, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
    }

    mutating func value(depth: Int) -> JSONValue {
        switch Int.random(in: 0..<(depth > 3 ? 6 : 8), using: &generator) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &generator))
        case 2: return .int([0, -1, 7, Int.max, Int.min, 1_000_000, -42].randomElement(using: &generator) ?? 0)
        case 3: return .int(Int.random(in: Int.min...Int.max, using: &generator))
        case 4: return .double([1.5, -0.25, 1e-5, 1e300, 0.1, Double.infinity, 3.0].randomElement(using: &generator) ?? 0)
        case 5: return .string(string())
        case 6: return .array((0..<Int.random(in: 0..<4, using: &generator)).map { _ in value(depth: depth + 1) })
        default:
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0..<5, using: &generator) { object[string()] = value(depth: depth + 1) }
            return .object(object)
        }
    }
}

@Suite("JSONWriter output is byte-for-byte what it always was")
struct JSONWriterTests {
    @Test("canonical and pretty output match the reference writer", arguments: 0..<4)
    func matchesReference(seed: Int) {
        var random = RandomJSON(generator: CSVTestRandom(seed: UInt64(seed)))
        for _ in 0..<500 {
            let value = random.value(depth: 0)
            #expect(JSONWriter.canonical(value) == ReferenceJSONWriter.canonical(value))
            #expect(JSONWriter.pretty(value) == ReferenceJSONWriter.pretty(value))
            var string: [UInt8] = []
            var reference: [UInt8] = []
            let text = random.string()
            JSONWriter.writeString(text, into: &string)
            ReferenceJSONWriter.writeString(text, into: &reference)
            #expect(string == reference)
        }
    }

    @Test("integers are written as String(_:) spells them", arguments: [0, 1, -1, 9, 10, -10, 99, 100, Int.max, Int.min, Int.min + 1])
    func integers(value: Int) {
        var output: [UInt8] = []
        JSONWriter.writeInteger(value, into: &output)
        #expect(String(decoding: output, as: UTF8.self) == String(value))
    }

    @Test("an object already in key order and the same object shuffled encode alike")
    func sortedAndShuffled() {
        let sorted: JSONObject = ["a": .int(1), "b": .int(2), "é": .int(3)]
        let shuffled: JSONObject = ["é": .int(3), "a": .int(1), "b": .int(2)]
        #expect(JSONWriter.canonical(.object(sorted)) == JSONWriter.canonical(.object(shuffled)))
        #expect(JSONWriter.canonicalString(.object(shuffled)) == #"{"a":1,"b":2,"é":3}"#)
    }
}
