import Foundation
import Testing
import TransitionSupport
@testable import EventLog

/// A mark is read from a line's first fields and its suffix only. On every line the writer
/// produces it must carry the full decoder's values; on an edited line that the decoder still
/// reads, the only thing it may get wrong is a batch marker it does not recognise (read as none),
/// which is what ``LogReplay`` checks for.
@Suite("Reading event marks")
struct EventMarkTests {
    let exact = EventHeaderTests()
    /// Names most of the writer's types (in an order of its own, not `t.exponents`) and keeps one type's records.
    let classifier = EventMark.Classifier(
        names: ["t.minimal", "dd.evidence.attached", "t.control", "t.unicode.keys", "sample.recorded", "t.unnamed.here"],
        keepingRecordsOf: ["t.control", "not.named"])

    /// The mark the full decoder's values give `line` (the record kept as `classifier` says).
    func reference(_ line: [UInt8]) -> EventMark? {
        guard let record = try? EventRecord.decode(line: line, checkingHash: false).record else { return nil }
        let code = classifier.code(of: record.type)
        return EventMark(
            sequence: record.sequence, typeCode: code, hash: record.hash, batch: record.batch,
            record: classifier.keepsRecord(ofCode: code) ? record : nil)
    }

    func quick(_ line: [UInt8]) -> EventMark? {
        line.withUnsafeBufferPointer { EventMark.quick($0, classifier) }
    }

    func read(_ line: [UInt8]) -> Result<EventMark, LineDecodingError> {
        line.withUnsafeBufferPointer { EventMark.read(line: $0, classifier: classifier) }
    }

    @Test("every line the writer produces, single or batched, is read the quick way with the decoder's values")
    func writerLines() throws {
        let lines = try variedLines()
        #expect(lines.contains { String(decoding: $0, as: UTF8.self).contains("\"batch\":") })
        var codes: Set<Int> = []
        for line in lines {
            let text = String(decoding: line, as: UTF8.self)
            let expected = try #require(reference(line))
            codes.insert(expected.typeCode)
            var withoutRecord = expected
            withoutRecord.dropRecord()
            #expect(quick(line) == withoutRecord, "\(text)")
            #expect(try read(line).get() == expected, "\(text)")
        }
        // Named and unnamed types both occur, and a kept record is read whole.
        #expect(codes.contains(0) && codes.count > 3)
        #expect(lines.contains { line in (try? read(line).get().record) != nil })
    }

    @Test("a type is coded by its name's position, 0 when it is not named, and records are kept only for kept types")
    func coding() throws {
        #expect(classifier.names.count == 6)
        #expect(classifier.code(of: "t.minimal") == 1)
        #expect(classifier.code(of: "t.unnamed.here") == 6)
        #expect(classifier.code(of: "t.exponents") == 0)
        #expect(classifier.code(of: "t.minima") == 0)
        #expect(classifier.code(of: "") == 0)
        #expect(classifier.keepsRecord(ofCode: 3))
        #expect(!classifier.keepsRecord(ofCode: 1))
        #expect(!classifier.keepsRecord(ofCode: 0))
        #expect(!classifier.keepsRecord(ofCode: 7))
        #expect(!classifier.keepsRecord(ofCode: -1))
    }

    @Test("a type written with an escape is not read the quick way, and the exact reading codes it")
    func escapedType() throws {
        let line = try #require(try variedLines().first { String(decoding: $0, as: UTF8.self).contains(#""type":"t.minimal""#) })
        let edited = Array(
            String(decoding: line, as: UTF8.self).replacingOccurrences(of: #""type":"t.minimal""#, with: #""type":"t.minim\u0061l""#)
                .utf8)
        #expect(quick(edited) == nil)
        let mark = try read(edited).get()
        #expect(mark.typeCode == 1)
        #expect(mark == reference(edited))
    }

    @Test("a line the decoder refuses fails the reading with the decoder's reason")
    func undecodable() throws {
        let line = try #require(try variedLines().first)
        let broken = Array(line.dropLast(3))
        #expect(quick(broken) == nil)
        guard case .failure(let error) = read(broken) else {
            Issue.record("a truncated line was read")
            return
        }
        #expect(!error.reason.isEmpty)
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
        var marks = 0
        try log.forEachMark(classifier) { mark, _ in
            #expect(mark.batch == nil)
            #expect(mark.typeCode == 0)
            marks += 1
            return true
        }
        #expect(marks == 6)
        let segment = try #require(try log.segments().first)
        let lines = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment.path))).split(separator: 0x0A).map(Array.init)
        for line in lines {
            #expect(quick(line)?.batch == nil)
            #expect(quick(line) == reference(line))
        }
    }

    @Test(
        "property: after random edits, a line the decoder reads gets the decoder's mark, but for an unrecognised batch marker",
        arguments: 0..<4)
    func randomEdits(seed: Int) throws {
        let lines = try variedLines()
        var generator = SplitMix(seed: UInt64(seed) &+ 9_191)
        var compared = 0
        for _ in 0..<3000 {
            let line = EventHeaderTests.randomlyEdited(lines, &generator)
            guard var expected = reference(line), let read = quick(line) else { continue }
            compared += 1
            expected.dropRecord()
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
        let expected = try #require(reference(edited))
        #expect(expected.batch != nil)
        #expect(quick(edited)?.batch == nil)
        #expect(quick(edited)?.typeCode == expected.typeCode)
        #expect(quick(edited)?.hash == expected.hash)
        #expect(quick(edited)?.sequence == expected.sequence)
    }
}

extension EventMark {
    /// The mark without its record (as the quick reading gives it).
    mutating func dropRecord() {
        self = EventMark(sequence: sequence, typeCode: typeCode, hash: hash, batch: batch, record: nil)
    }
}
