import TransitionSupport
import Workflow

/// Judges a proposed event against the workflow's rules and the projected state.
///
/// Rules only return verdicts; the caller appends the event only when no blocking violation is
/// returned (or an authorised override is recorded with it). Evaluation reads the current
/// projected state, never the history, so it costs the same on a large log as on a small one.
public struct RuleEngine: Sendable {
    public let workflow: WorkflowDefinition

    public init(workflow: WorkflowDefinition) {
        self.workflow = workflow
    }

    /// `$statutoryDate` (as currently projected), `$goLiveMilestone` and `$shadowFrom`.
    public func references(in state: any RuleStateView) -> [String: JSONValue] {
        var references: [String: JSONValue] = [
            "$statutoryDate": state.field(kind: "programme", id: nil, name: "statutoryDate")
                ?? .string(workflow.programme.statutoryDate.description),
            "$goLiveMilestone": .string(workflow.programme.goLiveMilestone),
        ]
        if let shadow = workflow.programme.shadowFrom { references["$shadowFrom"] = .string(shadow.description) }
        return references
    }

    /// Every violation the proposed event would cause, blocking and advisory.
    public func evaluate(_ action: ProposedAction, state: any RuleStateView) -> [RuleViolation] {
        var violations: [RuleViolation] = []
        let evaluator = CheckEvaluator(state: state, action: action, references: references(in: state))
        for rule in workflow.rules {
            switch rule.kind {
            case .permission:
                violations += permission(action, rule: rule)
            case .dependency(let events):
                guard events.contains(where: { EventTypePattern.matches($0, action.type) }) else { continue }
                violations += dependency(action, rule: rule, state: state)
            case .gate(let gate):
                guard gate.on.contains(where: { EventTypePattern.matches($0, action.type) }) else { continue }
                if let when = gate.when, !evaluator.evaluate(when).holds { continue }
                for check in gate.require {
                    let outcome = evaluator.evaluate(check)
                    for unmet in outcome.unmet {
                        violations.append(
                            RuleViolation(
                                rule: rule.id, kind: "gate", severity: rule.severity.rawValue, entity: action.entity, unmet: unmet,
                                remedy: gate.remedy ?? "record what the rule needs first (\(rule.description))"))
                    }
                }
            case .deadline, .residue:
                continue
            }
        }
        return violations
    }

    /// Event types that are sign-offs: those any role lists under `signOff`.
    public var signOffTypes: Set<String> {
        Set(workflow.roles.flatMap(\.signOff))
    }

    func permission(_ action: ProposedAction, rule: Rule) -> [RuleViolation] {
        func refuse(_ unmet: String, _ remedy: String) -> [RuleViolation] {
            [RuleViolation(rule: rule.id, kind: "permission", severity: rule.severity.rawValue, entity: action.entity, unmet: unmet, remedy: remedy)]
        }
        let allowed = workflow.roles.filter { role in
            role.record.contains { EventTypePattern.matches($0, action.type) } || role.signOff.contains(action.type)
        }.map(\.id)
        let allowedText = allowed.isEmpty ? "no role may record it" : "roles allowed: \(allowed.joined(separator: ", "))"
        guard let roleID = action.role else {
            return refuse("no role was given for \(action.type)", "record with --role ROLE (\(allowedText))")
        }
        guard let role = workflow.roles.first(where: { $0.id == roleID }) else {
            let hint = Suggestion.closest(to: roleID, in: workflow.roles.map(\.id)).map { "did you mean '\($0)'? " } ?? ""
            return refuse("role '\(roleID)' is not defined in the workflow", "\(hint)\(allowedText)")
        }
        if role.readOnly {
            return refuse("role '\(roleID)' is read-only: it may read the log but record nothing", "ask a role that may record \(action.type) (\(allowedText))")
        }
        if signOffTypes.contains(action.type) {
            guard role.signOff.contains(action.type) else {
                return refuse("role '\(roleID)' may not sign off \(action.type)", "a sign-off must come from a role that lists it under signOff (\(allowedText))")
            }
            if action.type == "dd.item.signed-off", let itemID = action.entity, let item = workflow.dueDiligence.items.first(where: { $0.id == itemID }) {
                let sroRoles = Set(workflow.workstreams.map(\.sro.role))
                let owningSRO = workflow.workstreams.first { $0.id == item.workstream }?.sro.role
                if sroRoles.contains(roleID), roleID != owningSRO, roleID != item.ownerRole {
                    return refuse(
                        "role '\(roleID)' is not the SRO of workstream \(item.workstream), which owns \(itemID)",
                        "sign off as '\(owningSRO ?? item.ownerRole)' (the owning SRO) or '\(item.ownerRole)' (the item's owner role)")
                }
            }
            return []
        }
        guard role.record.contains(where: { EventTypePattern.matches($0, action.type) }) else {
            return refuse("role '\(roleID)' may not record \(action.type)", allowedText)
        }
        return []
    }

    func dependency(_ action: ProposedAction, rule: Rule, state: any RuleStateView) -> [RuleViolation] {
        guard let taskID = action.data["task"]?.stringValue ?? action.entity,
            let task = workflow.tasks.first(where: { $0.id == taskID })
        else { return [] }
        let status = state.field(kind: "task", id: taskID, name: "status")?.stringValue ?? "not-started"
        let starting = action.type == "task.started" || (action.type == "task.finished" && (status == "not-started" || task.isMilestone))
        let finishing = action.type == "task.finished"
        var violations: [RuleViolation] = []
        for relation in task.relations {
            let predecessor = state.field(kind: "task", id: relation.task, name: "status")?.stringValue ?? "not-started"
            let started = predecessor == "started" || predecessor == "finished"
            let finished = predecessor == "finished"
            let unmet: String?
            switch relation.type {
            case .fs where starting && !finished:
                unmet = "\(taskID) cannot start before \(relation.task) finishes (FS), and \(relation.task) is \(predecessor)"
            case .ss where starting && !started:
                unmet = "\(taskID) cannot start before \(relation.task) starts (SS), and \(relation.task) is \(predecessor)"
            case .ff where finishing && !finished:
                unmet = "\(taskID) cannot finish before \(relation.task) finishes (FF), and \(relation.task) is \(predecessor)"
            case .sf where finishing && !started:
                unmet = "\(taskID) cannot finish before \(relation.task) starts (SF), and \(relation.task) is \(predecessor)"
            default:
                unmet = nil
            }
            if let unmet {
                violations.append(
                    RuleViolation(
                        rule: rule.id, kind: "dependency", severity: rule.severity.rawValue, entity: taskID, unmet: unmet,
                        remedy: "record \(relation.type == .fs || relation.type == .ff ? "task.finished" : "task.started") for \(relation.task) first"))
            }
        }
        return violations
    }
}
