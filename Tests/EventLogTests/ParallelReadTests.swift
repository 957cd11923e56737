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
            _ = try log.append((number..<number + size).map { sampleEvent($0, entity: "E-\($0 % 97)") })
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

    /// Every record `streamRuns` shows with blocks of `blockBytes`, in order, and how many blocks.
    /// Each block's position must be the one just after its last record, as the per-event read gives it.
    func readInRuns(_ log: EventLog, blockBytes: Int) throws -> (records: [EventRecord], blocks: Int, nils: Int) {
        var positions: [Int: LogPosition] = [:]
        try log.forEachPositioned { record, position in
            positions[record.sequence] = position
            return true
        }
        var records: [EventRecord] = []
        var blocks = 0
        var nils = 0
        try log.streamRuns(segments: log.segments(), reading: ParallelLineDecoder.records, blockBytes: blockBytes) { runs, after in
            blocks += 1
            for run in runs.indices {
                for index in runs[run].indices {
                    if let record = runs[run][index].take() { records.append(record) } else { nils += 1 }
                }
            }
            #expect(records.last.map { positions[$0.sequence] == after } == true, "the position after block \(blocks)")
            return true
        }
        return (records, blocks, nils)
    }

    @Test("reading in runs a block at a time equals reading event by event, whatever the block size")
    func runsSameAsEvents() throws {
        for segmentBytes in [LogLayout.defaultSegmentBytes, 300_000] {
            let directory = try TemporaryDirectory()
            let log = try bigLog(directory, segmentBytes: segmentBytes)
            let expected = try log.readAll()
            for blockBytes in [1, 700, 20_000, 1 << 20] {
                let read = try readInRuns(log, blockBytes: blockBytes)
                #expect(read.records == expected, "blocks of \(blockBytes) bytes, segments of \(segmentBytes)")
                #expect(read.nils == 0, "every element shown is a record")
                if blockBytes == 20_000 { #expect(read.blocks > 10, "batches of up to 61 events span blocks") }
            }
        }
    }

    @Test("reading in runs holds back a batch whose last member is missing, as reading event by event does")
    func runsHoldBackUnfinishedBatch() throws {
        let directory = try TemporaryDirectory()
        let log = try bigLog(directory)
        _ = try log.append((0..<40).map { sampleEvent(10_000 + $0) })
        let complete = try log.readAll()
        // Cut the batch's last line off (the lines before it stay whole).
        let segment = try #require(log.segments().last)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: segment.path))
        let lastLine = try #require(bytes.dropLast().lastIndex(of: 0x0A))
        try bytes.prefix(through: lastLine).write(to: URL(fileURLWithPath: segment.path))
        let eventByEvent = try log.readAll()
        #expect(eventByEvent == Array(complete.dropLast(40)), "the 39 members read are held back")
        for blockBytes in [1, 3_000, 1 << 20] {
            #expect(try readInRuns(log, blockBytes: blockBytes).records == eventByEvent, "blocks of \(blockBytes) bytes")
        }
    }

    @Test("a reader in runs may stop after any block")
    func runsStopEarly() throws {
        let directory = try TemporaryDirectory()
        let log = try bigLog(directory)
        var blocks = 0
        var seen = 0
        try log.streamRuns(segments: log.segments(), reading: ParallelLineDecoder.records, blockBytes: 20_000) { runs, _ in
            blocks += 1
            seen += runs.reduce(0) { $0 + $1.count }
            return blocks < 3
        }
        #expect(blocks == 3)
        #expect(seen > 0 && seen < 6_000)
    }
}
