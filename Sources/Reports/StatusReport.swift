import Domain
import Projections
import Rules
import Schedule
import TransitionSupport
import Workflow

/// Red, amber or green for a workstream, with the reasons behind it.
public struct WorkstreamRAG: Sendable, Hashable {
    /// The three ratings SROs report in, spelled as they appear on the status screen.
    public enum Rating: String, Sendable, Hashable { case red = "RED", amber = "AMBER", green = "GREEN" }

    public var workstream: String
    public var name: String
    public var sro: String
    public var rating: Rating
    public var reasons: [String]
}

/// The SRO's one-screen summary: readiness for the statutory date and what threatens it.
///
/// RAG rule (documented in the README): RED when go-live is forecast late and one of the
/// workstream's tasks is on the critical path, or a blocking rule violation concerns the
/// workstream; AMBER when it has near-critical tasks or overdue items or tasks; GREEN otherwise.
public struct StatusReport: Sendable {
    public var programme: String
    public var asOf: CivilDate
    public var statutoryDate: CivilDate
    public var forecastGoLive: CivilDate?
    public var slipDays: Int?
    public var daysToStatutory: Int
    public var workstreams: [WorkstreamRAG]
    public var checklist: [(category: String, done: Int, total: Int)]
    public var staffByOrganisation: [(organisation: String, transferred: Int, confirmed: Int, total: Int)]
    public var contractsByOrganisation: [(organisation: String, transferred: Int, total: Int, value: Double)]
    public var readiness: String
    public var residue: [ResidueItem]
    public var blocking: [RuleViolation]
    public var advisoryCount: Int
    public var head: String

    public static func make(
        state: TransitionState, workflow: WorkflowDefinition, schedule: ScheduleResult, check: CheckReport, asOf: CivilDate, head: String,
        workstream: String? = nil
    ) -> StatusReport {
        let statutory = state.programme.statutoryDate ?? workflow.programme.statutoryDate
        let late = (schedule.slipDays ?? 0) > 0
        var ratings: [WorkstreamRAG] = []
        for stream in workflow.workstreams where workstream == nil || stream.id == workstream {
            var reasons: [String] = []
            var rating = WorkstreamRAG.Rating.green
            let tasks = schedule.tasks.filter { $0.workstream == stream.id }
            let critical = tasks.filter(\.isCritical)
            let itemIDs = Set(workflow.dueDiligence.items.filter { $0.workstream == stream.id }.map(\.id))
            let taskIDs = Set(tasks.map(\.id))
            let blocking = check.blocking.filter { violation in violation.entity.map { itemIDs.contains($0) || taskIDs.contains($0) } ?? false }
            if late, !critical.isEmpty {
                rating = .red
                reasons.append("critical task \(critical[0].id) drives a late go-live")
            }
            if !blocking.isEmpty {
                rating = .red
                reasons.append("\(blocking.count) blocking rule violation\(blocking.count == 1 ? "" : "s")")
            }
            let overdue = check.advisory.filter { $0.kind == "deadline" && ($0.entity.map { itemIDs.contains($0) || taskIDs.contains($0) } ?? false) }
            let nearCritical = tasks.filter { $0.isNearCritical || ($0.isCritical && !late) }
            if rating == .green, !overdue.isEmpty || !nearCritical.isEmpty { rating = .amber }
            if !overdue.isEmpty { reasons.append("\(overdue.count) overdue") }
            if !nearCritical.isEmpty { reasons.append("\(nearCritical.count) critical or near-critical task\(nearCritical.count == 1 ? "" : "s")") }
            if reasons.isEmpty { reasons.append("on track") }
            ratings.append(WorkstreamRAG(workstream: stream.id, name: stream.name, sro: "\(stream.sro.name) (\(stream.sro.role))", rating: rating, reasons: reasons))
        }
        let items = state.dueDiligence.ordered.filter { item in workstream == nil || item.workstream == workstream }
        let checklist = workflow.dueDiligence.categories.compactMap { category -> (String, Int, Int)? in
            let inCategory = items.filter { $0.category == category.id }
            guard !inCategory.isEmpty else { return nil }
            return (category.name, inCategory.filter { $0.status.isClosed }.count, inCategory.count)
        }
        let sources = workflow.organisations.filter { $0.kind == .source }
        let staff = sources.map { organisation -> (String, Int, Int, Int) in
            let people = state.staff.orderedPeople.filter { $0.organisation == organisation.id }
            return (organisation.name, people.filter(\.transferred).count, people.filter { $0.transferConfirmed || $0.transferred }.count, people.count)
        }
        let contracts = sources.map { organisation -> (String, Int, Int, Double) in
            let held = state.contracts.ordered.filter { $0.organisation == organisation.id }
            return (organisation.name, held.filter(\.transferred).count, held.count, held.compactMap(\.annualValue).reduce(0, +))
        }
        var readiness = "no version drafted"
        if let current = state.readiness.current {
            let signed = workflow.readiness.signatories.filter { current.signatures[$0] != nil }
            readiness = "version \(current.version): \(state.readiness.status.rawValue); signed by \(signed.isEmpty ? "nobody yet" : signed.joined(separator: ", ")) of \(workflow.readiness.signatories.joined(separator: ", ")); \(current.isSubmitted ? "submitted" : "not submitted")"
        }
        return StatusReport(
            programme: workflow.programme.title, asOf: asOf, statutoryDate: statutory, forecastGoLive: schedule.forecastGoLive,
            slipDays: schedule.slipDays, daysToStatutory: asOf.days(to: statutory), workstreams: ratings, checklist: checklist,
            staffByOrganisation: staff, contractsByOrganisation: contracts, readiness: readiness, residue: check.residue,
            blocking: check.blocking, advisoryCount: check.advisory.count, head: head)
    }

    /// How far the statutory date is from the as-of date, in words: "in 46 days", "today", "3 days ago".
    public var statutoryDistance: String { Self.distance(days: daysToStatutory) }

    /// A signed number of days from now, in words: "in 1 day", "today", "2 days ago".
    public static func distance(days: Int) -> String {
        func count(_ days: Int) -> String { days == 1 ? "1 day" : "\(days) days" }
        switch days {
        case 0: return "today"
        case 1...: return "in \(count(days))"
        default: return "\(count(-days)) ago"
        }
    }

    public func text(colour: Bool) -> [String] {
        func paint(_ rating: WorkstreamRAG.Rating) -> String {
            guard colour else { return rating.rawValue }
            let code = rating == .red ? "31" : rating == .amber ? "33" : "32"
            return "\u{1B}[1;\(code)m\(rating.rawValue)\u{1B}[0m"
        }
        var lines = ["\(programme) — status as of \(asOf)"]
        let forecast = forecastGoLive.map(\.description) ?? "none"
        var slipText = ""
        if let slipDays {
            slipText = slipDays > 0 ? "LATE by \(slipDays) working days" : slipDays == 0 ? "no float" : "\(-slipDays) working days of float"
        }
        lines.append("statutory date \(statutoryDate) (\(statutoryDistance))   forecast go-live \(forecast) — \(slipText)")
        lines.append("")
        var rag = TextTable(headers: ["RAG", "workstream", "SRO", "why"])
        for stream in workstreams { rag.append([paint(stream.rating), stream.name, stream.sro, stream.reasons.joined(separator: "; ")]) }
        lines += rag.render()
        lines.append("")
        lines.append("due diligence (closed = complete, not applicable or deferred):")
        var checklistTable = TextTable(headers: ["category", "closed", "of", "%"], numericColumns: [1, 2, 3])
        for row in checklist {
            checklistTable.append([row.category, String(row.done), String(row.total), String(row.total == 0 ? 0 : row.done * 100 / row.total)])
        }
        lines += checklistTable.render(indent: "  ")
        lines.append("")
        var transfers = TextTable(headers: ["source organisation", "staff transferred", "confirmed", "staff", "contracts transferred", "contracts", "annual value"], numericColumns: [1, 2, 3, 4, 5, 6])
        for (index, row) in staffByOrganisation.enumerated() {
            let contract = index < contractsByOrganisation.count
                ? contractsByOrganisation[index] : (organisation: row.organisation, transferred: 0, total: 0, value: 0.0)
            transfers.append([row.organisation, String(row.transferred), String(row.confirmed), String(row.total), String(contract.transferred), String(contract.total), RegisterReports.money(contract.value)])
        }
        lines += transfers.render()
        lines.append("")
        lines.append("Readiness to Operate Statement: \(readiness)")
        lines.append("deferred past go-live (residue): \(residue.count)" + (residue.isEmpty ? "" : " — " + residue.prefix(5).map { "\($0.id) (owner \($0.owner ?? "none"))" }.joined(separator: ", ")))
        lines.append("")
        if blocking.isEmpty {
            lines.append("blocking items: none   (advisory: \(advisoryCount); see 'transition check')")
        } else {
            lines.append("top blocking items:")
            for violation in blocking.prefix(5) { lines.append("  [\(violation.rule)] \(violation.unmet)") }
        }
        lines.append("log head \(head)")
        return lines
    }
}
