import EventLog
import Foundation
import Reports
import TransitionSupport

/// Builds the bytes of every audit pack file but the index and manifest, keyed by relative path.
///
/// Kept apart from the writing so the contents are a pure function of the log: that is what makes
/// two packs of the same log byte-identical.
enum AuditPackContents {
    static func files(
        view: ProgrammeView, records: [EventRecord], log: EventLog, verification: VerificationReport
    ) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        files["events.jsonl"] = try storedLines(of: log, through: view.head.sequence)
        files["events.csv"] = csv(AuditEventTable.events(records, in: view))
        let state = view.state
        files["registers/due-diligence.csv"] = csv(RegisterReports.dueDiligenceCSV(state))
        files["registers/staff.csv"] = csv(RegisterReports.staffCSV(state))
        files["registers/contracts.csv"] = csv(RegisterReports.contractsCSV(state))
        files["registers/assets.csv"] = csv(RegisterReports.assetsCSV(state))
        files["registers/tasks.csv"] = csv(AuditEventTable.tasks(view))
        let check = try RuleService.check(view)
        files["rules/violations.csv"] = csv(AuditRuleTables.violations(check))
        files["rules/violations.json"] = Array(JSONWriter.pretty(AuditRuleTables.violationsJSON(check)).utf8)
        files["rules/overrides.csv"] = csv(AuditRuleTables.overrides(records))
        files["verification.txt"] = Array(AuditVerification.text(verification, view: view).utf8)
        files["verification.json"] = Array(JSONWriter.pretty(AuditVerification.json(verification, view: view)).utf8)
        for version in view.workflows.versions {
            files["workflows/version-\(version.number).json"] = Array(JSONWriter.pretty(version.document).utf8)
        }
        files["workflows/versions.csv"] = csv(AuditWorkflowTables.versions(view.workflows))
        files["signers/allowed-signers-history.csv"] = csv(AuditWorkflowTables.signers(view.workflows))
        return files
    }

    static func csv(_ table: (header: [String], rows: [[String]])) -> [UInt8] {
        Array(CSVWriter.write(header: table.header, rows: table.rows).utf8)
    }

    /// The first `count` stored lines of the log, byte for byte, each with its newline.
    ///
    /// Read from the segment files rather than re-encoded, so the pack holds exactly what was hashed.
    static func storedLines(of log: EventLog, through count: Int) throws -> [UInt8] {
        var output: [UInt8] = []
        var sequence = 0
        for segment in try log.segments() where sequence < count {
            guard let data = FileManager.default.contents(atPath: segment.path) else {
                throw InputError(location: segment.path, message: "cannot read the segment file; check its permissions")
            }
            let bytes = [UInt8](data)
            var start = 0
            while sequence < count, let newline = bytes[start...].firstIndex(of: 0x0A) {
                sequence += 1
                let prefix = Array("{\"seq\":\(sequence),".utf8)
                guard bytes[start...].starts(with: prefix) else {
                    throw InputError(
                        location: segment.path,
                        message: "the stored line for event \(sequence) was not found where expected; run 'transition verify' to locate the damage before making an audit pack")
                }
                output.append(contentsOf: bytes[start...newline])
                start = newline + 1
            }
        }
        guard sequence == count else {
            throw InputError(location: log.layout.segmentsDirectory, message: "found \(sequence) stored events but expected \(count); run 'transition verify'")
        }
        return output
    }
}
