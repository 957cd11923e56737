import TransitionSupport

/// The scope a nested check must have: `when` repeats its check's scope, `where` reads `all` of the same kind.
struct CheckShape: Sendable, Equatable {
    var keyword: String
    var kind: String?

    var written: String {
        guard let kind else { return "\"\(keyword)\": true" }
        return "\"\(keyword)\": \"\(kind)\""
    }
}

/// What a check's field turned out to be.
enum FieldLookup: Sendable, Equatable {
    /// Missing or unknown (reported).
    case failed
    /// Not checked, because the scope was already wrong (reported).
    case unchecked
    /// Known, holding values of this type.
    case known(FieldType)

    var type: FieldType? {
        if case .known(let type) = self { return type }
        return nil
    }
}

/// Checks: exactly one scope and one operator, fields from the vocabulary, values of the right type.
extension WorkflowDecoder {
    static let scopeKeys = ["subject", "all", "singleton", "event"]
    static let checkFields = scopeKeys + ["field"] + CheckOperator.keywords + ["when", "where"]

    /// Decodes a check at `path`; `shape`, when given, is the scope it must have as the `when`
    /// or `where` (`nestedAs`) of another check.
    mutating func decodeCheck(
        _ value: JSONValue, at path: JSONPath, depth: Int, shape: CheckShape?, nestedAs: String = "when"
    ) -> Check? {
        guard depth <= WorkflowDecoder.maximumCheckDepth else {
            report(
                path,
                "checks nest more than \(WorkflowDecoder.maximumCheckDepth) deep through 'when' and 'where'; simplify the rule"
            )
            return nil
        }
        guard let object = object(value, at: path, as: "a check") else { return nil }
        checkFields(object, at: path, allowed: WorkflowDecoder.checkFields, in: "a check")
        let scopes = WorkflowDecoder.scopeKeys.filter(object.contains)
        let operators = CheckOperator.keywords.filter(object.contains)
        guard scopes.count == 1, let scopeKey = scopes.first else {
            report(path, "a check needs exactly one scope ('subject', 'all', 'singleton' or 'event'); \(found(scopes))")
            return nil
        }
        var isValid = true
        if operators.count != 1 {
            report(
                path,
                "a check needs exactly one operator (\(CheckOperator.keywords.joined(separator: ", "))); \(found(operators))"
            )
            isValid = false
        }
        let kind = decodeScopeKind(object, key: scopeKey, at: path)
        let scopeIsValid = kind != nil || (scopeKey == "event" && object["event"]?.boolValue == true)
        if !scopeIsValid { isValid = false }
        let actual = CheckShape(keyword: scopeKey, kind: kind)
        if let shape, scopeIsValid, actual != shape {
            report(
                path,
                "a '\(nestedAs)' check must read the same scope as its check (\(shape.written)), not \(actual.written)")
            isValid = false
        }
        let lookup = decodeCheckField(object, at: path, scope: actual, kindIsValid: scopeIsValid)
        var op: CheckOperator?
        if operators.count == 1, let keyword = operators.first, let operand = object[keyword] {
            op = decodeOperator(
                keyword, operand, at: path.member(keyword), field: object["field"]?.stringValue ?? "", type: lookup.type
            )
        }
        var when: Check?
        if let condition = object["when"] {
            when = decodeCheck(condition, at: path.member("when"), depth: depth + 1, shape: scopeIsValid ? actual : nil)
            if when == nil { isValid = false }
        }
        var filter: Check?
        if let condition = object["where"] {
            if scopeKey != "all" {
                report(
                    path.member("where"), "'where' filters the entities of an \"all\" check; use 'when' here",
                    atKey: true)
                isValid = false
            } else {
                filter = decodeCheck(
                    condition, at: path.member("where"), depth: depth + 1, shape: scopeIsValid ? actual : nil,
                    nestedAs: "where")
                if filter == nil { isValid = false }
            }
        }
        guard isValid, let field = object["field"]?.stringValue, lookup != .failed, let op else { return nil }
        let scope: CheckScope
        switch scopeKey {
        case "subject": scope = .subject(kind ?? "")
        case "all": scope = .all(kind ?? "", where: filter)
        case "singleton": scope = .singleton(kind ?? "")
        default: scope = .event
        }
        return Check(scope: scope, field: field, op: op, when: when)
    }

    /// `NAME` or `NAME.NAME…`, each of letters, digits and `_`.
    static func isPayloadPath(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty
            && parts.allSatisfy { part in
                !part.isEmpty && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            }
    }

    private func found(_ keys: [String]) -> String {
        keys.isEmpty ? "found none" : "found " + keys.map { "'\($0)'" }.joined(separator: " and ") + "; keep one"
    }

    /// The kind named by the scope key (`nil` for event scopes, or when invalid, reported).
    private mutating func decodeScopeKind(_ object: JSONObject, key: String, at path: JSONPath) -> String? {
        let keyPath = path.member(key)
        if key == "event" {
            if object["event"]?.boolValue != true {
                report(keyPath, "write \"event\": true to check the proposed event")
            }
            return nil
        }
        guard let name = object[key]?.stringValue else {
            report(keyPath, "'\(key)' must name an entity kind, such as \"dueDiligence\"")
            return nil
        }
        let wantsSingleton = key == "singleton"
        let candidates = vocabulary.kinds.filter { $0.isSingleton == wantsSingleton }.map(\.name)
        if let definition = vocabulary.kind(named: name) {
            if definition.isSingleton == wantsSingleton { return name }
            let fix = definition.isSingleton ? "\"singleton\": \"\(name)\"" : "\"subject\" or \"all\""
            report(keyPath, "'\(name)' is \(definition.isSingleton ? "" : "not ")a singleton kind; use \(fix)")
            return nil
        }
        let suggestion = Suggestion.closest(to: name, in: candidates)
        let list = suggestion == nil ? "; use one of: \(candidates.joined(separator: ", "))" : ""
        report(keyPath, "unknown entity kind '\(name)'\(list)", suggestion: suggestion)
        return nil
    }

    /// Looks the field up in the scope's kind (or the event's fields), reporting an unknown one.
    private mutating func decodeCheckField(
        _ object: JSONObject, at path: JSONPath, scope: CheckShape, kindIsValid: Bool
    )
        -> FieldLookup
    {
        guard let field = string(object, "field", at: path) else { return .failed }
        guard kindIsValid else { return .unchecked }
        let fieldPath = path.member("field")
        if let kindName = scope.kind, let kind = vocabulary.kind(named: kindName) {
            if let definition = kind.field(named: field) { return .known(definition.type) }
            let names = kind.fields.map(\.name)
            let suggestion = Suggestion.closest(to: field, in: names)
            let list = suggestion == nil ? "; its fields are \(names.joined(separator: ", "))" : ""
            report(fieldPath, "'\(kindName)' has no field '\(field)'\(list)", suggestion: suggestion)
            return .failed
        }
        if let definition = vocabulary.eventFields.first(where: { $0.name == field }) { return .known(definition.type) }
        let prefix = WorkflowVocabulary.eventDataPrefix
        if field.hasPrefix(prefix), WorkflowDecoder.isPayloadPath(field.dropFirst(prefix.count)) {
            let name = String(field.dropFirst(prefix.count))
            return .known(vocabulary.eventDataFields.first { $0.name == name }?.type ?? .any)
        }
        let names = vocabulary.eventFields.map(\.name) + vocabulary.eventDataFields.map { prefix + $0.name }
        report(
            fieldPath, "an event check reads '\(names.joined(separator: "', '"))' or 'data.NAME', not '\(field)'",
            suggestion: Suggestion.closest(to: field, in: names))
        return .failed
    }
}
