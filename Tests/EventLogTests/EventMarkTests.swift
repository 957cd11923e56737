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

    @Test("the quick look-up by length and first and last words codes exactly as the index does")
    func quickLookup() throws {
        // Names of every length around the word boundaries, sharing first or last words.
        var names = (1...40).map { length in String((0..<length).map { Character(UnicodeScalar(UInt8(97 + $0 % 26))) }) }
        names += ["contract.mechanism.chosen", "contract.due-diligence.done", "contract.registered", "staff.consulted",
                  "task.progressed", "task.finished", "dd.evidence.attached", "dd.status.changed", "abcdefgh", "abcdefgh"]
        let table = EventMark.Classifier(names: names, keepingRecordsOf: [])
        var generator = SystemRandomNumberGenerator()
        var probes = names
        for name in names {
            var bytes = Array(name.utf8)
            // One byte changed anywhere, one dropped, one added: near misses.
            for index in bytes.indices {
                var changed = bytes
                changed[index] ^= 1
                probes.append(String(decoding: changed, as: UTF8.self))
            }
            probes.append(String(decoding: bytes.dropLast(), as: UTF8.self))
            bytes.append(UInt8(ascii: "x"))
            probes.append(String(decoding: bytes, as: UTF8.self))
        }
        probes += ["", "é", "contract.mechanism.chosén", "\u{212A}", "abcdefgh\u{0301}"]
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...45, using: &generator)
            probes.append(String((0..<length).map { _ in Character(UnicodeScalar(UInt8.random(in: 97...100, using: &generator))) }))
        }
        for probe in probes {
            let expected = table.code(of: probe)
            // Inside a line, with bytes of every kind on both sides (as the type sits between quotes).
            for padding in [0, 3, 8, 16] {
                let line = Array(repeating: UInt8(ascii: "\""), count: padding) + Array(probe.utf8) + Array("\",\"schema\":1}".utf8)
                let code = line.withUnsafeBufferPointer { line in
                    table.code(ofUTF8: UnsafeBufferPointer(rebasing: line[padding..<padding + probe.utf8.count]), within: line)
                }
                #expect(code == expected, "\(probe) after \(padding) bytes")
            }
        }
        #expect(table.code(of: "abcdefgh") == 8, "a repeated name keeps its first code")
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
