import CommandLineParsing
import TransitionKit
import TransitionSupport

/// `audit-pack`: hands an auditor a self-contained, checksummed folder of the programme's record.
enum AuditPackVerb {
    static let command = Command(
        spec: CommandSpec(
            name: "audit-pack", abstract: "Write a self-contained audit pack folder (events, registers, rules, workflows, verification, manifest).",
            discussion: "Writes into a new or empty folder: events.jsonl (the stored lines, byte for byte), events.csv, registers/, rules/, workflows/, signers/, verification.txt/.json (the FULL log is verified; the pack's own head is stated), index.html and MANIFEST.sha256 (check with 'sha256sum -c MANIFEST.sha256' inside the folder). The same log and arguments give a byte-identical pack. Exit 1 if the chain does not verify (the pack is still written, recording why).",
            options: [
                CommonOptions.log,
                OptionSpec(name: "out", valueName: "DIR", help: "The folder to write (must not exist yet, or be empty)."),
                CommonOptions.asOf,
            ],
            examples: ["transition audit-pack --log EventLog/demo --out audit-2022-05-16 --as-of 2022-05-16"])
    ) { invocation, console in
        guard let out = invocation.command.value("out"), !out.isEmpty else {
            throw InputError(location: "--out", message: "give the folder to write the audit pack into, e.g. --out audit-pack-2022-05-16")
        }
        let programme = try Programme.open(at: invocation.logPath)
        let summary = try AuditPack.write(programme: programme, to: out, asOf: try invocation.time("as-of", date: .endOfDay))
        console.line("wrote audit pack \(summary.directory): \(summary.files.count) files, \(summary.eventCount) events")
        console.line("pack head \(summary.head)\(summary.asOf.map { " (as of \($0))" } ?? "")")
        console.line("check it with: cd \(summary.directory) && sha256sum -c \(AuditPack.manifestName)")
        guard summary.verification.isValid else {
            console.error("warning: the full log does NOT verify (see \(summary.directory)/verification.txt); run 'transition verify' and investigate before relying on this pack")
            return 1
        }
        return 0
    }
}
