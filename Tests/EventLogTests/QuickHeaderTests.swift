import Foundation
import Testing
import TransitionSupport
@testable import EventLog

/// The quick header reading looks only at a line's first fields and its suffix. On every line the
/// writer produces it must give the exact header; on an edited line that the full decoder still
/// reads, the only thing it may get wrong is a batch marker it does not recognise (read as none),
/// which is what ``LogReplay`` checks for.
@Suite("Reading event headers the quick way")
struct QuickHeaderTests {
    let exact = EventHeaderTests()

    func quick(_ line: [UInt8]) -> EventHeader? {
        line.withUnsafeBufferPointer { EventHeader.quick($0) }
    }

    @Test("every line the writer produces, single or batched, gets the exact header")
    func writerLines() throws {
        let lines = try variedLines()
        #expect(lines.contains { String(decoding: $0, as: UTF8.self).contains("\"batch\":") })
        for line in lines {
            let expected = try #require(exact.reference(line))
            let read = line.withUnsafeBufferPointer { EventHeader.read(line: $0, fullRecordTypes: [], reading: .quick) }
            #expect(try read.get() == expected, "\(String(decoding: line, as: UTF8.self))")
        }
    }

    @Test("a payload that ends like a batch marker is not read as one")
    func lookalikes() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        for data: JSONObject in [
            ["batch": .object(["first": .int(1), "size": .int(2)])],
            ["a": .int(1), "batch": .object(["first": .int(1), "size": .int(2)])],
            ["text": .string(#","batch":{"first":1,"size":2}"#)],
        ] {
            try log.append([ProposedEvent(type: "t.lookalike", actor: "a", data: data)])
            try log.append([ProposedEvent(type: "t.lookalike", actor: "a", data: [:], signature: data)])
        }
        for record in try log.readAll() {
            let segment = try #require(try log.segments().first)
            let lines = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment.path))).split(separator: 0x0A).map(Array.init)
            let line = lines[record.sequence - 1]
            #expect(quick(line)?.batch == nil)
            #expect(quick(line) == exact.reference(line))
        }
    }

    @Test(
        "property: after random edits, a line the decoder reads gets the decoder's header, but for an unrecognised batch marker",
        arguments: 0..<4)
    func randomEdits(seed: Int) throws {
        let lines = try variedLines()
        var generator = SplitMix(seed: UInt64(seed) &+ 9_191)
        var compared = 0
        for _ in 0..<3000 {
            let line = EventHeaderTests.randomlyEdited(lines, &generator)
            guard let expected = exact.reference(line), let read = quick(line) else { continue }
            compared += 1
            var withoutBatch = expected
            withoutBatch.batch = nil
            #expect(read == expected || (read.batch == nil && read == withoutBatch), "\(String(decoding: line, as: UTF8.self))")
        }
        #expect(compared > 100, "enough edited lines still decode for the comparison to mean something")
    }

    @Test("a batch marker written another way is read as none (the case the replay checks for)")
    func unrecognisedMarker() throws {
        let batched = try #require(try variedLines().last { String(decoding: $0, as: UTF8.self).contains(#","batch":"#) })
        let edited = Array(String(decoding: batched, as: UTF8.self).replacingOccurrences(of: #","batch":{"#, with: #","batch": {"#).utf8)
        let expected = try #require(exact.reference(edited))
        #expect(expected.batch != nil)
        #expect(quick(edited)?.batch == nil)
        #expect(quick(edited)?.type == expected.type)
        #expect(quick(edited)?.hash == expected.hash)
    }
}
