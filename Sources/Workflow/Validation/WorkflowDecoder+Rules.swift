import TransitionSupport

/// Rules: the fields each kind takes, and their event types and scopes.
extension WorkflowDecoder {
    static let commonRuleFields = ["id", "kind", "description", "severity"]

    static func ruleFields(kind: String) -> [String] {
        switch kind {
        case "dependency": return commonRuleFields + ["events"]
        case "gate": return commonRuleFields + ["on", "when", "require", "remedy"]
        case "deadline": return commonRuleFields + ["scope", "escalateWhenFloatBelow"]
        case "residue": return commonRuleFields + ["scope"]
        case "permission": return commonRuleFields
        default:
            return commonRuleFields + ["events", "on", "when", "require", "remedy", "scope", "escalateWhenFloatBelow"]
        }
    }

    mutating func decodeRule(_ object: JSONObject, at path: JSONPath) -> Rule? {
        let kindName = choice(object, "kind", at: path, required: true, from: RuleKind.names)
        checkFields(
            object, at: path, allowed: WorkflowDecoder.ruleFields(kind: kindName ?? ""),
            in: "a \(kindName ?? "rule") rule")
        let id = identifier(object, "id", at: path)
        let description = string(object, "description", at: path)
        let severityName =
            object["severity"] == nil
            ? RuleSeverity.blocking.rawValue
            : choice(object, "severity", at: path, required: true, from: RuleSeverity.allCases.map(\.rawValue))
        var kind: RuleKind?
        switch kindName {
        case "dependency":
            kind = eventTypePatterns(object, "events", at: path, required: true, nonEmpty: true).map {
                .dependency(events: $0)
            }
        case "gate":
            kind = decodeGate(object, at: path).map { .gate($0) }
        case "permission":
            kind = .permission
        case "deadline":
            let scope = scopeKinds(object, at: path)
            let threshold = integer(
                object, "escalateWhenFloatBelow", at: path, required: false, unit: " of working days")
            if let scope, object["escalateWhenFloatBelow"] == nil || threshold != nil {
                kind = .deadline(scope: scope, escalateWhenFloatBelow: threshold)
            }
        case "residue":
            kind = scopeKinds(object, at: path).map { .residue(scope: $0) }
        default:
            kind = nil
        }
        guard let id, let description, let kind, let severityName, let severity = RuleSeverity(rawValue: severityName)
        else { return nil }
        return Rule(id: id, kind: kind, description: description, severity: severity)
    }

    /// Remembers rule ids to report duplicates; called once all rules are read.
    mutating func checkRuleIDs(_ root: JSONObject) {
        let rules = root["rules"]?.arrayValue ?? []
        let ids = rules.enumerated().compactMap { index, rule in
            rule["id"]?.stringValue.map { ($0, JSONPath.root.member("rules").element(index).member("id")) }
        }
        reportDuplicates(ids.map { (id: $0.0, path: $0.1) }, noun: "rule")
    }

    private mutating func decodeGate(_ object: JSONObject, at path: JSONPath) -> Gate? {
        let on = eventTypePatterns(object, "on", at: path, required: true, nonEmpty: true)
        var when: Check?
        var whenIsValid = true
        if let value = object["when"] {
            when = decodeCheck(value, at: path.member("when"), depth: 1, shape: nil)
            whenIsValid = when != nil
        }
        var require: [Check]?
        if let elements = array(object, "require", at: path, required: true) {
            if elements.isEmpty {
                report(path.member("require"), "'require' must list at least one check")
            } else {
                let checks = elements.enumerated().compactMap { index, element in
                    decodeCheck(element, at: path.member("require").element(index), depth: 1, shape: nil)
                }
                if checks.count == elements.count { require = checks }
            }
        }
        let remedy = string(object, "remedy", at: path)
        guard let on, whenIsValid, let require, let remedy else { return nil }
        return Gate(on: on, when: when, require: require, remedy: remedy)
    }

    /// The `scope` of a deadline or residue rule: kinds that have due dates.
    private mutating func scopeKinds(_ object: JSONObject, at path: JSONPath) -> [String]? {
        guard let entries = strings(object, "scope", at: path, required: true) else { return nil }
        if entries.isEmpty {
            report(
                path.member("scope"),
                "'scope' must list at least one of: \(vocabulary.scheduledKinds.joined(separator: ", "))")
            return nil
        }
        var isValid = true
        for (kind, kindPath) in entries where !vocabulary.scheduledKinds.contains(kind) {
            report(
                kindPath,
                "'\(kind)' cannot be a deadline or residue scope; use \(vocabulary.scheduledKinds.joined(separator: " or "))",
                suggestion: Suggestion.closest(to: kind, in: vocabulary.scheduledKinds))
            isValid = false
        }
        return isValid ? entries.map(\.text) : nil
    }
}
