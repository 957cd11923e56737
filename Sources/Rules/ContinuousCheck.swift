import TransitionSupport
import Workflow

/// An item deferred past go-live that must stay visible until it is closed.
public struct ResidueItem: Sendable, Hashable {
    public var id: String
    public var title: String
    public var owner: String?
    public var mitigation: String?
    public var deferredOn: CivilDate?
    public var ageDays: Int?

    public var json: JSONValue {
        .object([
            "id": .string(id), "title": .string(title), "owner": owner.map { .string($0) } ?? .null,
            "mitigation": mitigation.map { .string($0) } ?? .null, "deferredOn": deferredOn.map { .string($0.description) } ?? .null,
            "ageDays": ageDays.map { .int($0) } ?? .null,
        ])
    }
}

/// Everything `transition check` reports as of a date.
public struct CheckReport: Sendable, Hashable {
    public var asOf: CivilDate
    public var violations: [RuleViolation]
    public var residue: [ResidueItem]

    public var blocking: [RuleViolation] { violations.filter(\.isBlocking) }
    public var advisory: [RuleViolation] { violations.filter { !$0.isBlocking } }
}

/// Standing checks over the state as of a date: deadlines, float escalation, residue, and what would
/// still stop the go-live milestone being recorded.
public struct ContinuousCheck: Sendable {
    public let engine: RuleEngine

    public init(workflow: WorkflowDefinition) {
        engine = RuleEngine(workflow: workflow)
    }

    /// - Parameters:
    ///   - taskDueDates: when each unfinished task is due (its deadline or baseline finish).
    ///   - itemDueDates: when items that `feed` a task are due (that task's planned start).
    ///   - goLiveFloat: the go-live milestone's total float, for the escalation threshold.
    public func assess(
        _ state: any RuleStateView, asOf: CivilDate, taskDueDates: [String: CivilDate] = [:],
        itemDueDates: [String: CivilDate] = [:], goLiveFloat: Int? = nil
    ) -> CheckReport {
        let workflow = engine.workflow
        var violations: [RuleViolation] = []
        var residue: [ResidueItem] = []
        let statutory = state.field(kind: "programme", id: nil, name: "statutoryDate")?.stringValue.flatMap { CivilDate(iso8601: $0) }
            ?? workflow.programme.statutoryDate
        for rule in workflow.rules {
            switch rule.kind {
            case .deadline(let scope, let threshold):
                if scope.contains("dueDiligence") {
                    for item in workflow.dueDiligence.items {
                        guard let due = item.due ?? item.feeds.flatMap({ itemDueDates[$0] }), due < asOf, due <= statutory else { continue }
                        let status = state.field(kind: "dueDiligence", id: item.id, name: "status")?.stringValue ?? "not-started"
                        guard !["complete", "not-applicable", "deferred"].contains(status) else { continue }
                        violations.append(
                            RuleViolation(
                                rule: rule.id, kind: "deadline", severity: "advisory", entity: item.id,
                                unmet: "\(item.id) \(item.title) was due \(due) and is \(status) (\(due.days(to: asOf)) days overdue)",
                                remedy: "complete it, mark it not applicable with a reason, or defer it past go-live with a mitigation and owner"))
                    }
                }
                if scope.contains("task") {
                    for task in workflow.tasks {
                        guard let due = taskDueDates[task.id], due < asOf else { continue }
                        let status = state.field(kind: "task", id: task.id, name: "status")?.stringValue ?? "not-started"
                        guard status != "finished" else { continue }
                        violations.append(
                            RuleViolation(
                                rule: rule.id, kind: "deadline", severity: "advisory", entity: task.id,
                                unmet: "\(task.id) \(task.name) was due to finish by \(due) and is \(status)",
                                remedy: "record progress or a re-forecast for it, and tell the \(task.workstream) SRO"))
                    }
                }
                if let threshold, let goLiveFloat, goLiveFloat < threshold {
                    violations.append(
                        RuleViolation(
                            rule: rule.id, kind: "deadline", severity: rule.severity.rawValue, entity: workflow.programme.goLiveMilestone,
                            unmet: "go-live float is \(goLiveFloat) working days, below the escalation threshold of \(threshold)",
                            remedy: "escalate to the SROs: recover the critical path (transition critical-path) or agree mitigations"))
                }
            case .residue(let scope):
                guard scope.contains("dueDiligence") else { continue }
                for item in workflow.dueDiligence.items {
                    guard state.field(kind: "dueDiligence", id: item.id, name: "status")?.stringValue == "deferred" else { continue }
                    let deferredOn = state.field(kind: "dueDiligence", id: item.id, name: "deferredAt")?.stringValue.flatMap { CivilDate(iso8601: $0) }
                    residue.append(
                        ResidueItem(
                            id: item.id, title: item.title,
                            owner: state.field(kind: "dueDiligence", id: item.id, name: "deferredOwner")?.stringValue,
                            mitigation: state.field(kind: "dueDiligence", id: item.id, name: "mitigation")?.stringValue,
                            deferredOn: deferredOn, ageDays: deferredOn.map { $0.days(to: asOf) }))
                }
            case .gate, .permission, .dependency:
                continue
            }
        }
        // What would still refuse the go-live milestone if it were recorded today.
        let goLive = workflow.programme.goLiveMilestone
        if state.field(kind: "task", id: goLive, name: "status")?.stringValue != "finished" {
            let action = ProposedAction(type: "task.finished", entity: goLive, effective: asOf, role: nil, data: ["task": .string(goLive)])
            for violation in engine.evaluate(action, state: state) where violation.kind == "gate" {
                var pending = violation
                pending.severity = "advisory"
                pending.unmet = "go-live cannot be recorded yet: \(violation.unmet)"
                violations.append(pending)
            }
        }
        return CheckReport(asOf: asOf, violations: violations, residue: residue)
    }
}
