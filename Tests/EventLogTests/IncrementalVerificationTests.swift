import Foundation
import Testing
import TransitionSupport
@testable import EventLog

@Suite("Incremental verification re-hashes only what may have changed")
struct IncrementalVerificationTests {
    /// A log of 60 events in several small segments.
    func makeLog(_ directory: TemporaryDirectory) throws -> EventLog {
        let log = try EventLog.create(at: directory.file("log"), segmentBytes: 2_000)
        for number in 1...60 { _ = try log.append([sampleEvent(number)]) }
        #expect(try log.segments().count >= 4)
        return log
    }

    /// Bytes in the log's segment files, and in its last one.
    func sizes(_ log: EventLog) throws -> (all: Int, last: Int) {
        let sizes = try log.segments().map { try SegmentFingerprint.of(path: $0.path).size }
        return (sizes.reduce(0, +), sizes.last ?? 0)
    }

    @Test("with nothing trusted it reports what verify reports, and vouches for every sealed segment")
    func firstCheckMatchesVerify() throws {
        let directory = try TemporaryDirectory()
        let log = try makeLog(directory)
        let check = try log.verify(trusting: .none, settle: 0)
        #expect(check.report == (try log.verify()))
        #expect(check.report.isValid && check.report.eventCount == 60)
        #expect(check.bytesHashed == (try sizes(log)).all)
        #expect(check.verified.entries.map(\.name) == (try log.segments()).dropLast().map(\.name))
        #expect(check.verified.entries.last?.last.sequence == (try log.segments()).last.map { $0.firstSequence - 1 })
    }

    @Test("a second check re-hashes only the last segment and reports the same")
    func secondCheckReadsOnlyTheLastSegment() throws {
        let directory = try TemporaryDirectory()
        let log = try makeLog(directory)
        let first = try log.verify(trusting: .none, settle: 0)
        // What is kept on disk (the sealed segments, not the tail only this process walked).
        let second = try log.verify(trusting: VerifiedSegments(entries: first.verified.entries), settle: 0)
        #expect(second.report == first.report)
        #expect(second.verified == first.verified)
        #expect(second.bytesHashed == (try sizes(log)).last)
        // With the tail as well, nothing new is read.
        #expect(try log.verify(trusting: first.verified, settle: 0).bytesHashed == 0)
        // Appending more, into new segments, re-hashes only from the old last segment on.
        for number in 61...90 { _ = try log.append([sampleEvent(number)]) }
        let third = try log.verify(trusting: second.verified, settle: 0)
        #expect(third.report == (try log.verify()))
        #expect(third.report.eventCount == 90)
        #expect(third.bytesHashed < (try sizes(log)).all)
        #expect(third.verified.entries.count == (try log.segments()).count - 1)
    }

    @Test("a sealed segment edited in place after it was vouched for is read again, and the edit found")
    func editedSealedSegmentIsFound() throws {
        let directory = try TemporaryDirectory()
        let log = try makeLog(directory)
        // Only fingerprints older than the settling time are kept: wait it out once.
        Thread.sleep(forTimeInterval: 0.06)
        let trusted = try log.verify(trusting: .none, settle: 50_000_000).verified
        #expect(trusted.entries.count == (try log.segments()).count - 1)
        let segment = try log.segments()[1]
        var bytes = try Data(contentsOf: URL(fileURLWithPath: segment.path))
        // The actor of the segment's first event, "tester", becomes "Tester": same length, same file.
        let actor = try #require(bytes.range(of: Data("\"tester\"".utf8)))
        bytes[actor.lowerBound + 1] = UInt8(ascii: "T")
        let handle = try #require(FileHandle(forWritingAtPath: segment.path))
        try handle.write(contentsOf: bytes)
        try handle.close()
        let check = try log.verify(trusting: trusted, settle: 50_000_000)
        let failure = try #require(check.report.failure)
        #expect(failure.kind == .modified && failure.file == segment.path)
        #expect(!check.failureIsUnfinishedTail)
        #expect(check.verified.entries.count == 1, "only the segment before the damaged one is still vouched for")
    }

    @Test("a sealed segment replaced by another file is read again, and the damage found")
    func replacedSealedSegmentIsFound() throws {
        let directory = try TemporaryDirectory()
        let log = try makeLog(directory)
        let trusted = try log.verify(trusting: .none, settle: 0).verified
        let segment = try log.segments()[2]
        let text = try String(contentsOfFile: segment.path, encoding: .utf8)
        var lines = text.split(separator: "\n").map(String.init)
        lines.remove(at: 1)
        try (lines.joined(separator: "\n") + "\n").write(toFile: segment.path, atomically: true, encoding: .utf8)
        let failure = try #require(try log.verify(trusting: trusted, settle: 0).report.failure)
        #expect(failure.kind == .missing && failure.file == segment.path)
        #expect(failure == (try log.verify()).failure)
    }

    @Test("a fingerprint taken within the settling time is not kept")
    func unsettledFingerprintsAreNotKept() throws {
        let directory = try TemporaryDirectory()
        let log = try makeLog(directory)
        let check = try log.verify(trusting: .none, settle: 3_600_000_000_000)
        #expect(check.report.isValid)
        #expect(check.verified.entries.isEmpty)
        #expect(check.verified.tail?.name == (try log.segments()).first?.name, "the first segment is vouched for in memory only")
        let fromDisk = VerifiedSegments(entries: check.verified.entries)
        #expect(try log.verify(trusting: fromDisk, settle: 0).bytesHashed == (try sizes(log)).all)
    }

    @Test("an incomplete last line is an unfinished tail, not damage; in a sealed segment it is damage")
    func unfinishedTail() throws {
        let directory = try TemporaryDirectory()
        let log = try makeLog(directory)
        let segments = try log.segments()
        let last = try #require(segments.last)
        let handle = try #require(FileHandle(forWritingAtPath: last.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":61,\"id\":".utf8))
        try handle.close()
        let check = try log.verify(trusting: .none, settle: 0)
        #expect(check.report.failure?.kind == .torn)
        #expect(check.failureIsUnfinishedTail)
        #expect(check.report.eventCount == 60)

        let sealed = segments[1].path
        let text = try String(contentsOfFile: sealed, encoding: .utf8)
        try String(text.dropLast(5)).write(toFile: sealed, atomically: true, encoding: .utf8)
        let broken = try log.verify(trusting: .none, settle: 0)
        #expect(broken.report.failure?.file == sealed)
        #expect(!broken.failureIsUnfinishedTail)
    }

    @Test("a process checking again re-hashes only what was appended since its last check")
    func tailResumesWhereTheLastCheckEnded() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        for number in 1...20 { _ = try log.append([sampleEvent(number)]) }
        let first = try log.verify(trusting: .none, settle: 0)
        let tail = try #require(first.verified.tail)
        let size = try sizes(log).all
        #expect(tail.last.sequence == 20 && tail.lines == 20 && tail.bytes == size)
        let before = try sizes(log).all
        _ = try log.append([sampleEvent(21), sampleEvent(22)])
        _ = try log.append([sampleEvent(23)])
        let second = try log.verify(trusting: first.verified, settle: 0)
        #expect(second.report == (try log.verify()))
        #expect(second.bytesHashed == (try sizes(log)).all - before)
        #expect(second.verified.tail?.last.sequence == 23 && second.verified.tail?.lines == 23)
        // Damage after the tail is found, at the right line.
        let (path, lines) = try segmentLines(log)
        var changed = lines
        changed[21] = changed[21].replacingOccurrences(of: "\"event 22\"", with: "\"event 99\"")
        try changed.joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let failure = try #require(try log.verify(trusting: first.verified, settle: 0).report.failure)
        #expect(failure == (try log.verify()).failure)
        #expect(failure.kind == .modified && failure.sequence == 22 && failure.line == 22)
    }

    @Test("a tail is trusted only for the same file, no shorter than it was; a fresh check reads everything")
    func tailTrustedOnlyForTheSameFile() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        for number in 1...20 { _ = try log.append([sampleEvent(number)]) }
        let trusted = try log.verify(trusting: .none, settle: 0).verified
        let (path, lines) = try segmentLines(log)
        // Rewritten as another file (a new inode), with event 5 altered.
        var changed = lines
        changed[4] = changed[4].replacingOccurrences(of: "\"event 5\"", with: "\"event 6\"")
        try changed.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let replaced = try log.verify(trusting: trusted, settle: 0)
        #expect(replaced.report.failure?.sequence == 5 && replaced.bytesHashed > 0)
        // Cut shorter than the tail: walked from the start.
        try lines.prefix(10).map { $0 + "\n" }.joined().write(toFile: path, atomically: false, encoding: .utf8)
        let shorter = try log.verify(trusting: trusted, settle: 0)
        #expect(shorter.report.isValid && shorter.report.eventCount == 10)
        #expect(shorter.bytesHashed == (try sizes(log)).all)
    }

    @Test("an incomplete last line leaves the sound part of the last segment as the tail")
    func tailBeforeAnUnfinishedLine() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        for number in 1...8 { _ = try log.append([sampleEvent(number)]) }
        let sound = try sizes(log).all
        let first = try log.segments()[0]
        let handle = try #require(FileHandle(forWritingAtPath: first.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":9,".utf8))
        try handle.close()
        let check = try log.verify(trusting: .none, settle: 0)
        #expect(check.failureIsUnfinishedTail)
        #expect(check.verified.tail?.bytes == sound && check.verified.tail?.last.sequence == 8)
    }
}
