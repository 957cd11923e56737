import EventLog
import TransitionSupport

/// The chain verification written into the audit pack: the whole log is verified, and the pack
/// states which head (possibly earlier) it was cut at, so the two can be reconciled.
enum AuditVerification {
    static func scope(_ view: ProgrammeView) -> String {
        view.asOf.map { "events recorded up to \($0)" } ?? "the whole log"
    }

    static func text(_ report: VerificationReport, view: ProgrammeView) -> String {
        var lines = ["Chain verification of the FULL log:"]
        lines += VerificationJSON.text(report).map { "  " + $0 }
        if report.repairs.isEmpty { lines.append("  repairs: none") }
        lines.append("")
        lines.append("This pack holds \(scope(view)): \(view.eventCount) events.")
        lines.append("Pack head (as-of head used for this pack): \(view.head)")
        lines.append("Check it with 'transition verify --anchor \(view.head)' against the live log.")
        return lines.joined(separator: "\n") + "\n"
    }

    static func json(_ report: VerificationReport, view: ProgrammeView) -> JSONValue {
        .object([
            "fullLog": VerificationJSON.render(report),
            "pack": .object([
                "asOf": view.asOf.map { .string($0.description) } ?? .null,
                "events": .int(view.eventCount),
                "head": .string(view.head.description),
            ]),
        ])
    }
}
