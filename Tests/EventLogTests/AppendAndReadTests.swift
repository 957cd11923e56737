import Foundation
import Testing
import TransitionSupport
@testable import EventLog

@Suite("Appending and reading")
struct AppendAndReadTests {
    @Test("events get gapless sequences from 1, a chain of hashes and read back unchanged")
    func roundTrip() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        var appended: [EventRecord] = []
        for number in 1...5 {
            appended += try log.append([sampleEvent(number)]).appended
        }
        appended += try log.append((6...8).map { sampleEvent($0) }).appended
        let read = try log.readAll()
        #expect(read == appended)
        #expect(read.map(\.sequence) == Array(1...8))
        #expect(read[0].previousHash == EventRecord.genesisHash)
        for index in 1..<read.count { #expect(read[index].previousHash == read[index - 1].hash) }
        #expect(read[5].batch == BatchMarker(first: 6, size: 3))
        #expect(read[4].batch == nil)
        let head = try log.head()
        #expect(head.sequence == 8 && head.hash == read[7].hash)
        #expect(try log.verify().isValid)
    }

    @Test("a stored line is canonical JSON whose hash covers every byte before the hash field")
    func lineFormat() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        let event = ProposedEvent(
            id: "00000000-0000-4000-8000-000000000001", type: "dd.evidence.attached",
            recordedAt: Timestamp(iso8601: "2022-05-16T09:30:00.250Z"), actor: "A. Patel", role: "sro-people",
            entity: "DD-HR-03", evidence: [EvidenceReference(name: "minutes.pdf", sha256: String(repeating: "a", count: 64))],
            data: ["zeta": .int(1), "alpha": .string("first")])
        let record = try #require(try log.append([event]).appended.first)
        let (_, lines) = try segmentLines(log)
        let expectedPrefix =
            #"{"seq":1,"id":"00000000-0000-4000-8000-000000000001","type":"dd.evidence.attached","schema":1,"recordedAt":"2022-05-16T09:30:00.250Z","effective":"2022-05-16","actor":"A. Patel","role":"sro-people","entity":"DD-HR-03","evidence":[{"name":"minutes.pdf","sha256":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"}],"data":{"alpha":"first","zeta":1},"prev":"0000000000000000000000000000000000000000000000000000000000000000""#
        #expect(lines[0] == expectedPrefix + ",\"hash\":\"\(record.hash.hex)\"}")
        #expect(record.hash == SHA256.hash(Array((expectedPrefix + "}").utf8)))
    }

    @Test("segments roll at the configured size and reading streams across them")
    func segmentRolling() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"), segmentBytes: 2_000)
        for number in 1...40 { _ = try log.append([sampleEvent(number)]) }
        let segments = try log.segments()
        #expect(segments.count > 3)
        #expect(segments.first?.firstSequence == 1)
        let read = try log.readAll()
        #expect(read.map(\.sequence) == Array(1...40))
        for segment in segments {
            let first = try #require(read.first { $0.sequence == segment.firstSequence })
            #expect(first.sequence == segment.firstSequence)
        }
        let report = try log.verify()
        #expect(report.isValid && report.eventCount == 40 && report.segmentCount == segments.count)
    }

    @Test("an expected sequence that does not match is refused and the log is unchanged")
    func expectedSequence() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        _ = try log.append([sampleEvent(1), sampleEvent(2)])
        let before = try snapshot(of: log.layout.root)
        #expect(throws: EventLogError.sequenceMismatch(expected: 1, actual: 2)) {
            try log.append([sampleEvent(3)], options: AppendOptions(expectedSequence: 1))
        }
        #expect(try snapshot(of: log.layout.root) == before)
        let message = EventLogError.sequenceMismatch(expected: 1, actual: 2).description
        #expect(message.contains("ends at 2") && message.contains("--expect-seq 2"))
        #expect(try log.append([sampleEvent(3)], options: AppendOptions(expectedSequence: 2)).appended.count == 1)
    }

    @Test("a per-entity expected version is checked")
    func entityVersion() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        _ = try log.append([sampleEvent(1, entity: "C-1"), sampleEvent(2, entity: "C-2"), sampleEvent(3, entity: "C-1")])
        #expect(try log.version(ofEntity: "C-1") == 2)
        let before = try snapshot(of: log.layout.root)
        #expect(throws: EventLogError.entityVersionMismatch(entity: "C-1", expected: 1, actual: 2)) {
            try log.append([sampleEvent(4, entity: "C-1")], options: AppendOptions(expectedEntityVersions: ["C-1": 1]))
        }
        #expect(try snapshot(of: log.layout.root) == before)
        #expect(try log.append([sampleEvent(4, entity: "C-1")], options: AppendOptions(expectedEntityVersions: ["C-1": 2])).appended.count == 1)
    }

    @Test("re-appending an id with identical content is a no-op; different content is refused")
    func idempotency() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        let id = "7d0f6a3e-8a43-4c8a-9c4e-2f0c1d9e5b11"
        let first = try log.append([sampleEvent(1, id: id)])
        let again = try log.append([sampleEvent(1, id: id)])
        #expect(again.appended.isEmpty)
        #expect(again.alreadyRecorded.map(\.sequence) == [1])
        #expect(try log.head().sequence == 1)
        let before = try snapshot(of: log.layout.root)
        #expect(throws: EventLogError.idempotencyConflict(id: id, sequence: 1)) {
            try log.append([sampleEvent(2, id: id)])
        }
        #expect(try snapshot(of: log.layout.root) == before)
        #expect(first.appended.first?.id == id)
    }

    @Test("recorded times never go backwards")
    func clockOrder() throws {
        let directory = try TemporaryDirectory()
        let log = try EventLog.create(at: directory.file("log"))
        var event = sampleEvent(1)
        event.recordedAt = Timestamp(iso8601: "2022-05-16T10:00:00Z")
        _ = try log.append([event])
        event.recordedAt = Timestamp(iso8601: "2022-05-15T10:00:00Z")
        #expect(throws: EventLogError.self) { try log.append([event]) }
        event.recordedAt = nil
        let stamped = try log.append([event]).appended[0]
        #expect(stamped.recordedAt >= Timestamp(iso8601: "2022-05-16T10:00:00Z") ?? Timestamp(millisecondsSinceEpoch: 0))
    }

    @Test("opening a directory that is not a log says how to create one")
    func notALog() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: EventLogError.missingDirectory(path: directory.file("nothing"))) {
            try EventLog.open(at: directory.file("nothing"))
        }
        #expect(throws: EventLogError.notALog(path: directory.path)) { try EventLog.open(at: directory.path) }
        #expect(EventLogError.notALog(path: "x").description.contains("transition init"))
        _ = try EventLog.create(at: directory.file("log"))
        #expect(throws: EventLogError.alreadyExists(path: directory.file("log"))) {
            try EventLog.create(at: directory.file("log"))
        }
    }
}
