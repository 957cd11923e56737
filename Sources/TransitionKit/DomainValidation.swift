import EventLog
import Projections
import Rules
import TransitionSupport
import Workflow

/// Checks that an event names things the workflow defines (items, tasks, sections, organisations,
/// groups) before the rules look at it, so a typo gets a suggestion rather than a confusing refusal.
public enum DomainValidation {
    public static func check(_ event: ProposedEvent, workflow: WorkflowDefinition) throws(InputError) {
        func known(_ key: String, in ids: [String], what: String) throws(InputError) {
            guard let value = event.data[key]?.stringValue else { return }
            guard ids.contains(value) else {
                let hint = Suggestion.hint(for: value, in: ids)
                throw InputError(location: "\(event.type) \(value)", message: "unknown \(what) '\(value)'\(hint); nothing was appended")
            }
        }
        if event.type.hasPrefix("dd.") { try known("item", in: workflow.dueDiligence.items.map(\.id), what: "due-diligence item") }
        if event.type.hasPrefix("task.") { try known("task", in: workflow.tasks.map(\.id), what: "task") }
        if event.type == "ros.section.assessed" { try known("section", in: workflow.readiness.sections.map(\.id), what: "ROS section") }
        if event.type.hasPrefix("staff.consultation.") || event.type == "staff.post.mapped" {
            try known("group", in: workflow.consultationGroups.map(\.id), what: "consultation group")
        }
        if ["staff.post.mapped", "contract.registered", "asset.registered"].contains(event.type) {
            try known("organisation", in: workflow.organisations.filter { $0.kind == .source }.map(\.id), what: "source organisation")
        }
        if event.type == "dd.evidence.attached", event.evidence.isEmpty {
            throw InputError(location: "--evidence", message: "attach at least one document with --evidence FILE (or NAME)")
        }
    }

    /// Checks that an event about a person, contract or asset names one already registered.
    public static func check(_ event: ProposedEvent, state: TransitionState) throws(InputError) {
        func registered(_ key: String, kind: String, noun: String, register: String) throws(InputError) {
            guard let value = event.data[key]?.stringValue, !state.contains(kind: kind, id: value) else { return }
            let hint = Suggestion.hint(for: value, in: state.ids(ofKind: kind))
            throw InputError(
                location: "\(event.type) \(value)",
                message: "no \(noun) '\(value)' is registered\(hint); record \(register) for it first; nothing was appended")
        }
        if event.type.hasPrefix("staff."), event.type != "staff.post.mapped", !event.type.hasPrefix("staff.consultation.") {
            try registered("person", kind: "staff", noun: "person", register: "staff.post.mapped (transition staff map or import)")
        }
        if event.type.hasPrefix("contract."), event.type != "contract.registered" {
            try registered("contract", kind: "contract", noun: "contract", register: "contract.registered (transition contract register or import)")
        }
        if event.type == "asset.transferred" {
            try registered("asset", kind: "asset", noun: "asset", register: "asset.registered")
        }
    }
}
