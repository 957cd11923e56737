import Foundation
import Testing
import TransitionSupport
@testable import EventLog

@Suite("The writer's one-read tail check agrees with head() and the torn-tail check")
struct AppendPositionTests {
    @Test("property: cut anywhere, the append position matches head() and committedTail", arguments: 0..<3)
    func cutAnywhere(seed: Int) throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"), segmentBytes: seed == 2 ? 20_000 : 64 << 20)
        var number = 0
        for round in 0..<12 {
            // Batches of 40 span more than the first 4 KiB window.
            let size = round % 3 == 0 ? 1 : 40
            _ = try log.append((0..<size).map { _ in
                number += 1
                return sampleEvent(number)
            })
        }
        let segment = try #require(try log.segments().last)
        let original = try Data(contentsOf: URL(fileURLWithPath: segment.path))
        var generator = SplitMix(seed: UInt64(seed) &+ 5)
        for _ in 0..<60 {
            let cut = Int(generator.next() % UInt64(original.count + 1))
            try original.prefix(cut).write(to: URL(fileURLWithPath: segment.path))
            let position = try log.appendPosition()
            let tail = try log.committedTail(of: segment)
            #expect(position.head == (try log.head()), "cut at \(cut)")
            #expect(position.isTorn == (tail.end < tail.size), "cut at \(cut)")
            #expect(position.segmentSize == cut)
            #expect(try log.committedEnd(of: segment).end == tail.end)
        }
        try original.write(to: URL(fileURLWithPath: segment.path))
        #expect(try log.appendPosition().head == (try log.head()))
    }

    @Test("a damaged last line is refused with the same error as head()")
    func damagedLastLine() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        for number in 1...3 { _ = try log.append([sampleEvent(number)]) }
        let segment = try #require(try log.segments().last)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment.path)))
        bytes[bytes.count - 30] = UInt8(ascii: "{")
        try Data(bytes).write(to: URL(fileURLWithPath: segment.path))
        var expected: EventLogError?
        do { _ = try log.head() } catch let error as EventLogError { expected = error }
        #expect(expected != nil)
        #expect(throws: try #require(expected)) { try log.appendPosition() }
    }
}
