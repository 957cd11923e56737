import EventLog
import Foundation
import Testing
import TransitionSupport
@testable import TransitionKit

/// A small programme in a temporary folder: the BOB workflow, then a few task and due-diligence
/// events on different days, one with a hashed evidence file.
struct AuditPackFixture {
    let root: String
    let logPath: String
    let evidenceDirectory: String
    let evidenceFile: String
    let programme: Programme

    static var workflowPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Workflows/bob-ccg-to-icb-2022.json").path
    }

    static func time(_ text: String) throws -> Timestamp {
        try #require(Timestamp(iso8601: text))
    }

    init(segmentBytes: Int = LogLayout.defaultSegmentBytes) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("audit-pack-\(UUID().uuidString)").path
        logPath = root + "/log"
        evidenceDirectory = root + "/evidence/hr"
        evidenceFile = evidenceDirectory + "/tupe-letter.txt"
        try FileManager.default.createDirectory(atPath: evidenceDirectory, withIntermediateDirectories: true)
        try Data("TUPE measures letter, v1\n".utf8).write(to: URL(fileURLWithPath: evidenceFile))
        let log = try EventLog.create(at: logPath, segmentBytes: segmentBytes)
        programme = Programme(log: log)
        _ = try programme.initialise(
            workflowPath: AuditPackFixture.workflowPath, actor: "Programme office", role: "programme-director", reason: "start",
            recordedAt: try AuditPackFixture.time("2021-10-01T09:00:00.000Z"))
        let evidence = try EvidenceHasher.reference(forFile: evidenceFile)
        try programme.record([
            ProposedEvent(
                type: "task.started", recordedAt: try AuditPackFixture.time("2021-10-04T10:00:00.000Z"), actor: "PMO", role: "transition-pmo",
                entity: "M-START", data: ["task": .string("M-START"), "on": .string("2021-10-04")])
        ])
        try programme.record([
            ProposedEvent(
                type: "dd.evidence.attached", recordedAt: try AuditPackFixture.time("2021-10-05T11:00:00.000Z"), actor: "A. Patel",
                role: "hr-lead", entity: "DD-STAFF-01", reason: "letter issued", evidence: [evidence], data: ["item": .string("DD-STAFF-01")])
        ])
        try programme.record([
            ProposedEvent(
                type: "dd.status.changed", recordedAt: try AuditPackFixture.time("2021-10-06T12:00:00.000Z"), actor: "A. Patel",
                role: "hr-lead", entity: "DD-STAFF-01", data: ["item": .string("DD-STAFF-01"), "status": .string("in-progress")])
        ])
        try programme.record([
            ProposedEvent(
                type: "task.finished", recordedAt: try AuditPackFixture.time("2021-10-07T13:00:00.000Z"), actor: "PMO", role: "transition-pmo",
                entity: "M-START", data: ["task": .string("M-START"), "on": .string("2021-10-07")])
        ])
    }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    /// Every regular file under `directory`, by relative path.
    static func contents(of directory: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: directory))
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: directory + "/" + relative)
            }
        }
        return files
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self)
    }
}
