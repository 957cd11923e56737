import TransitionSupport

/// Roles, workstreams and the event-type patterns roles and rules list.
extension WorkflowDecoder {
    mutating func decodeRoles(_ root: JSONObject) -> [Role]? {
        list(root, "roles", at: .root, required: true, what: "a role") { $0.decodeRole($1, at: $2) }
    }

    private mutating func decodeRole(_ object: JSONObject, at path: JSONPath) -> Role? {
        checkFields(object, at: path, allowed: ["id", "name", "record", "signOff", "readOnly"], in: "a role")
        let id = identifier(object, "id", at: path)
        let name = string(object, "name", at: path)
        let record = eventTypePatterns(object, "record", at: path, required: false)
        let signOff = eventTypePatterns(object, "signOff", at: path, required: false, signOffOnly: true)
        let readOnly = boolean(object, "readOnly", at: path, required: false) ?? false
        if readOnly {
            for key in ["record", "signOff"] where object[key]?.arrayValue?.isEmpty == false {
                report(
                    path.member(key),
                    "read-only role '\(id ?? "?")' may record nothing, but '\(key)' lists event types; "
                        + "empty the list or remove \"readOnly\": true")
            }
        }
        guard let id, let name, let record = record ?? (object["record"] == nil ? [] : nil),
            let signOff = signOff ?? (object["signOff"] == nil ? [] : nil)
        else { return nil }
        return Role(id: id, name: name, record: record, signOff: signOff, readOnly: readOnly)
    }

    mutating func decodeWorkstream(_ object: JSONObject, at path: JSONPath) -> Workstream? {
        checkFields(object, at: path, allowed: ["id", "name", "sro", "description"], in: "a workstream")
        let id = identifier(object, "id", at: path)
        let name = string(object, "name", at: path)
        let description = string(object, "description", at: path, required: false, nonEmpty: false)
        var sro: Workstream.SRO?
        if let value = member(object, "sro", at: path, required: true),
            let sroObject = self.object(value, at: path.member("sro"), as: "an SRO")
        {
            let sroPath = path.member("sro")
            checkFields(sroObject, at: sroPath, allowed: ["role", "name"], in: "an SRO")
            let role = reference(sroObject, "role", at: sroPath, to: .role, from: "the SRO")
            let person = string(sroObject, "name", at: sroPath)
            if let role, let person { sro = Workstream.SRO(role: role, name: person) }
        }
        guard let id, let name, let sro else { return nil }
        return Workstream(id: id, name: name, sro: sro, description: description)
    }

    /// An array of event-type patterns, each checked against the vocabulary.
    mutating func eventTypePatterns(
        _ object: JSONObject, _ key: String, at path: JSONPath, required: Bool, nonEmpty: Bool = false,
        signOffOnly: Bool = false
    ) -> [String]? {
        guard let entries = strings(object, key, at: path, required: required) else { return nil }
        if nonEmpty && entries.isEmpty {
            report(path.member(key), "'\(key)' must list at least one event type")
            return nil
        }
        var isValid = true
        var seen: Set<String> = []
        for (pattern, patternPath) in entries {
            if !checkEventTypePattern(pattern, at: patternPath, signOffOnly: signOffOnly) {
                isValid = false
            } else if !seen.insert(pattern).inserted {
                report(patternPath, "'\(pattern)' is listed twice in '\(key)'; remove one")
                isValid = false
            }
        }
        return isValid ? entries.map(\.text) : nil
    }

    /// Whether `pattern` is a known event type or a pattern matching one, reporting it if not.
    mutating func checkEventTypePattern(_ pattern: String, at path: JSONPath, signOffOnly: Bool) -> Bool {
        guard EventTypePattern.isWellFormed(pattern) else {
            report(path, "'\(pattern)' is not an event type or pattern; '*' may appear only once, at the end")
            return false
        }
        let matches = vocabulary.eventTypes(matching: pattern)
        guard !matches.isEmpty else {
            let what =
                pattern.hasSuffix("*")
                ? "event-type pattern '\(pattern)' matches no known event type" : "unknown event type '\(pattern)'"
            report(
                path, "\(what); see the event types in docs/workflow-format.md",
                suggestion: Suggestion.closest(to: pattern, in: vocabulary.patternCandidates))
            return false
        }
        if signOffOnly, !matches.contains(where: vocabulary.signOffEventTypes.contains) {
            report(
                path,
                "'\(pattern)' is not a sign-off event type (\(vocabulary.signOffEventTypes.joined(separator: ", "))); "
                    + "list it under 'record' instead")
            return false
        }
        return true
    }
}
