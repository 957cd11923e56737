import Testing
import TransitionSupport

/// Shapes the projections use: nested structs, optionals, enums with payloads, dictionaries.
private struct Sample: Codable, Hashable {
    enum Kind: String, Codable, Hashable { case lease, claim }
    enum Outcome: Codable, Hashable {
        case none
        case superseded(by: Int)
        case replaced(String, effective: CivilDate?)
    }
    struct Entry: Codable, Hashable {
        var name: String
        var sequence: Int
    }

    var id: String
    var count: Int
    var negative: Int64
    var large: UInt64
    var ratio: Double
    var flag: Bool
    var note: String?
    var missing: Int?
    var kind: Kind
    var outcomes: [Outcome]
    var entries: [Entry]
    var byName: [String: Entry]
    var byNumber: [Int: [String]]
    var nested: [[Int?]]
    var date: CivilDate
    var stamp: Timestamp
    var document: JSONValue
}

private func sample(_ n: Int) -> Sample {
    Sample(
        id: "C-\(n) — café ✓", count: n, negative: -Int64(n) * 1_000_003, large: UInt64.max - UInt64(n), ratio: Double(n) / 7,
        flag: n % 2 == 0, note: n % 3 == 0 ? nil : "note \(n)", missing: nil, kind: n % 2 == 0 ? .lease : .claim,
        outcomes: [.none, .superseded(by: n), .replaced("r\(n)", effective: nil), .replaced("", effective: CivilDate(daysSinceEpoch: n))],
        entries: (0..<n % 5).map { Sample.Entry(name: "e\($0)", sequence: $0 * n) },
        byName: ["a": Sample.Entry(name: "x", sequence: 1), "b\(n)": Sample.Entry(name: "", sequence: -n)],
        byNumber: [1: ["one"], -n: [], 40_000: ["a", "b"]], nested: [[], [nil, 1, nil], [Int.min, Int.max]],
        date: CivilDate(daysSinceEpoch: 19_000 + n), stamp: Timestamp(millisecondsSinceEpoch: 1_650_000_000_000 + Int64(n)),
        document: .object(["k": .array([.null, .bool(true), .int(-n), .double(0.5), .string("s")]), "empty": .object([:])]))
}

/// Reads the keyed fields in reverse order, as a hand-written conformance might.
private struct Reversed: Codable, Equatable {
    var a: Int
    var b: String
    var c: Bool?
    enum CodingKeys: String, CodingKey { case a, b, c }
    init(a: Int, b: String, c: Bool?) {
        self.a = a
        self.b = b
        self.c = c
    }
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        c = try container.decodeIfPresent(Bool.self, forKey: .c)
        b = try container.decode(String.self, forKey: .b)
        a = try container.decode(Int.self, forKey: .a)
    }
}

private struct NeedsMore: Decodable {
    var a: Int
    var extra: String
}

@Suite("Binary encoder and decoder")
struct BinaryCoderTests {
    @Test("values of every shape survive a round trip", arguments: [0, 1, 2, 3, 17, 1000])
    func roundTrip(n: Int) throws {
        let value = sample(n)
        let bytes = try BinaryEncoder().encode(value)
        #expect(try BinaryDecoder().decode(Sample.self, from: bytes) == value)
    }

    @Test("top-level collections and scalars round trip")
    func topLevel() throws {
        #expect(try BinaryDecoder().decode([Int].self, from: BinaryEncoder().encode([1, 2, 3])) == [1, 2, 3])
        #expect(try BinaryDecoder().decode(String.self, from: BinaryEncoder().encode("solo")) == "solo")
        #expect(try BinaryDecoder().decode(Int?.self, from: BinaryEncoder().encode(Int?.none)) == nil)
        let many = (0..<300).map { sample($0) }
        #expect(try BinaryDecoder().decode([Sample].self, from: BinaryEncoder().encode(many)) == many)
    }

    @Test("keys may be read in any order")
    func anyOrder() throws {
        let value = Reversed(a: 7, b: "x", c: nil)
        #expect(try BinaryDecoder().decode(Reversed.self, from: BinaryEncoder().encode(value)) == value)
    }

    @Test("a missing field is a decoding error, not a default")
    func missingField() throws {
        let bytes = try BinaryEncoder().encode(Reversed(a: 1, b: "b", c: true))
        #expect(throws: DecodingError.self) { try BinaryDecoder().decode(NeedsMore.self, from: bytes) }
    }

    @Test("a wrong type is refused")
    func wrongType() throws {
        let bytes = try BinaryEncoder().encode(["a": "text"])
        #expect(throws: (any Error).self) { try BinaryDecoder().decode([String: Int].self, from: bytes) }
    }

    @Test("every truncation and every single-byte change is refused or read safely, never a crash")
    func damage() throws {
        let bytes = try BinaryEncoder().encode(sample(5))
        for length in 0..<bytes.count {
            #expect(throws: (any Error).self) { try BinaryDecoder().decode(Sample.self, from: Array(bytes[..<length])) }
        }
        var refused = 0
        for index in bytes.indices {
            for flip: UInt8 in [0x01, 0x80, 0xFF] {
                var damaged = bytes
                damaged[index] ^= flip
                if (try? BinaryDecoder().decode(Sample.self, from: damaged)) == nil { refused += 1 }
            }
        }
        #expect(refused > bytes.count, "most damage to structure must be noticed")
        #expect(throws: (any Error).self) { try BinaryDecoder().decode(Sample.self, from: bytes + [0]) }
    }

    @Test("the checksum changes with any single byte")
    func checksum() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let base = Checksum64.of(bytes)
        for index in stride(from: 0, to: bytes.count, by: 7) {
            var changed = bytes
            changed[index] &+= 1
            #expect(Checksum64.of(changed) != base)
        }
        #expect(Checksum64.of(Array(bytes.dropLast())) != base)
    }
}
