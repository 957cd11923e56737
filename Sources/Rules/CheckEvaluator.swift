import TransitionSupport
import Workflow

/// Evaluates one workflow check against the state and a proposed event.
///
/// A check names a scope (the event's subject, all entities of a kind, a singleton, or the event
/// itself), a field and an operator. The result says whether it holds and, if not, in words a
/// programme officer can act on.
struct CheckEvaluator {
    let state: any RuleStateView
    let action: ProposedAction?
    let references: [String: JSONValue]

    struct Outcome {
        var holds: Bool
        var unmet: [String]
    }

    func evaluate(_ check: Check) -> Outcome {
        switch check.scope {
        case .event:
            guard conditionHolds(check.when, id: nil) else { return Outcome(holds: true, unmet: []) }
            let value = action?.field(check.field)
            if test(value, check.op) { return Outcome(holds: true, unmet: []) }
            return Outcome(holds: false, unmet: ["the event's \(check.field) is \(show(value)), but \(describe(check.op))"])
        case .singleton(let kind):
            guard conditionHolds(check.when, id: nil) else { return Outcome(holds: true, unmet: []) }
            let value = state.field(kind: kind, id: nil, name: check.field)
            if test(value, check.op) { return Outcome(holds: true, unmet: []) }
            return Outcome(holds: false, unmet: ["\(kind) \(check.field) is \(show(value)), but \(describe(check.op))"])
        case .subject(let kind):
            guard let id = action?.entity else {
                return Outcome(holds: false, unmet: ["the event names no \(kind) entity; give its id"])
            }
            guard state.contains(kind: kind, id: id) else {
                return Outcome(holds: false, unmet: ["\(kind) '\(id)' is not known yet; register or map it first"])
            }
            guard conditionHolds(check.when, kind: kind, id: id) else { return Outcome(holds: true, unmet: []) }
            let value = state.field(kind: kind, id: id, name: check.field)
            if test(value, check.op) { return Outcome(holds: true, unmet: []) }
            return Outcome(holds: false, unmet: ["\(kind) \(id): \(check.field) is \(show(value)), but \(describe(check.op))"])
        case .all(let kind, let filter):
            var failing: [String] = []
            for id in state.ids(ofKind: kind) {
                if let filter, !entityCheckHolds(filter, kind: kind, id: id) { continue }
                guard conditionHolds(check.when, kind: kind, id: id) else { continue }
                let value = state.field(kind: kind, id: id, name: check.field)
                if !test(value, check.op) { failing.append("\(id) (\(show(value)))") }
            }
            guard !failing.isEmpty else { return Outcome(holds: true, unmet: []) }
            let shown = failing.prefix(8).joined(separator: ", ")
            let more = failing.count > 8 ? " and \(failing.count - 8) more" : ""
            let noun = failing.count == 1 ? "1 \(kind)" : "\(failing.count) \(kind)"
            return Outcome(holds: false, unmet: ["\(noun) not satisfying \(check.field) \(describe(check.op)): \(shown)\(more)"])
        }
    }

    /// A `when` or `where` check evaluated on one entity (or the event / singleton as its scope says).
    private func conditionHolds(_ condition: Check?, kind: String? = nil, id: String?) -> Bool {
        guard let condition else { return true }
        switch condition.scope {
        case .event:
            return test(action?.field(condition.field), condition.op)
        case .singleton(let singleton):
            return test(state.field(kind: singleton, id: nil, name: condition.field), condition.op)
        case .subject(let subjectKind), .all(let subjectKind, _):
            let target = id ?? action?.entity
            return test(state.field(kind: kind ?? subjectKind, id: target, name: condition.field), condition.op)
        }
    }

    private func entityCheckHolds(_ check: Check, kind: String, id: String) -> Bool {
        test(state.field(kind: kind, id: id, name: check.field), check.op)
    }

    func resolve(_ value: JSONValue) -> JSONValue {
        if case .string(let text) = value, text.hasPrefix("$") { return references[text] ?? value }
        return value
    }

    func test(_ value: JSONValue?, _ op: CheckOperator) -> Bool {
        switch op {
        case .exists(let expected):
            let present = value.map { !$0.isNull } ?? false
            return present == expected
        case .equals(let expected):
            guard let value else { return false }
            return same(value, resolve(expected))
        case .notEquals(let expected):
            guard let value else { return true }
            return !same(value, resolve(expected))
        case .in(let options):
            guard let value else { return false }
            return options.contains { same(value, resolve($0)) }
        case .notIn(let options):
            guard let value else { return true }
            return !options.contains { same(value, resolve($0)) }
        case .atLeast(let bound):
            guard let number = value?.doubleValue else { return false }
            return number >= bound
        case .atMost(let bound):
            guard let number = value?.doubleValue else { return false }
            return number <= bound
        case .onOrAfter(let operand):
            guard let actual = value?.stringValue.flatMap({ CivilDate(iso8601: $0) }), let bound = resolveDate(operand) else { return false }
            return actual >= bound
        case .onOrBefore(let operand):
            guard let actual = value?.stringValue.flatMap({ CivilDate(iso8601: $0) }), let bound = resolveDate(operand) else { return false }
            return actual <= bound
        }
    }

    private func resolveDate(_ operand: DateOperand) -> CivilDate? {
        switch operand {
        case .date(let date): return date
        case .reference(let name): return references[name]?.stringValue.flatMap { CivilDate(iso8601: $0) }
        }
    }

    private func same(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        if let left = lhs.doubleValue, let right = rhs.doubleValue { return left == right }
        return lhs == rhs
    }

    func show(_ value: JSONValue?) -> String {
        guard let value, !value.isNull else { return "not set" }
        switch value {
        case .string(let text): return "'\(text)'"
        default: return JSONWriter.canonicalString(value)
        }
    }

    func describe(_ op: CheckOperator) -> String {
        func list(_ values: [JSONValue]) -> String { values.map { show(resolve($0)) }.joined(separator: ", ") }
        switch op {
        case .equals(let value): return "must be \(show(resolve(value)))"
        case .notEquals(let value): return "must not be \(show(resolve(value)))"
        case .in(let values): return "must be one of \(list(values))"
        case .notIn(let values): return "must not be any of \(list(values))"
        case .exists(let flag): return flag ? "must be set" : "must not be set"
        case .atLeast(let bound): return "must be at least \(number(bound))"
        case .atMost(let bound): return "must be at most \(number(bound))"
        case .onOrAfter(let operand): return "must be on or after \(describe(operand))"
        case .onOrBefore(let operand): return "must be on or before \(describe(operand))"
        }
    }

    private func describe(_ operand: DateOperand) -> String {
        switch operand {
        case .date(let date): return date.description
        case .reference(let name):
            let value = references[name]?.stringValue.map { " (\($0))" } ?? ""
            return "\(name.dropFirst())\(value)"
        }
    }

    private func number(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
