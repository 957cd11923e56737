import Foundation
import Testing
import TransitionSupport
@testable import EventLog

/// A type mark is read from a line's first fields only. On every line the writer produces it must
/// carry the full decoder's sequence number and type, and the whole record of kept types; the
/// stream of them checks order as every read does, and ``EventLog/position(afterEvent:hash:)``
/// gives the position a positioned read gives.
@Suite("Reading event type marks, and finding the position after an event")
struct EventTypeMarkTests {
    let classifier = EventTypeClassifier.writerSample

    /// The type mark the full decoder's values give `record`.
    func reference(_ record: EventRecord) -> EventTypeMark {
        let code = classifier.code(of: record.type)
        return EventTypeMark(sequence: record.sequence, typeCode: code, record: classifier.keepsRecord(ofCode: code) ? record : nil)
    }

    func read(_ line: [UInt8]) -> Result<EventTypeMark, LineDecodingError> {
        line.withUnsafeBufferPointer { EventTypeMark.read(line: $0, classifier: classifier) }
    }

    @Test("every line the writer produces is read with the decoder's sequence number, type and kept record")
    func writerLines() throws {
        var codes: Set<Int> = []
        for line in try variedLines() {
            let record = try EventRecord.decode(line: line, checkingHash: false).record
            let expected = reference(record)
            codes.insert(expected.typeCode)
            #expect(try read(line).get() == expected, "\(String(decoding: line, as: UTF8.self))")
        }
        #expect(codes.contains(0) && codes.count > 3)
    }

    @Test("a line not in the writer's form is read exactly, and one that does not decode fails as the decoder does")
    func otherLines() throws {
        for line in try variedLines() {
            let text = String(decoding: line, as: UTF8.self)
            // White space after the first colon: not canonical, but valid JSON.
            let spaced = Array(text.replacingOccurrences(of: "{\"seq\":", with: "{\"seq\": ").utf8)
            let record = try EventRecord.decode(line: spaced, checkingHash: false).record
            #expect(try read(spaced).get() == reference(record))
            let broken = Array(text.replacingOccurrences(of: "\"type\":", with: "\"type\"").utf8)
            #expect(throws: LineDecodingError.self) { try read(broken).get() }
        }
    }

    @Test("a type written with an escape is read exactly, and coded as the decoder reads it")
    func escapedType() throws {
        let line = try #require(try variedLines().first { String(decoding: $0, as: UTF8.self).contains(#""type":"t.minimal""#) })
        let edited = Array(
            String(decoding: line, as: UTF8.self).replacingOccurrences(of: #""type":"t.minimal""#, with: #""type":"t.minim\u0061l""#)
                .utf8)
        #expect(edited.withUnsafeBufferPointer { EventTypeMark.prefix($0, classifier) } == nil)
        let mark = try read(edited).get()
        #expect(mark.typeCode == 1)
        #expect(mark == reference(try EventRecord.decode(line: edited, checkingHash: false).record))
    }

    @Test("property: after random edits, a line the decoder reads gets the decoder's type mark", arguments: 0..<4)
    func randomEdits(seed: Int) throws {
        let lines = try variedLines()
        var generator = SplitMix(seed: UInt64(seed) &+ 9_191)
        var compared = 0
        for _ in 0..<3000 {
            let line = EventHeaderTests.randomlyEdited(lines, &generator)
            guard let record = try? EventRecord.decode(line: line, checkingHash: false).record else { continue }
            compared += 1
            #expect(try read(line).get() == reference(record), "\(String(decoding: line, as: UTF8.self))")
        }
        #expect(compared > 100, "enough edited lines still decode for the comparison to mean something")
    }

    @Test("the stream gives every line in order, with an unfinished batch at the tail, and fails on a damaged line as forEach does")
    func stream() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"), segmentBytes: 20_000)
        for number in stride(from: 0, to: 400, by: 4) {
            _ = try log.append((number..<number + (number % 3 + 1)).map { sampleEvent($0) })
        }
        _ = try log.append((0..<5).map { sampleEvent(1_000 + $0) })
        let records = try log.readAll()
        #expect(try log.segments().count > 2)
        // Cut the last batch short: its first members are still streamed as type marks.
        let last = try #require(try log.segments().last)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: last.path)))
        bytes.removeLast()
        bytes.removeSubrange(((bytes.lastIndex(of: 0x0A) ?? 0) + 1)...)
        try Data(bytes).write(to: URL(fileURLWithPath: last.path))
        var marks: [EventTypeMark] = []
        try log.forEachTypeMarkBlock(classifier) { runs in
            for run in runs.indices {
                for index in runs[run].indices { if let mark = runs[run][index].take() { marks.append(mark) } }
            }
            return true
        }
        #expect(marks == records.dropLast().map(reference))
        #expect(try log.readAll().count == records.count - 5)

        // A damaged line in the middle fails with the log's own error.
        let first = try #require(try log.segments().first)
        var damaged = [UInt8](try Data(contentsOf: URL(fileURLWithPath: first.path)))
        damaged[(damaged[..<(damaged.count / 2)].lastIndex(of: 0x0A) ?? 0) + 1] = UInt8(ascii: "#")
        try Data(damaged).write(to: URL(fileURLWithPath: first.path))
        var expected: EventLogError?
        do { _ = try log.readAll() } catch { expected = error as? EventLogError }
        let error = try #require(expected)
        #expect(throws: error) { try log.forEachTypeMarkBlock(classifier) { _ in true } }
    }

    @Test("the position after an event is the one a positioned read gives, and none for another hash or an unfinished batch")
    func positions() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"), segmentBytes: 20_000)
        for number in stride(from: 0, to: 300, by: 3) {
            _ = try log.append((number..<number + (number % 4 + 1)).map { sampleEvent($0) })
        }
        var positions: [LogPosition] = []
        try log.forEachPositioned { _, position in
            positions.append(position)
            return true
        }
        #expect(try log.segments().count > 2)
        for position in positions {
            #expect(try log.position(afterEvent: position.sequence, hash: position.hash) == position)
        }
        let last = try #require(positions.last)
        #expect(try log.position(afterEvent: last.sequence, hash: positions[0].hash) == nil)
        #expect(try log.position(afterEvent: last.sequence + 1, hash: last.hash) == nil)
        #expect(try log.position(afterEvent: 0, hash: last.hash) == nil)

        // The members of a batch left unfinished have no position.
        _ = try log.append((0..<3).map { sampleEvent(900 + $0) })
        let tail = try log.readAll().suffix(3)
        let segment = try #require(try log.segments().last)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment.path)))
        bytes.removeLast()
        bytes.removeSubrange(((bytes.lastIndex(of: 0x0A) ?? 0) + 1)...)
        try Data(bytes).write(to: URL(fileURLWithPath: segment.path))
        let member = try #require(tail.first)
        #expect(try log.position(afterEvent: member.sequence, hash: member.hash) == nil)
        #expect(try log.position(afterEvent: last.sequence, hash: last.hash) == last)
    }
}
