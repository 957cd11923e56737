import Domain
import Projections
import Reports
import Rules
import Schedule
import TransitionSupport
import Workflow

/// `transition check` and `transition why`: the rules applied to the state as of a date.
public enum RuleService {
    /// Standing violations, warnings and residue as of the view's data date.
    public static func check(_ view: ProgrammeView) throws -> CheckReport {
        let result = try ScheduleService.schedule(view)
        var taskDue: [String: CivilDate] = [:]
        var itemDue: [String: CivilDate] = [:]
        if let latest = ScheduleService.baselines(in: view).last {
            for (task, dates) in latest.tasks { taskDue[task] = dates.finish; itemDue[task] = dates.start }
        }
        for task in view.workflow.tasks {
            if let deadline = task.finishNoLaterThan { taskDue[task.id] = min(taskDue[task.id] ?? deadline, deadline) }
        }
        let goLiveFloat = result.task(view.workflow.programme.goLiveMilestone)?.totalFloat
        return ContinuousCheck(workflow: view.workflow).assess(
            view.state, asOf: view.dataDate, taskDueDates: taskDue, itemDueDates: itemDue, goLiveFloat: goLiveFloat)
    }

    /// One rule's bearing on an entity.
    public struct Explanation: Sendable {
        public var rule: String
        public var kind: String
        public var description: String
        public var event: String?
        public var holds: Bool
        public var unmet: [String]
    }

    /// Which rules touch `entity` and whether each would let its next events through now.
    public static func why(_ entity: String, in view: ProgrammeView) throws -> (kind: String, explanations: [Explanation]) {
        let kind = try entityKind(of: entity, in: view)
        let engine = RuleEngine(workflow: view.workflow)
        var explanations: [Explanation] = []
        for rule in view.workflow.rules {
            switch rule.kind {
            case .gate(let gate):
                let types = gate.on.filter { type in DomainEventType(rawValue: type)?.entityKind.rawValue == kind }
                let mentions = gate.require.contains { $0.scope.kind == kind } || (gate.when?.scope.kind == kind)
                guard !types.isEmpty || mentions else { continue }
                for type in types.isEmpty ? [gate.on.first ?? ""] : types {
                    let key = DomainEventType(rawValue: type).map { payloadKey(for: $0.entityKind.rawValue) } ?? "id"
                    let action = ProposedAction(
                        type: type, entity: entity, effective: view.dataDate, role: nil, data: [key: .string(entity)])
                    let unmet = engine.evaluate(action, state: view.state).filter { $0.rule == rule.id }.map(\.unmet)
                    explanations.append(Explanation(rule: rule.id, kind: "gate", description: rule.description, event: type, holds: unmet.isEmpty, unmet: unmet))
                }
            case .dependency(let events) where kind == "task":
                for type in events {
                    let action = ProposedAction(type: type, entity: entity, effective: view.dataDate, role: nil, data: ["task": .string(entity)])
                    let unmet = engine.evaluate(action, state: view.state).filter { $0.rule == rule.id }.map(\.unmet)
                    explanations.append(Explanation(rule: rule.id, kind: "dependency", description: rule.description, event: type, holds: unmet.isEmpty, unmet: unmet))
                }
            case .deadline(let scope, _) where scope.contains(kind):
                let report = try check(view)
                let unmet = report.violations.filter { $0.rule == rule.id && $0.entity == entity }.map(\.unmet)
                explanations.append(Explanation(rule: rule.id, kind: "deadline", description: rule.description, event: nil, holds: unmet.isEmpty, unmet: unmet))
            case .residue(let scope) where scope.contains(kind):
                let deferred = view.state.field(kind: kind, id: entity, name: "status")?.stringValue == "deferred"
                explanations.append(
                    Explanation(
                        rule: rule.id, kind: "residue", description: rule.description, event: nil, holds: !deferred,
                        unmet: deferred ? ["\(entity) is deferred past go-live and stays on the residue list until closed"] : []))
            default:
                continue
            }
        }
        return (kind, explanations)
    }

    static func payloadKey(for kind: String) -> String {
        switch kind {
        case "dueDiligence": return "item"
        case "staff": return "person"
        case "consultation": return "group"
        case "ros": return "version"
        default: return kind
        }
    }

    /// The entity kind an id belongs to, from the workflow and the projected registers.
    public static func entityKind(of entity: String, in view: ProgrammeView) throws -> String {
        for kind in ["dueDiligence", "task", "staff", "contract", "asset", "consultation"] where view.state.ids(ofKind: kind).contains(entity) {
            return kind
        }
        if entity == "ROS" { return "ros" }
        var known = view.workflow.tasks.map(\.id) + view.workflow.dueDiligence.items.map(\.id)
        for kind in ["staff", "contract", "asset", "consultation"] { known += view.state.ids(ofKind: kind) }
        let hint = Suggestion.hint(for: entity, in: known)
        throw InputError(location: entity, message: "no checklist item, task, person, contract, asset or consultation group has this id\(hint)")
    }
}
