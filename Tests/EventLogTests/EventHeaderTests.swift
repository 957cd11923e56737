import Foundation
import Testing
import TransitionSupport
@testable import EventLog

/// A replay's first pass reads only each line's header; whenever the full decoder reads a line,
/// the header must carry exactly the decoder's values.
@Suite("Reading event headers without the payload")
struct EventHeaderTests {
    /// The header the full decoder gives `line`, or `nil` when it rejects the line.
    func reference(_ line: [UInt8]) -> EventHeader? {
        guard let record = try? EventRecord.decode(line: line, checkingHash: false).record else { return nil }
        return EventHeader(record, keepingRecord: false)
    }

    func fastHeader(_ line: [UInt8]) -> EventHeader? {
        line.withUnsafeBufferPointer { EventHeader.canonical($0) }
    }

    @Test("every line the writer produces, single or batched, is read byte by byte with the decoder's values")
    func writerLines() throws {
        let lines = try variedLines()
        #expect(lines.contains { String(decoding: $0, as: UTF8.self).contains("\"batch\":") })
        for line in lines {
            let text = String(decoding: line, as: UTF8.self)
            let expected = try #require(reference(line))
            // As for verify's reading: these two are valid but outside the byte-level reading.
            let decoderOnly = text.contains("t.unicode.keys") || text.contains("t.exponents")
            #expect(fastHeader(line) == (decoderOnly ? nil : expected), "\(text)")
            #expect(try line.withUnsafeBufferPointer { try EventHeader.read(line: $0, fullRecordTypes: []).get() } == expected)
        }
    }

    @Test("the whole record comes with the header for the types asked for, and only for those")
    func fullRecords() throws {
        for line in try variedLines() {
            let record = try EventRecord.decode(line: line, checkingHash: false).record
            let asked = line.withUnsafeBufferPointer { EventHeader.read(line: $0, fullRecordTypes: [record.type]) }
            #expect(try asked.get().record == record)
            let other = line.withUnsafeBufferPointer { EventHeader.read(line: $0, fullRecordTypes: ["some.other.type"]) }
            #expect(try other.get().record == nil)
            #expect(try other.get() == EventHeader(record, keepingRecord: false))
        }
    }

    @Test("a payload that mentions a batch marker is not mistaken for one")
    func batchLookalikes() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        let lookalikes: [JSONObject] = [
            ["batch": .object(["first": .int(1), "size": .int(2)])],
            ["a": .object(["batch": .object(["first": .int(7), "size": .int(9)])])],
            ["a": .int(1), "batch": .object(["first": .int(1), "size": .int(2)])],
            ["text": .string(#","batch":{"first":1,"size":2}"#)],
        ]
        for data in lookalikes {
            _ = try log.append([ProposedEvent(type: "t.lookalike", actor: "a", data: data)])
            _ = try log.append([ProposedEvent(type: "t.lookalike", actor: "a", data: data), ProposedEvent(type: "t.lookalike", actor: "a", data: data)])
            _ = try log.append([ProposedEvent(type: "t.lookalike", actor: "a", data: [:], system: data)])
        }
        let segment = try #require(try log.segments().first)
        let lines = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment.path))).split(separator: 0x0A).map(Array.init)
        #expect(lines.count == 16)
        for line in lines {
            let expected = try #require(reference(line))
            let fast = fastHeader(line)
            #expect(fast == nil || fast == expected, "\(String(decoding: line, as: UTF8.self))")
            #expect(try line.withUnsafeBufferPointer { try EventHeader.read(line: $0, fullRecordTypes: []).get() } == expected)
        }
    }

    @Test("property: after random edits, a line the decoder reads has the decoder's header", arguments: 0..<4)
    func randomEdits(seed: Int) throws {
        let lines = try variedLines()
        var generator = SplitMix(seed: UInt64(seed) &+ 4242)
        var agreed = 0
        for _ in 0..<2000 {
            let line = Self.randomlyEdited(lines, &generator)
            let read = line.withUnsafeBufferPointer { EventHeader.read(line: $0, fullRecordTypes: []) }
            if let expected = reference(line) {
                #expect(try read.get() == expected, "\(String(decoding: line, as: UTF8.self))")
                agreed += 1
            }
        }
        #expect(agreed > 100, "enough edited lines still decode for the comparison to mean something")
    }

    /// One of `lines` with one to three bytes replaced, inserted or removed: the header readers'
    /// property tests (here and in `QuickHeaderTests`) run on such lines.
    static func randomlyEdited(_ lines: [[UInt8]], _ generator: inout SplitMix) -> [UInt8] {
        let alphabet = Array(#"{}[]",:\/0123456789.eE-+ tnfaluxyzbchisABCDEF"#.utf8) + [0x00, 0x0A, 0x7F, 0x80, 0xC3, 0xFF]
        var line = lines[Int(generator.next() % UInt64(lines.count))]
        for _ in 0..<(1 + Int(generator.next() % 3)) where !line.isEmpty {
            let position = Int(generator.next() % UInt64(line.count))
            let byte = alphabet[Int(generator.next() % UInt64(alphabet.count))]
            switch generator.next() % 3 {
            case 0: line[position] = byte
            case 1: line.insert(byte, at: position)
            default: line.remove(at: position)
            }
        }
        return line
    }

    @Test("a line that is canonical only at its ends is not read from its ends", arguments: [
        (#","batch":"#, #","batch"   :"#),  // white space inside the marker (found by fuzzing)
        (#","data":{"#, #","data":{"batch":{"first":9,"size":9},"#),  // a look-alike inside the payload
        (#","schema":"#, #","seq":99,"schema":"#),  // a repeated key
    ])
    func middleDeviations(original: String, replacement: String) throws {
        let batched = try #require(try variedLines().last { String(decoding: $0, as: UTF8.self).contains(#","batch":"#) })
        let text = String(decoding: batched, as: UTF8.self)
        let edited = Array(text.replacingOccurrences(of: original, with: replacement).utf8)
        #expect(edited != batched)
        let read = edited.withUnsafeBufferPointer { EventHeader.read(line: $0, fullRecordTypes: []) }
        if let expected = reference(edited) {
            #expect(try read.get() == expected, "\(replacement)")
        }
        #expect(fastHeader(edited) == nil || fastHeader(edited) == reference(edited), "\(replacement)")
    }

    @Test("the fuzzer's reproducers read with the decoder's header")
    func fuzzReproducers() throws {
        var components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(2)
        let directory = (components + ["Fixtures", "fuzz", "event-line", "crashes"]).joined(separator: "/")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        #expect(!names.isEmpty)
        for name in names {
            let line = [UInt8](try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name)))
            guard let expected = reference(line) else { continue }
            #expect(try line.withUnsafeBufferPointer { try EventHeader.read(line: $0, fullRecordTypes: []).get() } == expected, "\(name)")
            #expect(fastHeader(line) == nil || fastHeader(line) == expected, "\(name)")
        }
    }
}
