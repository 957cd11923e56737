import Foundation
import Testing
import TransitionSupport
@testable import EventLog

/// Verification reads windows of lines concurrently; its report must not depend on how.
@Suite("Verification gives the same report whatever the window, the parallelism or the line reading")
struct ParallelVerifyTests {
    /// Every line through the full decoder, one window, one thread: the plain reference walk.
    static let reference = SegmentExaminer.Tuning(windowBytes: 1 << 20, parallelThreshold: .max, readsCanonicalLines: false)
    static let tunings: [SegmentExaminer.Tuning] = [
        .standard,
        SegmentExaminer.Tuning(windowBytes: 700, parallelThreshold: 0, readsCanonicalLines: true),
        SegmentExaminer.Tuning(windowBytes: 4096, parallelThreshold: 0, readsCanonicalLines: true),
        SegmentExaminer.Tuning(windowBytes: 65_536, parallelThreshold: 0, readsCanonicalLines: true),
        SegmentExaminer.Tuning(windowBytes: 1, parallelThreshold: 0, readsCanonicalLines: true),
    ]

    /// A log of single events and batches, in one segment or several.
    func makeLog(_ directory: TemporaryDirectory, segmentBytes: Int) throws -> EventLog {
        let log = try EventLog.create(at: directory.file("log"), segmentBytes: segmentBytes)
        var number = 0
        for round in 0..<40 {
            let size = round % 4 == 0 ? 5 : 1
            _ = try log.append((0..<size).map { _ in
                number += 1
                return sampleEvent(number)
            })
        }
        _ = try log.append(variedEvents())
        return log
    }

    func expectSameReports(_ log: EventLog, _ comment: Comment? = nil) throws {
        let expected = try log.verify(anchor: nil, tuning: Self.reference)
        for tuning in Self.tunings {
            #expect(try log.verify(anchor: nil, tuning: tuning) == expected, comment)
        }
        let anchor = Anchor(sequence: 30, hash: EventRecord.genesisHash)
        let anchored = try log.verify(anchor: anchor, tuning: Self.reference)
        #expect(try log.verify(anchor: anchor, tuning: .standard) == anchored, comment)
    }

    @Test("an intact log, in one segment and in many", arguments: [64 << 20, 3_000])
    func intact(segmentBytes: Int) throws {
        let directory = try TemporaryDirectory()
        let log = try makeLog(directory, segmentBytes: segmentBytes)
        #expect(try log.verify().isValid)
        try expectSameReports(log)
    }

    @Test("property: random damage is reported identically by every reading", arguments: 0..<4)
    func randomDamage(seed: Int) throws {
        let directory = try TemporaryDirectory()
        let log = try makeLog(directory, segmentBytes: seed % 2 == 0 ? 64 << 20 : 5_000)
        let segments = try log.segments()
        var generator = SplitMix(seed: UInt64(seed) &+ 77)
        for _ in 0..<25 {
            let segment = segments[Int(generator.next() % UInt64(segments.count))]
            let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment.path)))
            var lines = original.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            lines.removeLast()  // the empty piece after the final newline
            let index = Int(generator.next() % UInt64(lines.count))
            let other = Int(generator.next() % UInt64(lines.count))
            switch generator.next() % 7 {
            case 0:
                let position = Int(generator.next() % UInt64(lines[index].count))
                lines[index][position] ^= UInt8(truncatingIfNeeded: 1 << (generator.next() % 8))
            case 1: lines.remove(at: index)
            case 2: lines.swapAt(index, other)
            case 3: lines.insert(lines[index], at: other)
            case 4: lines[index] = Array(repeating: UInt8(ascii: "x"), count: 10_000)
            case 5: lines[index] = []
            default: break
            }
            var damaged = Array(lines.joined(separator: [0x0A]))
            if generator.next() % 3 == 0 {
                damaged.removeLast(min(damaged.count, Int(generator.next() % 300) + 1))  // torn tail
            } else {
                damaged.append(0x0A)
            }
            try Data(damaged).write(to: URL(fileURLWithPath: segment.path))
            try expectSameReports(log, "seed \(seed)")
            try Data(original).write(to: URL(fileURLWithPath: segment.path))
        }
    }
}
