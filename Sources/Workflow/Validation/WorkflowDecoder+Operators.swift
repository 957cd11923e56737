import TransitionSupport

/// Operator operands: the right shape for the operator, and values the field can hold.
extension WorkflowDecoder {
    /// Decodes `operand` for `keyword`; `type` is the field's type when known.
    mutating func decodeOperator(
        _ keyword: String, _ operand: JSONValue, at path: JSONPath, field: String, type: FieldType?
    )
        -> CheckOperator?
    {
        switch keyword {
        case "equals", "notEquals":
            guard let value = comparisonValue(operand, at: path, field: field, type: type) else { return nil }
            return keyword == "equals" ? .equals(value) : .notEquals(value)
        case "in", "notIn":
            guard let elements = operand.arrayValue else {
                report(path, "'\(keyword)' takes an array of values, not \(operand.typeName)")
                return nil
            }
            guard !elements.isEmpty else {
                report(path, "'\(keyword)' must list at least one value")
                return nil
            }
            let values = elements.enumerated().compactMap { index, element in
                comparisonValue(element, at: path.element(index), field: field, type: type)
            }
            guard values.count == elements.count else { return nil }
            return keyword == "in" ? .in(values) : .notIn(values)
        case "exists":
            guard let flag = operand.boolValue else {
                report(path, "'exists' takes true or false, not \(operand.typeName)")
                return nil
            }
            return .exists(flag)
        case "atLeast", "atMost":
            guard let number = operand.doubleValue else {
                report(path, "'\(keyword)' takes a number, not \(operand.typeName)")
                return nil
            }
            if let type, !type.isNumeric {
                report(path, "'\(keyword)' compares numbers, but '\(field)' holds \(type.summary)")
                return nil
            }
            return keyword == "atLeast" ? .atLeast(number) : .atMost(number)
        default:
            guard let date = dateOperand(operand, at: path) else { return nil }
            if let type, type != .date, type != .any {
                report(path, "'\(keyword)' compares dates, but '\(field)' holds \(type.summary)")
                return nil
            }
            return keyword == "onOrAfter" ? .onOrAfter(date) : .onOrBefore(date)
        }
    }

    /// A literal date or a date reference.
    private mutating func dateOperand(_ operand: JSONValue, at path: JSONPath) -> DateOperand? {
        if let text = operand.stringValue, text.hasPrefix("$") {
            guard let reference = knownReference(text, at: path) else { return nil }
            guard reference.type == .date else {
                let dates = vocabulary.references.filter { $0.type == .date }.map(\.name)
                report(path, "'\(text)' is not a date; use a date (YYYY-MM-DD) or \(dates.joined(separator: " or "))")
                return nil
            }
            return .reference(text)
        }
        return date(operand, at: path, named: "the date").map { .date($0) }
    }

    /// The reference called `name`, reporting an unknown one, or `$shadowFrom` without a shadow date.
    private mutating func knownReference(_ name: String, at path: JSONPath) -> ReferenceDefinition? {
        guard let reference = vocabulary.reference(named: name) else {
            let names = vocabulary.references.map(\.name)
            report(
                path, "unknown reference '\(name)'; use one of: \(names.joined(separator: ", "))",
                suggestion: Suggestion.closest(to: name, in: names))
            return nil
        }
        if name == "$shadowFrom", hasShadowFrom == false {
            report(path, "'$shadowFrom' is used but the programme has no 'shadowFrom' date; add one to the programme")
            return nil
        }
        return reference
    }

    /// A single value to compare with: a scalar of the field's type, or a reference.
    private mutating func comparisonValue(_ value: JSONValue, at path: JSONPath, field: String, type: FieldType?)
        -> JSONValue?
    {
        switch value {
        case .array, .object:
            report(path, "compare with a single value (string, number or boolean), not \(value.typeName)")
            return nil
        case .null:
            report(path, "null is not a value to compare with; use \"exists\": false to test for a missing '\(field)'")
            return nil
        default:
            break
        }
        if let text = value.stringValue, text.hasPrefix("$") {
            guard let reference = knownReference(text, at: path) else { return nil }
            if let type, !type.accepts(reference.type) {
                report(path, "'\(text)' stands for \(reference.type.summary), but '\(field)' holds \(type.summary)")
                return nil
            }
            return value
        }
        guard let type else { return value }
        switch type {
        case .any:
            return value
        case .text:
            return expectString(value, at: path, field: field, type: type)
        case .boolean:
            return value.boolValue != nil ? value : mismatch(value, at: path, field: field, type: type)
        case .integer:
            return value.intValue != nil ? value : mismatch(value, at: path, field: field, type: type)
        case .number:
            return value.doubleValue != nil ? value : mismatch(value, at: path, field: field, type: type)
        case .date:
            guard expectString(value, at: path, field: field, type: type) != nil else { return nil }
            return date(value, at: path, named: "the date") != nil ? value : nil
        case .choice(let choices):
            guard let text = expectString(value, at: path, field: field, type: type)?.stringValue else { return nil }
            guard choices.contains(text) else {
                report(
                    path, "'\(text)' is not a value of '\(field)'; use one of: \(choices.joined(separator: ", "))",
                    suggestion: Suggestion.closest(to: text, in: choices))
                return nil
            }
            return value
        case .identifier(let domain):
            guard let text = expectString(value, at: path, field: field, type: type)?.stringValue else { return nil }
            if let domain, !reference(text, at: path, to: domain, from: "the check on '\(field)'") { return nil }
            return value
        }
    }

    private mutating func expectString(_ value: JSONValue, at path: JSONPath, field: String, type: FieldType)
        -> JSONValue?
    {
        value.stringValue != nil ? value : mismatch(value, at: path, field: field, type: type)
    }

    private mutating func mismatch(_ value: JSONValue, at path: JSONPath, field: String, type: FieldType) -> JSONValue?
    {
        report(path, "'\(field)' holds \(type.summary), so it cannot be compared with \(value.typeName)")
        return nil
    }
}

extension FieldType {
    /// Whether atLeast / atMost apply.
    var isNumeric: Bool {
        switch self {
        case .integer, .number, .any: return true
        default: return false
        }
    }

    /// Whether a reference of type `other` may stand in for a value of this type.
    func accepts(_ other: FieldType) -> Bool {
        switch (self, other) {
        case (.any, _), (.text, _): return true
        case (.date, .date): return true
        case (.identifier(let mine), .identifier(let theirs)): return mine == nil || mine == theirs
        default: return false
        }
    }

    /// How messages describe the values of this type.
    var summary: String {
        switch self {
        case .text: return "text"
        case .identifier(let domain): return domain.map { "a \($0.noun) id" } ?? "an id"
        case .choice(let choices): return "one of \(choices.joined(separator: ", "))"
        case .integer: return "a whole number"
        case .number: return "a number"
        case .boolean: return "true or false"
        case .date: return "a date"
        case .any: return "any value"
        }
    }
}
