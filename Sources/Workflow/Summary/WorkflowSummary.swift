/// The text `transition workflow show` prints: what a workflow contains, at a glance.
///
/// Authors check a workflow by reading its summary (the right go-live date? every workstream
/// with an SRO? as many tasks as the plan?), so the output is plain, aligned and deterministic:
/// the same workflow always renders to the same bytes.
public enum WorkflowSummary {
    /// Renders the summary of `workflow`, ending with a newline.
    public static func render(_ workflow: WorkflowDefinition) -> String {
        var lines: [String] = []
        let programme = workflow.programme
        lines.append("\(programme.title)")
        lines += TextColumns.render(
            [
                ["  Programme:", programme.id],
                ["  Format:", workflow.format],
                ["  Start:", "\(programme.start)"],
                ["  Statutory date:", "\(programme.statutoryDate)"],
                ["  Go-live milestone:", "\(programme.goLiveMilestone) (\(workflow.goLive.name))"],
                ["  Shadow from:", programme.shadowFrom.map { "\($0)" } ?? "none"],
                [
                    "  Float thresholds:",
                    "critical <= \(programme.criticalFloatDays) days, near-critical <= \(programme.nearCriticalDays) days",
                ],
            ])
        lines.append("")
        lines += organisationLines(workflow)
        lines.append("")
        lines += calendarLines(workflow.calendar)
        lines.append("")
        lines += workstreamLines(workflow)
        lines.append("")
        lines += countLines(workflow)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func organisationLines(_ workflow: WorkflowDefinition) -> [String] {
        let sources = workflow.sources.count
        var lines = ["Organisations (\(sources) source\(sources == 1 ? "" : "s"), 1 target)"]
        let ordered = workflow.sources + workflow.organisations.filter { $0.kind == .target }
        lines += TextColumns.render(
            ordered.map { organisation in
                [
                    "  " + organisation.kind.rawValue, organisation.id,
                    organisation.name + (organisation.code.map { " (\($0))" } ?? ""),
                ]
            })
        return lines
    }

    private static func calendarLines(_ calendar: CalendarDefinition) -> [String] {
        let days = calendar.workingDays.sorted().compactMap { day in
            day >= 1 && day <= 7 ? CalendarDefinition.dayNames[day - 1] : nil
        }
        return ["Calendar"]
            + TextColumns.render([
                ["  Working days:", days.joined(separator: " ")],
                ["  Range:", "\(calendar.from) to \(calendar.to)"],
                ["  Holidays:", "\(calendar.holidays.count)"],
            ])
    }

    private static func workstreamLines(_ workflow: WorkflowDefinition) -> [String] {
        ["Workstreams (\(workflow.workstreams.count))"]
            + TextColumns.render(
                workflow.workstreams.map { workstream in
                    ["  " + workstream.id, workstream.name, "SRO \(workstream.sro.role) (\(workstream.sro.name))"]
                })
    }

    private static func countLines(_ workflow: WorkflowDefinition) -> [String] {
        let tasks = workflow.tasks
        let relations = tasks.flatMap(\.relations)
        let milestones = tasks.filter(\.isMilestone).count
        let byType = RelationKind.allCases.map { kind in
            "\(kind.rawValue) \(relations.filter { $0.type == kind }.count)"
        }
        let lags = relations.filter { $0.lag > 0 }.count
        let leads = relations.filter { $0.lag < 0 }.count
        let items = workflow.dueDiligence.items
        let ruleCounts = RuleKind.names.map { name in "\(name) \(workflow.rules.filter { $0.kind.name == name }.count)"
        }
        let readOnly = workflow.roles.filter(\.readOnly).count
        var rows: [[String]] = [
            ["  Tasks:", "\(tasks.count) (\(milestones) milestone\(milestones == 1 ? "" : "s"))"],
            ["  Relations:", "\(relations.count) (\(byType.joined(separator: ", ")))"],
            ["  Lags / leads:", "\(lags) / \(leads)"],
            ["  Due-diligence items:", "\(items.count) in \(workflow.dueDiligence.categories.count) categories"],
        ]
        for category in workflow.dueDiligence.categories {
            rows.append([
                "    \(category.id):", "\(items.filter { $0.category == category.id }.count)  \(category.name)",
            ])
        }
        rows += [
            [
                "  Readiness sections:",
                "\(workflow.readiness.sections.count) (signatories: \(workflow.readiness.signatories.joined(separator: ", ")))",
            ],
            ["  Consultation groups:", "\(workflow.consultationGroups.count)"],
            ["  Rules:", "\(workflow.rules.count) (\(ruleCounts.joined(separator: ", ")))"],
            ["  Roles:", "\(workflow.roles.count) (\(readOnly) read-only)"],
            ["  Signers:", "\(workflow.signers.count)"],
            [
                "  Signature required:",
                workflow.requiresSignature.isEmpty ? "none" : workflow.requiresSignature.joined(separator: ", "),
            ],
        ]
        return ["Counts"] + TextColumns.render(rows)
    }
}
