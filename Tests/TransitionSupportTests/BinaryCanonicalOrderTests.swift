import Testing
import TransitionSupport

/// A string-backed enum: not `CodingKeyRepresentable`, so dictionaries keyed by it are written as
/// alternating keys and values.
private enum Stage: String, Codable, Hashable, CaseIterable {
    case mapped, consulted, transferred, excluded, deferred, withdrawn
}

/// A key type that opts into keyed containers.
private struct Code: Codable, Hashable, CodingKeyRepresentable {
    var text: String
    init(_ text: String) { self.text = text }
    var codingKey: any CodingKey { Key(stringValue: text) }
    init?<T: CodingKey>(codingKey: T) { text = codingKey.stringValue }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// The kinds of hashed collections a projection holds, nested as they are there.
private struct Registers: Codable, Equatable {
    var people: [String: Int]
    var versions: [Int: [String]]
    var open: Set<String>
    var sequences: Set<Int>
    var totals: [Stage: Int]
    var groups: [String: Set<Int>]
    var byStage: [String: [Stage: Int]]
    var codes: [Code: Bool]
}

/// Builds equal registers two ways: keys inserted forwards into roomy collections, or backwards into
/// collections grown from empty, so that their iteration orders differ.
private func registers(forwards: Bool, count: Int) -> Registers {
    let indices = forwards ? Array(0..<count) : Array((0..<count).reversed())
    var value = Registers(
        people: forwards ? Dictionary(minimumCapacity: count * 8) : [:], versions: [:], open: forwards ? Set(minimumCapacity: count * 8) : [],
        sequences: [], totals: [:], groups: [:], byStage: [:], codes: [:])
    for index in indices {
        value.people["E\(10_000 + index)"] = index
        value.versions[index * 7 - count] = ["v\(index)", "w\(index)"]
        value.open.insert("DD-\(index)")
        value.sequences.insert(index * 13)
        value.groups["G\(index % 9)", default: []].insert(index)
        value.byStage["C\(index % 5)", default: [:]][Stage.allCases[index % Stage.allCases.count], default: 0] += 1
        value.codes[Code("K\(index)")] = index % 2 == 0
    }
    for stage in forwards ? Stage.allCases : Stage.allCases.reversed() { value.totals[stage] = stage.rawValue.count }
    return value
}

/// Reads a keyed container's keys in the order they are stored.
private struct StoredKeys: Decodable {
    var keys: [String]
    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { Int(stringValue) }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { stringValue = String(intValue) }
    }
    init(from decoder: any Decoder) throws {
        keys = try decoder.container(keyedBy: Key.self).allKeys.map(\.stringValue)
    }
}

@Suite("Binary encoder: dictionaries and sets in canonical order")
struct BinaryCanonicalOrderTests {
    @Test("equal values give equal bytes however their collections were built", arguments: [1, 2, 10, 300])
    func equalBytes(count: Int) throws {
        let forwards = registers(forwards: true, count: count)
        let backwards = registers(forwards: false, count: count)
        #expect(forwards == backwards)
        if count >= 10 {
            // Otherwise the test would prove nothing: the two really iterate differently.
            #expect(Array(forwards.people.keys) != Array(backwards.people.keys))
            #expect(Array(forwards.open) != Array(backwards.open))
        }
        let bytes = try BinaryEncoder().encode(forwards)
        #expect(try BinaryEncoder().encode(backwards) == bytes)
        #expect(try BinaryDecoder().decode(Registers.self, from: bytes) == forwards)
    }

    @Test("string keys are stored sorted as strings, integer keys as numbers")
    func sortedKeys() throws {
        let names = ["b", "a", "é", "A", "ab", "", "Z9", "z"]
        let byName = Dictionary(uniqueKeysWithValues: names.map { ($0, 1) })
        #expect(try BinaryDecoder().decode(StoredKeys.self, from: BinaryEncoder().encode(byName)).keys == names.sorted())
        let numbers = [100, -5, 3, 0, 20, Int.min, Int.max]
        let byNumber = Dictionary(uniqueKeysWithValues: numbers.map { ($0, "x") })
        #expect(try BinaryDecoder().decode(StoredKeys.self, from: BinaryEncoder().encode(byNumber)).keys == numbers.sorted().map(String.init))
        let codes = Dictionary(uniqueKeysWithValues: ["q", "c", "m"].map { (Code($0), 0) })
        #expect(try BinaryDecoder().decode(StoredKeys.self, from: BinaryEncoder().encode(codes)).keys == ["c", "m", "q"])
    }

    @Test("sets and other keys read back in canonical order")
    func sortedMembers() throws {
        let members: Set<String> = ["DD-3", "DD-10", "DD-1", "DD-2"]
        #expect(try BinaryDecoder().decode([String].self, from: BinaryEncoder().encode(members)) == members.sorted())
        let numbers: Set<Int> = [9, -1, 400, 3]
        #expect(try BinaryDecoder().decode([Int].self, from: BinaryEncoder().encode(numbers)) == numbers.sorted())
        let totals: [Stage: Int] = [.withdrawn: 1, .mapped: 2, .consulted: 3]
        // Alternating keys and values, the keys in the order of their own encodings (a string's
        // length comes before its bytes).
        let stored = try BinaryDecoder().decode([String].self, from: BinaryEncoder().encode(totals.mapValues(String.init)))
        #expect(stored == ["mapped", "2", "consulted", "3", "withdrawn", "1"])
    }

    @Test("empty collections round trip")
    func empty() throws {
        let value = Registers(people: [:], versions: [:], open: [], sequences: [], totals: [:], groups: ["g": []], byStage: [:], codes: [:])
        #expect(try BinaryDecoder().decode(Registers.self, from: BinaryEncoder().encode(value)) == value)
    }
}
