@testable import Schedule
import Testing

/// The id index must behave exactly like `[String: Int]` keeping the first occurrence.
@Suite struct TaskIndexTests {
    static func dictionary(_ ids: [String]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, id) in ids.enumerated() where positions[id] == nil { positions[id] = position }
        return positions
    }

    @Test("finds every id, first occurrence first, and nothing else", arguments: [
        ["A", "B", "C"],
        ["", "a", "aa", "aaaaaaaa", "aaaaaaaaa", "aaaaaaaaaaaaaaaa", "a-very-long-task-identifier-beyond-small-strings"],
        ["T1", "T2", "T1", "T3", "T2"],
        (0 ..< 5_000).map { "T\($0)" },
        ["Tâche", "T", "Tâche", "e\u{301}", "é"],
        ["K", "Z"],
    ])
    func matchesDictionary(ids: [String]) {
        let index = TaskIndex(ids)
        let expected = Self.dictionary(ids)
        /// The look-up by bytes (the replay's, from a line's bytes) must agree with the one by string.
        func byBytes(_ key: String) -> Int? {
            Array(key.utf8).withUnsafeBufferPointer { index.position(ofUTF8: $0) }
        }
        for id in ids {
            #expect(index.position(of: id) == expected[id])
            #expect(byBytes(id) == expected[id])
        }
        for probe in ["", "T", "T-1", "missing", "aaaaaaa", "\u{212A}", "é", "e\u{301}", "Tache"] {
            #expect(index.position(of: probe) == expected[probe], "\(probe)")
            #expect(byBytes(probe) == expected[probe], "\(probe)")
        }
        let firstRepeat = ids.indices.first { expected[ids[$0]] != $0 }
        #expect(index.firstDuplicate == firstRepeat)
    }

    @Test("canonically equivalent spellings are the same id, as for Swift strings")
    func canonicalEquivalence() {
        // U+212A KELVIN SIGN is canonically equivalent to "K"; "é" precomposed to "e" + U+0301.
        #expect(TaskIndex(["K"]).position(of: "\u{212A}") == 0)
        #expect(TaskIndex(["\u{212A}"]).position(of: "K") == 0)
        #expect(TaskIndex(["é"]).position(of: "e\u{301}") == 0)
        #expect(TaskIndex(["K", "\u{212A}"]).firstDuplicate == 1)
    }
}
