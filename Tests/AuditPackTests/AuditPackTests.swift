import EventLog
import Foundation
import Testing
import TransitionSupport
@testable import TransitionKit

@Suite("Audit pack")
struct AuditPackTests {
    @Test("two packs of the same log are byte-identical, file by file")
    func deterministic() throws {
        let fixture = try AuditPackFixture()
        defer { fixture.remove() }
        let first = try AuditPack.write(programme: fixture.programme, to: fixture.root + "/pack-a", asOf: nil)
        _ = try AuditPack.write(programme: fixture.programme, to: fixture.root + "/pack-b", asOf: nil)
        let a = try AuditPackFixture.contents(of: fixture.root + "/pack-a")
        let b = try AuditPackFixture.contents(of: fixture.root + "/pack-b")
        #expect(a.keys.sorted() == b.keys.sorted())
        #expect(a.keys.sorted() == first.files.sorted())
        for (path, bytes) in a { #expect(b[path] == bytes, "\(path) differs") }
        for expected in [
            "events.jsonl", "events.csv", "registers/due-diligence.csv", "registers/staff.csv", "registers/contracts.csv", "registers/assets.csv",
            "registers/tasks.csv", "rules/violations.csv", "rules/violations.json", "rules/overrides.csv", "verification.txt",
            "verification.json", "workflows/version-1.json", "workflows/versions.csv", "signers/allowed-signers-history.csv", "index.html",
            "MANIFEST.sha256",
        ] {
            #expect(a[expected] != nil, "missing \(expected)")
        }
        #expect(first.eventCount == 6 && first.verification.isValid)
    }

    @Test("events.jsonl is the stored segment bytes, and events.csv has a row per event with CRLF")
    func storedBytes() throws {
        let fixture = try AuditPackFixture()
        defer { fixture.remove() }
        let pack = fixture.root + "/pack"
        _ = try AuditPack.write(programme: fixture.programme, to: pack, asOf: nil)
        let segment = try #require(try fixture.programme.log.segments().first)
        #expect(FileManager.default.contents(atPath: pack + "/events.jsonl") == FileManager.default.contents(atPath: segment.path))
        let csv = try AuditPackFixture.text(pack + "/events.csv")
        #expect(csv.hasPrefix("Seq,ID,Type,Recorded At,Effective,Actor,Role,Entity,Reason,Evidence,OS User,Host,Signature Fingerprint,Data\r\n"))
        #expect(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 7)
        #expect(csv.contains("tupe-letter.txt sha256:"))
        #expect(csv.contains("see workflows/version-1.json"))
        let tasks = try AuditPackFixture.text(pack + "/registers/tasks.csv")
        #expect(tasks.contains("M-START,") && tasks.contains(",finished,2021-10-04,2021-10-07,"))
    }

    @Test("sha256sum -c MANIFEST.sha256 passes inside the pack")
    func manifestChecks() throws {
        let fixture = try AuditPackFixture()
        defer { fixture.remove() }
        let pack = fixture.root + "/pack"
        _ = try AuditPack.write(programme: fixture.programme, to: pack, asOf: nil)
        let manifest = try AuditPackFixture.text(pack + "/MANIFEST.sha256")
        #expect(!manifest.contains("MANIFEST.sha256"))
        #expect(manifest.contains("  index.html\n"))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = ["-c", "--quiet", "MANIFEST.sha256"]
        process.currentDirectoryURL = URL(fileURLWithPath: pack)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("a pack as of an earlier day holds only the events recorded up to then, and says which head it used")
    func asOfEarlierDay() throws {
        let fixture = try AuditPackFixture()
        defer { fixture.remove() }
        let pack = fixture.root + "/pack"
        let asOf = Timestamp(endOf: try #require(CivilDate(year: 2021, month: 10, day: 5)))
        let summary = try AuditPack.write(programme: fixture.programme, to: pack, asOf: asOf)
        #expect(summary.eventCount == 4 && summary.head.sequence == 4)
        let lines = try AuditPackFixture.text(pack + "/events.jsonl").split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines.last?.hasPrefix("{\"seq\":4,") == true)
        #expect(!lines.contains { $0.contains("\"type\":\"dd.status.changed\"") || $0.contains("\"type\":\"task.finished\"") })
        let verification = try AuditPackFixture.text(pack + "/verification.txt")
        #expect(verification.contains("ok: 6 events"))
        #expect(verification.contains("Pack head (as-of head used for this pack): \(summary.head)"))
        let tasks = try AuditPackFixture.text(pack + "/registers/tasks.csv")
        #expect(tasks.contains(",started,2021-10-04,,"))
    }

    @Test("index.html links every file and references no external URL or script")
    func indexIsSelfContained() throws {
        let fixture = try AuditPackFixture()
        defer { fixture.remove() }
        let pack = fixture.root + "/pack"
        let summary = try AuditPack.write(programme: fixture.programme, to: pack, asOf: nil)
        let html = try AuditPackFixture.text(pack + "/index.html")
        for lowered in ["http:", "https:", "//", "<script", "src="] {
            #expect(!html.lowercased().contains(lowered), "index.html contains \(lowered)")
        }
        for file in summary.files where file != "index.html" { #expect(html.contains("href=\"\(file)\"")) }
        #expect(html.contains("BOB CCGs to NHS Buckinghamshire") && html.contains(summary.head.description))
    }

    @Test("a non-empty folder is refused and left alone")
    func refusesNonEmptyFolder() throws {
        let fixture = try AuditPackFixture()
        defer { fixture.remove() }
        let pack = fixture.root + "/pack"
        try FileManager.default.createDirectory(atPath: pack, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: pack + "/notes.txt"))
        let error = try #require(throws: InputError.self) {
            try AuditPack.write(programme: fixture.programme, to: pack, asOf: nil)
        }
        #expect(error.message.contains("new or empty folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: pack) == ["notes.txt"])
    }
}

@Suite("Evidence check")
struct EvidenceCheckTests {
    @Test("an untouched file is unchanged; after editing it is CHANGED citing its event; a lost file is missing")
    func unchangedThenChanged() throws {
        let fixture = try AuditPackFixture()
        defer { fixture.remove() }
        let records = try fixture.programme.log.readAll()
        let before = try EvidenceCheck.check(records: records, directory: fixture.root + "/evidence")
        #expect(before.entries.count == 1 && before.entries[0].status == .unchanged && !before.hasChanges)
        #expect(before.entries[0].path == "hr/tupe-letter.txt" && before.entries[0].sequences == [4])
        try Data("TUPE measures letter, v2 (edited)\n".utf8).write(to: URL(fileURLWithPath: fixture.evidenceFile))
        let after = try EvidenceCheck.check(records: records, directory: fixture.root + "/evidence")
        let changed = try #require(after.changed.first)
        #expect(after.hasChanges && changed.sequences == [4] && changed.actual != changed.expected)
        #expect(after.text.contains { $0.contains("CHANGED") && $0.contains("#4") })
        try FileManager.default.removeItem(atPath: fixture.evidenceFile)
        let gone = try EvidenceCheck.check(records: records, directory: fixture.root + "/evidence")
        #expect(gone.entries.first?.status == .missing && !gone.hasChanges)
    }
}
