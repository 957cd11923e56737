import EventLog
import Foundation
import Testing
import TransitionSupport
@testable import TransitionKit

/// The pack is streamed into a hidden folder and takes its name only when complete.
@Suite("Audit pack: streaming and staging")
struct AuditPackStagingTests {
    /// The names in `directory`, hidden ones included.
    func entries(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    @Test("a log of many segments gives events.jsonl as their bytes, whole or cut at an earlier head")
    func manySegments() throws {
        let fixture = try AuditPackFixture(segmentBytes: 256)
        defer { fixture.remove() }
        let segments = try fixture.programme.log.segments()
        #expect(segments.count >= 3)
        let stored = try segments.reduce(into: Data()) { $0.append(try #require(FileManager.default.contents(atPath: $1.path))) }
        _ = try AuditPack.write(programme: fixture.programme, to: fixture.root + "/whole", asOf: nil)
        #expect(FileManager.default.contents(atPath: fixture.root + "/whole/events.jsonl") == stored)
        for day in [4, 5, 6] {
            let asOf = Timestamp(endOf: try #require(CivilDate(year: 2021, month: 10, day: day)))
            let pack = fixture.root + "/cut-\(day)"
            let summary = try AuditPack.write(programme: fixture.programme, to: pack, asOf: asOf)
            #expect(summary.head.sequence == day - 1)
            let lines = stored.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(summary.head.sequence)
            let expected = lines.reduce(into: Data()) { $0.append(contentsOf: $1 + [0x0A]) }
            #expect(FileManager.default.contents(atPath: pack + "/events.jsonl") == expected)
            let csv = try AuditPackFixture.text(pack + "/events.csv")
            #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == summary.head.sequence + 1)
        }
    }

    @Test("a pack fills an existing empty folder, and leaves no staging folder behind")
    func emptyFolder() throws {
        let fixture = try AuditPackFixture()
        defer { fixture.remove() }
        let parent = fixture.root + "/packs"
        try FileManager.default.createDirectory(atPath: parent + "/pack", withIntermediateDirectories: true)
        // The folder stays the same folder (it may be someone's working directory), not one put in its place.
        let before = try FileManager.default.attributesOfItem(atPath: parent + "/pack")[.systemFileNumber] as? Int
        let summary = try AuditPack.write(programme: fixture.programme, to: parent + "/pack", asOf: nil)
        #expect(try FileManager.default.attributesOfItem(atPath: parent + "/pack")[.systemFileNumber] as? Int == before)
        #expect(before != nil)
        #expect(try entries(parent) == ["pack"])
        #expect(try !entries(parent + "/pack").contains { $0.hasPrefix(".") })
        #expect(try AuditPackFixture.contents(of: parent + "/pack").keys.sorted() == summary.files.sorted())
        // Refused before anything is staged: the folder is no longer empty.
        #expect(throws: InputError.self) { try AuditPack.write(programme: fixture.programme, to: parent + "/pack", asOf: nil) }
        #expect(try entries(parent) == ["pack"])
    }

    @Test("a failure while writing removes the staging folder and makes no pack")
    func failureLeavesNothing() throws {
        let fixture = try AuditPackFixture()
        defer { fixture.remove() }
        let destination = fixture.root + "/packs/pack"
        let staging = try AuditPackStaging(destination: destination)
        try staging.store(Array("first file\n".utf8), at: "a.txt")
        struct DiskFull: Error {}
        #expect(throws: DiskFull.self) {
            try staging.stream("big.bin") { sink in
                try sink.write([UInt8](repeating: 7, count: 3 << 20))
                throw DiskFull()
            }
        }
        #expect(try entries(fixture.root + "/packs").count == 1, "only the staging folder so far")
        staging.discard()
        #expect(try entries(fixture.root + "/packs").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: destination))
    }

    @Test("a streamed file's digest is the SHA-256 of its bytes, across chunk boundaries")
    func digests() throws {
        let fixture = try AuditPackFixture()
        defer { fixture.remove() }
        let staging = try AuditPackStaging(destination: fixture.root + "/pack")
        defer { staging.discard() }
        let bytes = (0..<(2 << 20) + 12_345).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
        try staging.stream("data.bin") { sink in
            var offset = 0
            for size in [1, 70_000, 1 << 20, 3, 900_000] where offset < bytes.count {
                let end = min(bytes.count, offset + size)
                try sink.write(bytes[offset..<end])
                offset = end
            }
            try sink.write(bytes[offset...])
        }
        #expect(staging.digests["data.bin"] == SHA256.hash(bytes))
        #expect(FileManager.default.contents(atPath: staging.path + "/data.bin") == Data(bytes))
    }
}
