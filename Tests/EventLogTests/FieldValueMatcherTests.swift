import Foundation
import Testing
import TransitionSupport
@testable import EventLog

@Suite("The one-pass field matcher selects exactly the lines a search per pattern selects")
struct FieldValueMatcherTests {
    /// The search it replaces: each `field + encoded value` pattern looked for in turn.
    func reference(_ line: [UInt8], field: String, values: Set<String>) -> Bool {
        line.withUnsafeBufferPointer { buffer in
            values.contains { value in
                var pattern = Array(field.utf8)
                JSONWriter.writeString(value, into: &pattern)
                return ByteSearch.contains(buffer, pattern)
            }
        }
    }

    @Test("property: random lines built from field, quote, escape and value fragments", arguments: 0..<4)
    func randomLines(seed: Int) {
        var generator = SplitMix(seed: UInt64(seed) &+ 31)
        let values = ["a", "ab", "a\"b", "a\\", "\\", "é", "x\ny", ""]
        let fragments = [",\"id\":", ",\"entity\":", "\"", "\\", "\\\"", "a", "b", "é", "\\n", "\\\\", ",", ":", "{", "}", "\"a\"", "\"ab\"",
                         "\"a\\\"b\"", "\"a\\\\\"", "\"\\\\\"", "\"x\\ny\"", "\"\""]
        for _ in 0..<3000 {
            var line: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) {
                line += Array(fragments[Int(generator.next() % UInt64(fragments.count))].utf8)
            }
            var chosen = Set<String>()
            for _ in 0..<Int(generator.next() % 4) { chosen.insert(values[Int(generator.next() % UInt64(values.count))]) }
            for field in [",\"id\":", ",\"entity\":"] {
                let matcher = FieldValueMatcher(field: field == ",\"id\":" ? ",\"id\":" : ",\"entity\":", values: chosen)
                let matched = line.withUnsafeBufferPointer { matcher.matches($0) }
                #expect(matched == reference(line, field: field, values: chosen), "\(String(decoding: line, as: UTF8.self)) \(chosen)")
            }
        }
    }

    @Test("ids are found in a log by one scan, and version counts entities")
    func lookups() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        let ids = (1...30).map { "00000000-0000-4000-8000-0000000000\(String(format: "%02d", $0))" }
        _ = try log.append(ids.enumerated().map { sampleEvent($0.offset, entity: "E-\($0.offset % 3)", id: $0.element) })
        let found = try log.records(withIDs: Set(ids[5..<9] + ["not-there"]))
        #expect(found.keys.sorted() == Array(ids[5..<9]))
        #expect(try log.version(ofEntity: "E-1") == 10)
    }
}
