import Domain
import Projections
import TransitionSupport
import Workflow

/// Tables and CSV exports of the projected registers, for people and for Excel.
public enum RegisterReports {
    static func money(_ value: Double?) -> String {
        guard let value else { return "" }
        let pounds = Int(value.rounded())
        var digits = String(abs(pounds))
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return (pounds < 0 ? "-£" : "£") + digits + grouped
    }

    // MARK: Due diligence

    public static func dueDiligence(_ state: TransitionState, workflow: WorkflowDefinition, asOf: CivilDate, category: String? = nil, workstream: String? = nil) -> [String] {
        let register = state.dueDiligence
        var lines: [String] = []
        let items = register.ordered.filter { (category == nil || $0.category == category) && (workstream == nil || $0.workstream == workstream) }
        let counts = Dictionary(grouping: items, by: \.status).mapValues(\.count)
        lines.append("due-diligence checklist as of \(asOf): \(items.count) items — " + DueDiligenceStatus.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", "))
        var byCategory = TextTable(headers: ["category", "items", "complete", "n/a", "deferred", "in progress", "not started"], numericColumns: [1, 2, 3, 4, 5, 6])
        for definition in workflow.dueDiligence.categories {
            let inCategory = items.filter { $0.category == definition.id }
            guard !inCategory.isEmpty else { continue }
            func count(_ status: DueDiligenceStatus) -> String { String(inCategory.filter { $0.status == status }.count) }
            byCategory.append([definition.name, String(inCategory.count), count(.complete), count(.notApplicable), count(.deferred), count(.inProgress), count(.notStarted)])
        }
        lines += byCategory.render()
        let starts = state.baselineTaskStarts
        let overdue = register.overdue(asOf: asOf, taskStarts: starts).filter { item in items.contains { $0.id == item.id } }
        lines.append("")
        lines.append("overdue: \(overdue.count)   missing evidence: \(register.missingEvidence.filter { item in items.contains { $0.id == item.id } }.count)   deferred past go-live: \(items.filter { $0.status == .deferred }.count)")
        var table = TextTable(headers: ["item", "title", "workstream", "owner", "status", "due", "evidence", "signed off"])
        for item in items {
            let due = register.dueDate(of: item, taskStarts: starts)
            var status = item.status.rawValue
            if let due, due < asOf, !item.status.isClosed { status += " (OVERDUE)" }
            table.append([
                item.id, item.definition?.title ?? "", item.workstream ?? "", item.owner ?? item.ownerRole ?? "", status,
                due?.description ?? "", String(item.evidence.count), item.signedOffBy.joined(separator: ", "),
            ])
        }
        lines.append("")
        lines += table.render()
        return lines
    }

    public static func dueDiligenceCSV(_ state: TransitionState) -> (header: [String], rows: [[String]]) {
        let starts = state.baselineTaskStarts
        let rows = state.dueDiligence.ordered.map { item in
            [
                item.id, item.definition?.title ?? "", item.category ?? "", item.workstream ?? "", item.ownerRole ?? "", item.owner ?? "",
                item.status.rawValue, state.dueDiligence.dueDate(of: item, taskStarts: starts)?.description ?? "",
                item.evidenceRequired ? "yes" : "no", String(item.evidence.count),
                item.evidence.map { "\($0.reference.name)\($0.reference.sha256.map { " sha256:\($0)" } ?? "")" }.joined(separator: "; "),
                item.signedOffBy.joined(separator: "; "), item.mitigation ?? "", item.deferredOwner ?? "", item.statusReason ?? "",
            ]
        }
        return (["Item", "Title", "Category", "Workstream", "Owner Role", "Owner", "Status", "Due", "Evidence Required", "Evidence Count",
                 "Evidence", "Signed Off By", "Mitigation", "Deferred Owner", "Status Reason"], rows)
    }

    // MARK: Staff

    public static func staff(_ state: TransitionState, workflow: WorkflowDefinition) -> [String] {
        let register = state.staff
        let reconciliation = register.reconciliation
        var lines = ["staff register: \(register.people.count) people, \(reconciliation.mappedPosts) mapped posts — " + (reconciliation.isReconciled ? "reconciled" : "NOT reconciled (unmapped: \(reconciliation.unmapped.joined(separator: ", ")))")]
        var byOrganisation = TextTable(headers: ["source organisation", "people", "mapped", "consulted", "confirmed", "transferred", "open exceptions"], numericColumns: [1, 2, 3, 4, 5, 6])
        for organisation in workflow.organisations where organisation.kind == .source {
            let people = register.orderedPeople.filter { $0.organisation == organisation.id }
            func count(_ stage: StaffRegister.TransferStage) -> String { String(people.filter { $0.stage == stage }.count) }
            byOrganisation.append([
                organisation.name, String(people.count), count(.mapped), count(.consulted), count(.confirmed), count(.transferred),
                String(people.filter { !$0.openExceptions.isEmpty }.count),
            ])
        }
        lines += byOrganisation.render()
        lines.append("")
        var groups = TextTable(headers: ["consultation group", "status", "opened", "closes", "closed", "outcome"])
        for group in register.orderedGroups {
            groups.append([group.id, group.status.rawValue, group.openedOn?.description ?? "", group.plannedClose?.description ?? "", group.closedOn?.description ?? "", group.outcome ?? ""])
        }
        lines += groups.render()
        lines.append("")
        var people = TextTable(headers: ["person", "name", "organisation", "post", "target post", "group", "stage", "exceptions"])
        for person in register.orderedPeople {
            people.append([
                person.id, person.mapping?.name ?? "", person.organisation ?? "", person.mapping?.post ?? "", person.mapping?.targetPost ?? "",
                person.group ?? "", person.stage.rawValue, person.openExceptions.map { "\($0.id) \($0.kind.rawValue)" }.joined(separator: "; "),
            ])
        }
        lines += people.render()
        return lines
    }

    public static func staffCSV(_ state: TransitionState) -> (header: [String], rows: [[String]]) {
        let rows = state.staff.orderedPeople.map { person in
            [
                person.id, person.mapping?.name ?? "", person.mapping?.post ?? "", person.mapping?.band ?? "", person.organisation ?? "",
                person.mapping?.targetPost ?? "", person.group ?? "", person.mapping?.employment.rawValue ?? "",
                person.mapping?.fixedTermEnd?.description ?? "", (person.mapping?.boardLevel ?? false) ? "Yes" : "No",
                person.mapping?.boardOutcome?.rawValue ?? "", person.consulted ? "Yes" : "No", person.stage.rawValue,
                person.transferredEffective?.description ?? "", person.openExceptions.map { "\($0.id) \($0.kind.rawValue): \($0.detail)" }.joined(separator: "; "),
            ]
        }
        return (["Person ID", "Name", "Post", "Band", "Organisation", "Target Post", "Consultation Group", "Employment", "Fixed Term End",
                 "Board Level", "Board Outcome", "Consulted", "Stage", "Transferred Effective", "Open Exceptions"], rows)
    }

    // MARK: Contracts and assets

    public static func contracts(_ state: TransitionState, workflow: WorkflowDefinition) -> [String] {
        let register = state.contracts
        var lines = ["contract register: \(register.contracts.count) contracts"]
        var byMechanism = TextTable(headers: ["mechanism", "contracts"], numericColumns: [1])
        for (mechanism, count) in register.countsByMechanism.sorted(by: { $0.key < $1.key }) { byMechanism.append([mechanism, String(count)]) }
        lines += byMechanism.render()
        lines.append("")
        var byOrganisation = TextTable(headers: ["source organisation", "contracts", "transferred", "annual value"], numericColumns: [1, 2, 3])
        let values = register.annualValueByOrganisation
        for organisation in workflow.organisations where organisation.kind == .source {
            let held = register.ordered.filter { $0.organisation == organisation.id }
            byOrganisation.append([organisation.name, String(held.count), String(held.filter(\.transferred).count), money(values[organisation.id] ?? 0)])
        }
        lines += byOrganisation.render()
        lines.append("")
        var table = TextTable(headers: ["contract", "counterparty", "service", "organisation", "annual value", "mechanism", "stage"], numericColumns: [4])
        for contract in register.ordered {
            table.append([
                contract.id, contract.registration?.counterparty ?? "", contract.registration?.service ?? "", contract.organisation ?? "",
                money(contract.annualValue), contract.mechanism?.rawValue ?? "", contract.stage.rawValue,
            ])
        }
        lines += table.render()
        return lines
    }

    public static func contractsCSV(_ state: TransitionState) -> (header: [String], rows: [[String]]) {
        let rows = state.contracts.ordered.map { contract in
            [
                contract.id, contract.registration?.counterparty ?? "", contract.registration?.service ?? "",
                contract.annualValue.map { String(format2($0)) } ?? "", contract.endDate?.description ?? "", contract.organisation ?? "",
                contract.mechanism?.rawValue ?? "", contract.dueDiligenceDone ? "Yes" : "No", contract.consentRecorded ? "Yes" : "No",
                contract.stage.rawValue, contract.transferredEffective?.description ?? "",
            ]
        }
        return (["Reference", "Counterparty", "Service", "Annual Value", "End Date", "Organisation", "Mechanism", "Due Diligence Done",
                 "Consent Recorded", "Stage", "Transferred Effective"], rows)
    }

    static func format2(_ value: Double) -> String {
        let pence = Int((value * 100).rounded())
        let sign = pence < 0 ? "-" : ""
        let absolute = abs(pence)
        let fraction = absolute % 100
        return "\(sign)\(absolute / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    public static func assets(_ state: TransitionState) -> [String] {
        var lines = ["property and liabilities: \(state.assets.assets.count) registered, \(state.assets.ordered.filter(\.transferred).count) transferred"]
        var table = TextTable(headers: ["asset", "kind", "description", "organisation", "value", "transferred"], numericColumns: [4])
        for asset in state.assets.ordered {
            table.append([
                asset.id, asset.kind?.rawValue ?? "", asset.registration?.description ?? "", asset.organisation ?? "",
                money(asset.registration?.value), asset.transferred ? (asset.transferredEffective?.description ?? "yes") : "no",
            ])
        }
        lines += table.render()
        return lines
    }

    public static func assetsCSV(_ state: TransitionState) -> (header: [String], rows: [[String]]) {
        let rows = state.assets.ordered.map { asset in
            [
                asset.id, asset.kind?.rawValue ?? "", asset.registration?.description ?? "", asset.registration?.value.map(format2) ?? "",
                asset.organisation ?? "", asset.transferred ? "Yes" : "No", asset.transferredEffective?.description ?? "",
            ]
        }
        return (["Asset ID", "Kind", "Description", "Value", "Organisation", "Transferred", "Transferred Effective"], rows)
    }

    // MARK: Readiness and tasks

    public static func readiness(_ state: TransitionState, workflow: WorkflowDefinition) -> [String] {
        let readiness = state.readiness
        guard let current = readiness.current else { return ["Readiness to Operate Statement: no version drafted yet"] }
        var lines = [
            "Readiness to Operate Statement: version \(current.version) (target \(current.targetDate?.description ?? "?")) — \(readiness.status.rawValue)",
            "signatures: " + (workflow.readiness.signatories.map { role in current.signatures[role].map { "\(role) #\($0)" } ?? "\(role) (not signed)" }.joined(separator: ", ")),
            "submitted: \(current.isSubmitted ? "yes" : "no")   feedback items: \(current.feedback.count)",
        ]
        var table = TextTable(headers: ["section", "title", "assessment", "actions"])
        for section in workflow.readiness.sections {
            let assessment = current.sections[section.id]
            table.append([section.id, section.title, assessment?.assessment.rawValue ?? "not assessed", assessment?.actions ?? ""])
        }
        lines.append("")
        lines += table.render()
        for feedback in current.feedback {
            lines.append("feedback #\(feedback.sequence) \(feedback.recordedAt.date)\(feedback.from.map { " from \($0)" } ?? ""): \(feedback.feedback)")
        }
        let older = readiness.versions.keys.sorted().filter { $0 != current.version }
        if !older.isEmpty { lines.append("earlier versions (superseded, kept): " + older.map(String.init).joined(separator: ", ")) }
        return lines
    }

    public static func tasks(_ state: TransitionState, workflow: WorkflowDefinition) -> [String] {
        var table = TextTable(headers: ["task", "name", "workstream", "status", "actual start", "actual finish", "percent", "remaining"], numericColumns: [6, 7])
        for task in workflow.tasks {
            let progress = state.tasks.tasks[task.id]
            table.append([
                task.id, task.name, task.workstream, progress?.status.rawValue ?? "not-started", progress?.actualStart?.description ?? "",
                progress?.actualFinish?.description ?? "", progress?.percent.map(String.init) ?? "", progress?.remaining.map(String.init) ?? "",
            ])
        }
        let counts = state.tasks.countsByStatus
        return ["tasks: " + TaskProgressState.Status.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: ", ")] + table.render()
    }
}
