import EventLog
import Rules
import TransitionSupport

/// Rule results and overrides as tables for the audit pack: what stands broken as of the pack's
/// time, and every time someone set a rule aside, with who and why.
enum AuditRuleTables {
    static func sorted(_ violations: [RuleViolation]) -> [RuleViolation] {
        violations.sorted { ($0.rule, $0.entity ?? "", $0.unmet) < ($1.rule, $1.entity ?? "", $1.unmet) }
    }

    static func violations(_ report: CheckReport) -> (header: [String], rows: [[String]]) {
        let rows = sorted(report.violations).map { violation in
            [violation.rule, violation.kind, violation.severity, violation.entity ?? "", violation.unmet, violation.remedy]
        }
        return (["Rule", "Kind", "Severity", "Entity", "Unmet", "Remedy"], rows)
    }

    static func violationsJSON(_ report: CheckReport) -> JSONValue {
        .object([
            "asOf": .string(report.asOf.description),
            "violations": .array(sorted(report.violations).map(\.json)),
            "residue": .array(report.residue.sorted { $0.id < $1.id }.map(\.json)),
        ])
    }

    /// Every `rule.overridden` event, oldest first.
    static func overrides(_ records: [EventRecord], in view: ProgrammeView) -> (header: [String], rows: [[String]]) {
        let rows = records.filter { $0.type == "rule.overridden" }.map { record in
            let standing = view.standing(ofOverride: record)
            return [
                String(record.sequence), record.recordedAt.description, record.actor, record.role ?? "",
                record.data["rule"]?.stringValue ?? record.entity ?? "", record.data["eventType"]?.stringValue ?? "",
                record.data["entity"]?.stringValue ?? "", record.reason ?? "", record.data["unmet"]?.stringValue ?? "",
                standing.letThrough.map(String.init) ?? "", standing.letThroughRetractedBy.map(String.init) ?? "",
                standing.retractedBy.map(String.init) ?? "",
            ]
        }
        return (
            [
                "Seq", "Recorded At", "Actor", "Role", "Rule", "Event Type", "Entity", "Reason", "Unmet", "Let Through",
                "Let Through Retracted By", "Override Retracted By",
            ], rows
        )
    }
}
