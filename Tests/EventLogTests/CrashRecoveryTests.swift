import Foundation
import Testing
import TransitionSupport
@testable import EventLog

@Suite("Torn tails, crashes and concurrent writers", .serialized)
struct CrashRecoveryTests {
    @Test("a partial last line is invisible to readers and cut off, with a repair record, when a writer opens the log")
    func tornLine() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        _ = try log.append([sampleEvent(1), sampleEvent(2)])
        let segment = try #require(try log.segments().first)
        let handle = try #require(FileHandle(forWritingAtPath: segment.path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"seq\":3,\"id\":\"half-writ".utf8))
        try handle.close()
        #expect(try log.readAll().count == 2)
        #expect(try log.verify().failure?.kind == .torn)
        let result = try log.append([sampleEvent(3)])
        #expect(result.repairs.count == 1)
        #expect(result.repairs.first?.kind == "torn-line")
        #expect(result.repairs.first?.removedText.contains("half-writ") == true)
        #expect(result.appended.first?.sequence == 3)
        let report = try log.verify()
        #expect(report.isValid && report.eventCount == 3 && report.repairs.count == 1)
    }

    @Test("the complete lines of an unfinished batch are hidden from readers and cut off on open")
    func unfinishedBatch() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        _ = try log.append([sampleEvent(1)])
        let batch = try log.append([sampleEvent(2), sampleEvent(3), sampleEvent(4)]).appended
        // Simulate a crash after two of the batch's three lines reached the disk.
        let segment = try #require(try log.segments().first)
        let full = try Data(contentsOf: URL(fileURLWithPath: segment.path))
        let withoutLast = full.prefix(full.count - batch[2].line.count)
        try withoutLast.write(to: URL(fileURLWithPath: segment.path))
        #expect(try log.readAll().map(\.sequence) == [1])
        #expect(try log.head().sequence == 1)
        #expect(try log.verify().failure?.kind == .torn)
        let result = try log.append([sampleEvent(5)])
        #expect(result.repairs.first?.kind == "unfinished-batch")
        #expect(result.repairs.first?.sequences == [2, 3])
        #expect(result.appended.first?.sequence == 2)
        #expect(try log.verify().isValid)
    }

    @Test("two processes appending 2,000 events each end with 4,000 gapless events and a valid chain")
    func concurrentWriters() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        let tool = productsDirectory().appendingPathComponent("transition-stress")
        let processes = try (0..<2).map { index -> Process in
            let process = Process()
            process.executableURL = tool
            process.arguments = [log.layout.root, "2000", "--tag", "writer\(index)", "--expect-retry"]
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in processes {
            process.waitUntilExit()
            #expect(process.terminationStatus == 0)
        }
        let report = try log.verify()
        #expect(report.isValid)
        #expect(report.eventCount == 4000)
        let records = try log.readAll()
        #expect(records.map(\.sequence) == Array(1...4000))
        #expect(Set(records.map(\.id)).count == 4000)
        #expect(records.filter { $0.actor == "writer0" }.count == 2000)
    }

    @Test("100 SIGKILLs at random moments lose no acknowledged event and never corrupt the log")
    func crashLoop() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"), segmentBytes: 256 << 10)
        let tool = productsDirectory().appendingPathComponent("transition-stress")
        var generator = SplitMix(seed: 2022)
        var acknowledged: [Int: String] = [:]
        for round in 0..<100 {
            let process = Process()
            let pipe = Pipe()
            process.executableURL = tool
            process.arguments = [log.layout.root, "100000", "--batch", round % 2 == 0 ? "1" : "7", "--tag", "round\(round)"]
            process.standardOutput = pipe
            try process.run()
            usleep(useconds_t(5_000 + generator.next() % 60_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            for line in output.split(separator: "\n") {
                let parts = line.split(separator: " ")
                if parts.count == 3, parts[0] == "ack", let sequence = Int(parts[1]) { acknowledged[sequence] = String(parts[2]) }
            }
            // Reopen for writing (repairs any torn tail), then verify and check every acknowledgement.
            _ = try log.append([sampleEvent(round)])
            let report = try log.verify()
            #expect(report.isValid, "round \(round): \(String(describing: report.failure))")
        }
        let records = try log.readAll()
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.sequence, $0.id) })
        for (sequence, id) in acknowledged { #expect(byID[sequence] == id, "acknowledged event \(sequence) lost") }
        #expect(acknowledged.count > 100)
    }

    @Test("a second writer waits for the lock and then fails with a clear message")
    func lockTimeout() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        let holder = try #require(FileHandle(forUpdatingAtPath: log.layout.lockFile))
        #expect(flock(holder.fileDescriptor, LOCK_EX) == 0)
        defer { flock(holder.fileDescriptor, LOCK_UN) }
        // flock locks belong to the open file description, so a second open in this process conflicts.
        #expect(throws: EventLogError.lockTimeout(path: log.layout.lockFile, seconds: 0.2)) {
            try log.append([sampleEvent(1)], options: AppendOptions(lockTimeout: 0.2))
        }
        #expect(EventLogError.lockTimeout(path: "p", seconds: 1).description.contains("TRANSITION_LOCK_TIMEOUT"))
    }
}
