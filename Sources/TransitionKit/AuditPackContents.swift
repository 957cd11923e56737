import EventLog
import Foundation
import Reports
import TransitionSupport

/// Writes every audit pack file but the index and manifest.
///
/// The contents are a pure function of the log and the view, which is what makes two packs of the
/// same log byte-identical. The two files that grow with the log (`events.jsonl`, `events.csv`) are
/// streamed, one segment or one event at a time, so a pack of a long log needs little memory.
enum AuditPackContents {
    static func write(view: ProgrammeView, programme: Programme, verification: VerificationReport, into pack: AuditPackStaging) throws {
        let log = programme.log
        try pack.stream("events.jsonl") { try storedLines(of: log, through: view.head.sequence, into: &$0) }
        try pack.stream("events.csv") { try eventRows(of: log, in: view, into: &$0) }
        let state = view.state
        try pack.store(csv(RegisterReports.dueDiligenceCSV(state)), at: "registers/due-diligence.csv")
        try pack.store(csv(RegisterReports.staffCSV(state)), at: "registers/staff.csv")
        try pack.store(csv(RegisterReports.contractsCSV(state)), at: "registers/contracts.csv")
        try pack.store(csv(RegisterReports.assetsCSV(state)), at: "registers/assets.csv")
        try pack.store(csv(AuditEventTable.tasks(view)), at: "registers/tasks.csv")
        let check = try RuleService.check(view)
        try pack.store(csv(AuditRuleTables.violations(check)), at: "rules/violations.csv")
        try pack.store(Array(JSONWriter.pretty(AuditRuleTables.violationsJSON(check)).utf8), at: "rules/violations.json")
        let overrides = try programme.records(of: view, types: ["rule.overridden"])
        try pack.store(csv(AuditRuleTables.overrides(overrides, in: view)), at: "rules/overrides.csv")
        try pack.store(Array(AuditVerification.text(verification, view: view).utf8), at: "verification.txt")
        try pack.store(Array(JSONWriter.pretty(AuditVerification.json(verification, view: view)).utf8), at: "verification.json")
        for version in view.workflows.versions {
            try pack.store(Array(JSONWriter.pretty(version.document).utf8), at: "workflows/version-\(version.number).json")
        }
        try pack.store(csv(AuditWorkflowTables.versions(view.workflows)), at: "workflows/versions.csv")
        try pack.store(csv(AuditWorkflowTables.signers(view.workflows)), at: "signers/allowed-signers-history.csv")
    }

    static func csv(_ table: (header: [String], rows: [[String]])) -> [UInt8] {
        Array(CSVWriter.write(header: table.header, rows: table.rows).utf8)
    }

    /// `events.csv`: the header, then a row per event of the view, read from the log one at a time.
    static func eventRows(of log: EventLog, in view: ProgrammeView, into sink: inout AuditPackFileSink) throws {
        var row: [UInt8] = []
        CSVWriter.appendRow(AuditEventTable.eventHeader, to: &row)
        try sink.write(row)
        let last = view.head.sequence
        guard last > 0 else { return }
        try log.forEach { record in
            row.removeAll(keepingCapacity: true)
            CSVWriter.appendRow(AuditEventTable.row(record, in: view), to: &row)
            try sink.write(row)
            return record.sequence < last
        }
    }

    /// The first `count` stored lines of the log, byte for byte, each with its newline.
    ///
    /// Read from the segment files rather than re-encoded, so the pack holds exactly what was hashed.
    static func storedLines(of log: EventLog, through count: Int, into sink: inout AuditPackFileSink) throws {
        var sequence = 0
        for segment in try log.segments() where sequence < count {
            guard let data = FileManager.default.contents(atPath: segment.path) else {
                throw InputError(location: segment.path, message: "cannot read the segment file; check its permissions")
            }
            // Scanned in place (no copy of a segment of tens of megabytes), and written as whole runs of lines.
            try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var start = 0
                while sequence < count, let newline = bytes[start...].firstIndex(of: 0x0A) {
                    sequence += 1
                    let prefix = Array("{\"seq\":\(sequence),".utf8)
                    guard bytes[start...].starts(with: prefix) else {
                        throw InputError(
                            location: segment.path,
                            message: "the stored line for event \(sequence) was not found where expected; run 'transition verify' to locate the damage before making an audit pack")
                    }
                    start = newline + 1
                }
                try sink.write(UnsafeRawBufferPointer(rebasing: bytes[..<start]))
            }
        }
        guard sequence == count else {
            throw InputError(location: log.layout.segmentsDirectory, message: "found \(sequence) stored events but expected \(count); run 'transition verify'")
        }
    }
}
