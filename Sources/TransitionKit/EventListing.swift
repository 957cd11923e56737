import EventLog
import TransitionSupport

/// One-line, human-readable renderings of stored events.
public enum EventListing {
    /// `#12  2022-05-16T09:30:00.000Z  eff 2022-05-16  dd.evidence.attached  DD-HR-03  A. Patel (sro-people) — reason`
    public static func line(for record: EventRecord) -> String {
        var text = "#\(record.sequence)  \(record.recordedAt)  eff \(record.effective)  \(record.type)"
        if let entity = record.entity { text += "  \(entity)" }
        text += "  \(record.actor)"
        if let role = record.role { text += " (\(role))" }
        if let reason = record.reason { text += " — \(reason)" }
        if !record.evidence.isEmpty { text += "  [evidence: \(record.evidence.map(\.name).joined(separator: ", "))]" }
        return text
    }
}

/// Renders a verification report for people and for `--json`.
public enum VerificationJSON {
    public static func render(_ report: VerificationReport) -> JSONValue {
        var object: JSONObject = [
            "valid": .bool(report.isValid), "events": .int(report.eventCount), "head": .string(report.head.description),
            "bytes": .int(report.bytes), "segments": .int(report.segmentCount),
            "repairs": .array(report.repairs.map { repair in
                .object([
                    "detectedAt": .string(repair.detectedAt.description), "segment": .string(repair.segment),
                    "offset": .int(repair.offset), "removedBytes": .int(repair.removedBytes), "kind": .string(repair.kind),
                    "sequences": .array(repair.sequences.map { .int($0) }),
                ])
            }),
        ]
        if let anchor = report.anchorChecked { object["anchor"] = .string(anchor.description) }
        if let failure = report.failure {
            object["failure"] = .object([
                "kind": .string(failure.kind.rawValue), "sequence": .int(failure.sequence), "file": .string(failure.file),
                "line": .int(failure.line), "detail": .string(failure.detail),
            ])
        }
        return .object(object)
    }

    public static func text(_ report: VerificationReport) -> [String] {
        var lines: [String] = []
        if let failure = report.failure {
            lines.append("FAILED: \(failure.kind.rawValue) at sequence \(failure.sequence)")
            lines.append("  where: \(failure.file):\(failure.line)")
            lines.append("  what:  \(failure.detail)")
            lines.append("  events intact before it: \(report.eventCount)")
        } else {
            lines.append("ok: \(report.eventCount) events in \(report.segmentCount) segment(s), chain intact")
            lines.append("head \(report.head)")
            if let anchor = report.anchorChecked { lines.append("anchor \(anchor) holds: the log still extends it") }
        }
        for repair in report.repairs {
            let sequences = repair.sequences.isEmpty ? "" : " (sequences \(repair.sequences.map(String.init).joined(separator: ", ")))"
            lines.append("repair \(repair.detectedAt): cut \(repair.removedBytes) unacknowledged bytes (\(repair.kind)) from \(repair.segment) at offset \(repair.offset)\(sequences)")
        }
        return lines
    }
}
