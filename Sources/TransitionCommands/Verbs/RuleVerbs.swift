import CommandLineParsing
import Reports
import Rules
import TransitionKit
import TransitionSupport

/// `check` and `why`: the workflow's rules applied to the state.
enum RuleVerbs {
    static let check = Command(
        spec: CommandSpec(
            name: "check", abstract: "List every rule violation and warning as of a date (exit 1 when anything blocks).",
            discussion: "Blocking: rules whose severity is blocking (e.g. go-live float below the escalation threshold). Advisory: overdue items and tasks, and what would still refuse the go-live milestone. Residue: items deferred past go-live, with owner, mitigation and age.",
            options: [CommonOptions.log, CommonOptions.asOf, CommonOptions.json],
            examples: ["transition check --log EventLog/demo --as-of 2022-05-16"])
    ) { invocation, console in
        let programme = try Programme.open(at: invocation.logPath)
        let view = try ScheduleVerbs.view(invocation, of: programme)
        let report = try RuleService.check(view)
        let overrides = try programme.records(of: view, types: ["rule.overridden"])
        let standing = Dictionary(uniqueKeysWithValues: overrides.map { ($0.sequence, view.standing(ofOverride: $0)) })
        if invocation.command.flag("json") {
            console.write(JSONWriter.pretty(.object([
                "asOf": .string(report.asOf.description),
                "blocking": .array(report.blocking.map(\.json)),
                "advisory": .array(report.advisory.map(\.json)),
                "residue": .array(report.residue.map(\.json)),
                "overrides": .array(overrides.map { record in
                    .object([
                        "seq": .int(record.sequence), "rule": record.data["rule"] ?? .null, "eventType": record.data["eventType"] ?? .null,
                        "entity": record.data["entity"] ?? .null, "actor": .string(record.actor), "role": record.role.map { .string($0) } ?? .null,
                        "reason": record.reason.map { .string($0) } ?? .null, "recordedAt": .string(record.recordedAt.description),
                        "letThrough": standing[record.sequence]?.letThrough.map { .int($0) } ?? .null,
                        "retractedBy": standing[record.sequence]?.retractedBy.map { .int($0) } ?? .null,
                        "letThroughRetractedBy": standing[record.sequence]?.letThroughRetractedBy.map { .int($0) } ?? .null,
                    ])
                }),
            ])))
        } else {
            console.line("rule check as of \(report.asOf): \(report.blocking.count) blocking, \(report.advisory.count) advisory, \(report.residue.count) deferred past go-live")
            section("BLOCKING", report.blocking, console: &console)
            section("ADVISORY", report.advisory, console: &console)
            if !report.residue.isEmpty {
                console.line("")
                console.line("RESIDUE (deferred past go-live; stays listed until closed)")
                for item in report.residue {
                    let age = item.ageDays.map { ", \($0) days" } ?? ""
                    console.line("  \(item.id) \(item.title) — owner \(item.owner ?? "none")\(age); mitigation: \(item.mitigation ?? "none")")
                }
            }
            if !overrides.isEmpty {
                console.line("")
                console.line("OVERRIDES recorded")
                for record in overrides {
                    console.line("  #\(record.sequence) \(record.data["rule"]?.stringValue ?? "?") for \(record.data["eventType"]?.stringValue ?? "?") \(record.data["entity"]?.stringValue ?? "") by \(record.actor) (\(record.role ?? "no role")): \(record.reason ?? "")\(standing[record.sequence]?.summary ?? "")")
                }
            }
        }
        return report.blocking.isEmpty ? 0 : 1
    }

    static func section(_ title: String, _ violations: [RuleViolation], console: inout Console) {
        guard !violations.isEmpty else { return }
        console.line("")
        console.line(title)
        for violation in violations {
            console.line("  [\(violation.rule)] \(violation.unmet)")
            console.line("      -> \(violation.remedy)")
        }
    }

    static let why = Command(
        spec: CommandSpec(
            name: "why", abstract: "Explain which rules touch an entity and whether they are met now.",
            options: [CommonOptions.log, CommonOptions.asOf],
            positionals: [PositionalSpec(name: "entity", help: "A checklist item, task, person, contract, asset, group or ROS.")],
            examples: ["transition why DD-FIN-02", "transition why E1001"])
    ) { invocation, console in
        let view = try ScheduleVerbs.view(invocation)
        let entity = invocation.command.positional("entity") ?? ""
        let (kind, explanations) = try RuleService.why(entity, in: view)
        console.line("\(entity) (\(kind)) as of \(view.dataDate)")
        if explanations.isEmpty { console.line("  no rule in the workflow touches it") }
        for item in explanations {
            let event = item.event.map { " for \($0)" } ?? ""
            console.line("  \(item.holds ? "met    " : "UNMET  ") \(item.rule) (\(item.kind))\(event): \(item.description)")
            for unmet in item.unmet { console.line("           - \(unmet)") }
        }
        return 0
    }
}
