import CommandLineParsing
import EventLog
import TransitionKit
import TransitionSupport

/// `verify --evidence DIR`: re-hashes the evidence files an auditor holds against the log.
enum EvidenceVerb {
    static let option = OptionSpec(
        name: "evidence", valueName: "DIR", help: "Also re-hash the evidence files under DIR (matched by file name) against the SHA-256s in the log.")

    /// Checks every hashed evidence reference in the log against the files under `--evidence DIR`.
    /// Returns 1 when any document changed, else 0 (missing files are reported, not failed).
    static func run(invocation: Invocation, console: inout Console) throws -> Int32 {
        guard let directory = invocation.command.value("evidence"), !directory.isEmpty else {
            throw InputError(location: "--evidence", message: "give the folder holding the evidence files, e.g. --evidence ./evidence")
        }
        let records = try EventLog.open(at: invocation.logPath).readAll()
        let report = try EvidenceCheck.check(records: records, directory: directory)
        if invocation.command.flag("json") {
            console.write(JSONWriter.pretty(.object(["evidence": report.json])))
        } else {
            for line in report.text { console.line(line) }
        }
        return report.hasChanges ? 1 : 0
    }
}
