import Foundation
import Testing
import TransitionSupport
@testable import EventLog

@Suite("Chain verification catches each kind of tampering")
struct TamperDetectionTests {
    /// A log of ten single events, and its segment's lines.
    func makeLog(_ directory: TemporaryDirectory) throws -> (EventLog, String, [String]) {
        let log = try EventLog.create(at: directory.file("log"))
        for number in 1...10 { _ = try log.append([sampleEvent(number)]) }
        let (path, lines) = try segmentLines(log)
        return (log, path, lines)
    }

    func write(_ lines: [String], to path: String) throws {
        try lines.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
    }

    @Test("one byte changed in a payload is 'modified' at that sequence")
    func modifiedPayload() throws {
        let directory = try TemporaryDirectory()
        let (log, path, lines) = try makeLog(directory)
        var changed = lines
        changed[5] = changed[5].replacingOccurrences(of: "\"event 6\"", with: "\"event 7\"")
        #expect(changed[5] != lines[5])
        try write(changed, to: path)
        let failure = try #require(try log.verify().failure)
        #expect(failure.kind == .modified && failure.sequence == 6 && failure.line == 6 && failure.file == path)
    }

    @Test("a deleted line is 'missing' naming the gap")
    func deletedLine() throws {
        let directory = try TemporaryDirectory()
        let (log, path, lines) = try makeLog(directory)
        var changed = lines
        changed.remove(at: 3)
        try write(changed, to: path)
        let failure = try #require(try log.verify().failure)
        #expect(failure.kind == .missing && failure.sequence == 4)
    }

    @Test("two swapped lines are 'reordered'")
    func swappedLines() throws {
        let directory = try TemporaryDirectory()
        let (log, path, lines) = try makeLog(directory)
        var changed = lines
        changed.swapAt(6, 7)
        try write(changed, to: path)
        let failure = try #require(try log.verify().failure)
        #expect(failure.kind == .reordered && failure.sequence == 7)
    }

    @Test("an inserted line is 'inserted'")
    func insertedLine() throws {
        let directory = try TemporaryDirectory()
        let (log, path, lines) = try makeLog(directory)
        var changed = lines
        changed.insert(lines[2], at: 5)
        try write(changed, to: path)
        let failure = try #require(try log.verify().failure)
        #expect(failure.kind == .inserted && failure.sequence == 3 && failure.line == 6)
    }

    @Test("a file truncated mid-line is 'torn' at the next sequence")
    func truncatedMidLine() throws {
        let directory = try TemporaryDirectory()
        let (log, path, _) = try makeLog(directory)
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try data.prefix(data.count - 40).write(to: URL(fileURLWithPath: path))
        let failure = try #require(try log.verify().failure)
        #expect(failure.kind == .torn && failure.sequence == 10)
    }

    @Test("an event altered and re-hashed breaks the next event's link")
    func rehashedEvent() throws {
        let directory = try TemporaryDirectory()
        let (log, path, lines) = try makeLog(directory)
        var record = try EventRecord.decode(line: Array(lines[4].utf8)).record
        record.data["n"] = .int(999)
        record.seal()
        var changed = lines
        changed[4] = String(decoding: record.line.dropLast(), as: UTF8.self)
        try write(changed, to: path)
        let failure = try #require(try log.verify().failure)
        #expect(failure.kind == .modified && failure.sequence == 5)
    }

    @Test("an anchor catches a chain rewritten from the start")
    func anchorCatchesRewrite() throws {
        let directory = try TemporaryDirectory()
        let (log, path, lines) = try makeLog(directory)
        let anchor = Anchor(sequence: 8, hash: try log.readAll()[7].hash)
        #expect(try log.verify(anchor: anchor).isValid)
        // Rewrite event 2 and re-seal every later event so the plain chain check passes.
        var records = lines.filter { !$0.isEmpty }.map { try? EventRecord.decode(line: Array($0.utf8)).record }.compactMap { $0 }
        records[1].data["n"] = .int(-2)
        for index in 1..<records.count {
            records[index].previousHash = records[index - 1].hash
            if index == 1 { records[index].previousHash = records[0].hash }
            records[index].seal()
        }
        try records.map { String(decoding: $0.line.dropLast(), as: UTF8.self) }.joined(separator: "\n").appending("\n")
            .write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try log.verify().isValid)
        let failure = try #require(try log.verify(anchor: anchor).failure)
        #expect(failure.kind == .anchor && failure.sequence == 8)
        #expect(Anchor("8:\(anchor.hash.hex)") == anchor)
        #expect(Anchor("nonsense") == nil)
    }

    @Test("changing the case of a hash digit is detected")
    func hashCase() throws {
        let directory = try TemporaryDirectory()
        let (log, path, lines) = try makeLog(directory)
        var changed = lines
        let record = try EventRecord.decode(line: Array(lines[3].utf8)).record
        let hex = record.hash.hex
        guard let letter = hex.firstIndex(where: { $0.isLetter }) else { return }
        let upper = hex.replacingCharacters(in: letter...letter, with: hex[letter...letter].uppercased())
        changed[3] = lines[3].replacingOccurrences(of: "\"hash\":\"\(hex)\"", with: "\"hash\":\"\(upper)\"")
        try write(changed, to: path)
        let failure = try #require(try log.verify().failure)
        #expect(failure.sequence == 4)
    }

    @Test("property: any single-byte change anywhere in the log is detected", arguments: 0..<8)
    func anySingleByteChange(seed: Int) throws {
        let directory = try TemporaryDirectory()
        let (log, path, _) = try makeLog(directory)
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        var generator = SplitMix(seed: UInt64(seed))
        for _ in 0..<60 {
            var bytes = [UInt8](original)
            let position = Int(generator.next() % UInt64(bytes.count))
            var replacement = UInt8(truncatingIfNeeded: generator.next())
            if replacement == bytes[position] { replacement ^= 0x01 }
            bytes[position] = replacement
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let report = try log.verify()
            #expect(!report.isValid, "byte \(position) changed to \(replacement) went unnoticed")
        }
    }
}

/// A tiny deterministic generator for property tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
