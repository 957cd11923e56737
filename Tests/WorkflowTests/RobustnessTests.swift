import Testing
import TransitionSupport
import Workflow

/// A small deterministic generator (SplitMix64), so every run mutates the same way.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite struct RobustnessTests {
    /// Loads `bytes` and checks the outcome is either a workflow or a well-formed refusal.
    private func check(_ bytes: [UInt8], expectLocations: Bool) {
        do {
            _ = try WorkflowLoader.load(bytes: bytes, file: "fuzz.json")
        } catch {
            #expect(!error.problems.isEmpty)
            for problem in error.problems {
                #expect(!problem.message.isEmpty)
                if expectLocations { #expect(problem.line != nil, "no line for \(problem)") }
            }
            _ = error.description
        }
    }

    @Test("thousands of byte-level mutations of a valid workflow never crash the loader")
    func byteMutations() throws {
        var random = SeededGenerator(seed: 20_220_701)
        let base = try BaseWorkflow.document.prettyBytes
        let alphabet = Array("{}[],:\"\\ -0123456789.eE+truefalsnl$*T-AMGOLIV".utf8) + [0x00, 0x0A, 0xC3, 0xFF]
        for _ in 0..<3000 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                guard !bytes.isEmpty else { break }
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<5, using: &random) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &random)
                case 1: bytes[position] = alphabet.randomElement(using: &random) ?? 0
                case 2:
                    bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...40, using: &random)))
                case 3: bytes.removeSubrange(position...)
                default:
                    let end = min(bytes.count, position + Int.random(in: 1...60, using: &random))
                    bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &random))
                }
            }
            check(bytes, expectLocations: false)
        }
    }

    @Test("thousands of value-level mutations (wrong types, removals, odd values) never crash the loader")
    func valueMutations() throws {
        var random = SeededGenerator(seed: 1_040_2026)
        let base = try BaseWorkflow.document
        let paths = RobustnessTests.paths(in: base, at: .root)
        let pool: [JSONValue] = [
            .null, .bool(true), .bool(false), .int(0), .int(-1), .int(Int.max), .int(Int.min), .double(1.5),
            .double(-1e300), .string(""), .string("T-A"), .string("M-GOLIVE"), .string("2022-02-29"),
            .string("2022-06-01"), .string("$statutoryDate"), .string("$nope"), .string("*"), .string("task.*"),
            .string("ros.signed"), .string("FS"), .string("target"), .string("dueDiligence"), .string("ros"),
            .string("\u{0}\u{FFFF}ü"), .array([]), .array([.string("T-A"), .int(3)]), .object(JSONObject()),
            .object(["task": .string("T-A"), "type": .string("SF"), "lag": .int(-99)]),
            .object(["all": .string("task"), "field": .string("id"), "equals": .string("T-A")]),
            RobustnessTests.nested(depth: 40),
        ]
        for _ in 0..<2000 {
            var document = base
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                guard let path = paths.randomElement(using: &random) else { break }
                let edit: Edit =
                    Bool.random(using: &random) || path.components.isEmpty
                    ? .set(path.description, pool.randomElement(using: &random) ?? .null)
                    : .remove(path.description)
                document = RobustnessTests.quietly(document, edit)
            }
            check(document.prettyBytes, expectLocations: true)
        }
    }

    @Test("mutations of the shipped BOB workflow never crash the loader")
    func shippedMutations() throws {
        let path = TestFiles.workflowsDirectory + "/bob-ccg-to-icb-2022.json"
        guard let original = TestFiles.read(path) else {
            Issue.record("\(path) is missing; skipped")
            return
        }
        var random = SeededGenerator(seed: 14)
        for _ in 0..<150 {
            var bytes = original
            let position = Int.random(in: 0..<bytes.count, using: &random)
            if Bool.random(using: &random) {
                bytes[position] = UInt8.random(in: 0x20...0x7E, using: &random)
            } else {
                bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...8, using: &random)))
            }
            check(bytes, expectLocations: false)
        }
    }

    @Test("thousands of mutations of a task sheet never crash the importer")
    func csvMutations() {
        var random = SeededGenerator(seed: 5_2026)
        let base = Array(TaskImportTests.goodCSV.utf8)
        let alphabet = Array(",\"\r\n;+-0123456789dwkFSFFSSF%/ ?".utf8) + [0xFF, 0xC3, 0x00]
        for _ in 0..<2000 {
            var bytes = base
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                guard !bytes.isEmpty else { break }
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[position] = alphabet.randomElement(using: &random) ?? 0
                case 1:
                    bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...12, using: &random)))
                default: bytes.insert(alphabet.randomElement(using: &random) ?? 0, at: position)
                }
            }
            do {
                let tasks = try TaskImport.parse(csv: bytes, file: "fuzz.csv", defaultWorkstream: "FIN")
                #expect(tasks.allSatisfy { !$0.id.isEmpty && $0.duration >= 0 })
            } catch {
                #expect(!error.problems.isEmpty)
                #expect(error.problems.allSatisfy { $0.line >= 1 && !$0.message.isEmpty })
            }
        }
    }

    /// Every path in `value` (objects' members and arrays' elements, recursively).
    static func paths(in value: JSONValue, at path: JSONPath) -> [JSONPath] {
        var result = [path]
        switch value {
        case .object(let object):
            for member in object.members { result += paths(in: member.value, at: path.member(member.key)) }
        case .array(let elements):
            for (index, element) in elements.enumerated() { result += paths(in: element, at: path.element(index)) }
        default:
            break
        }
        return result
    }

    /// Arrays nested `depth` deep.
    static func nested(depth: Int) -> JSONValue {
        var value = JSONValue.string("bottom")
        for _ in 0..<depth { value = .array([value]) }
        return value
    }

    /// Applies `edit` where the path still exists (earlier edits may have removed it).
    static func quietly(_ document: JSONValue, _ edit: Edit) -> JSONValue {
        let path: String
        switch edit {
        case .set(let target, _), .remove(let target), .append(let target, _): path = target
        }
        guard let parsed = JSONPath(parsing: path), exists(parsed.components[...], in: document) else {
            return document
        }
        return document.applying([edit])
    }

    private static func exists(_ components: ArraySlice<JSONPath.Component>, in value: JSONValue) -> Bool {
        guard let first = components.first else { return true }
        switch (first, value) {
        case (.key(let key), .object(let object)):
            guard let child = object[key] else { return false }
            return exists(components.dropFirst(), in: child)
        case (.index(let index), .array(let elements)):
            return index < elements.count && exists(components.dropFirst(), in: elements[index])
        default:
            return false
        }
    }
}
