import Foundation
import Testing
import TransitionSupport
@testable import EventLog

/// Reading decodes big blocks on all cores; the result must be exactly a line-by-line read.
@Suite("Reading large logs in parallel")
struct ParallelReadTests {
    /// A log large enough that reads split blocks across threads, with batches of every size.
    func bigLog(_ directory: TemporaryDirectory, segmentBytes: Int = LogLayout.defaultSegmentBytes) throws -> EventLog {
        let log = try EventLog.create(at: directory.file("log"), segmentBytes: segmentBytes)
        var number = 0
        var size = 1
        while number < 6_000 {
            try log.append((number..<number + size).map { sampleEvent($0, entity: "E-\($0 % 97)") })
            number += size
            size = size % 61 + 1
        }
        return log
    }

    func lineByLine(_ log: EventLog) throws -> [EventRecord] {
        var records: [EventRecord] = []
        for segment in try log.segments() {
            let text = try String(contentsOfFile: segment.path, encoding: .utf8)
            for line in text.split(separator: "\n") {
                records.append(try EventRecord.decode(line: Array(line.utf8), checkingHash: true).record)
            }
        }
        return records
    }

    @Test("a parallel read equals decoding each line in turn, in one segment and across many")
    func sameAsSequential() throws {
        for segmentBytes in [LogLayout.defaultSegmentBytes, 300_000] {
            let directory = try TemporaryDirectory()
            let log = try bigLog(directory, segmentBytes: segmentBytes)
            let expected = try lineByLine(log)
            #expect(expected.count >= 6_000)
            #expect(try log.readAll() == expected)
            var positions: [LogPosition] = []
            try log.forEachPositioned { _, position in
                positions.append(position)
                return true
            }
            let resumeAt = positions[4_321]
            var tail: [EventRecord] = []
            #expect(try log.forEach(after: resumeAt) { record, _ in
                tail.append(record)
                return true
            })
            #expect(tail == Array(expected[4_322...]))
        }
    }

    @Test("a torn last line is not shown, and a reader may stop early")
    func tornTailInBigLog() throws {
        let directory = try TemporaryDirectory()
        let log = try bigLog(directory)
        let committed = try log.readAll()
        let segment = try #require(log.segments().last)
        let handle = try #require(FileHandle(forWritingAtPath: segment.path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"seq\":\(committed.count + 1),\"id\":\"x".utf8))
        handle.closeFile()
        #expect(try log.readAll() == committed)
        var stopped: [Int] = []
        try log.forEach { record in
            stopped.append(record.sequence)
            return stopped.count < 5_000
        }
        #expect(stopped == Array(1...5_000), "stopping early works across parallel blocks")
    }
}
