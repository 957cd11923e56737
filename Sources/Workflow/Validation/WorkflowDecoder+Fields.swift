import TransitionSupport

/// Typed access to object members, reporting missing, mistyped and unknown fields.
extension WorkflowDecoder {
    /// `value` as an object, or a problem saying what it should have been.
    mutating func object(_ value: JSONValue, at path: JSONPath, as what: String) -> JSONObject? {
        guard let object = value.objectValue else {
            report(path, "expected \(what) (a JSON object), found \(value.typeName)")
            return nil
        }
        return object
    }

    /// Reports every member of `object` whose key is not in `allowed`, suggesting the closest.
    mutating func checkFields(_ object: JSONObject, at path: JSONPath, allowed: [String], in what: String) {
        for key in object.keys where !allowed.contains(key) {
            let suggestion = Suggestion.closest(to: key, in: allowed)
            var message = "unknown field '\(key)' in \(what)"
            if suggestion == nil {
                message += "; remove it (known fields: \(allowed.joined(separator: ", ")))"
            }
            report(path.member(key), message, suggestion: suggestion, atKey: true)
            if let suggestion, object[suggestion] == nil { misspelt.insert(path.member(suggestion)) }
        }
    }

    /// The member `key`, reporting it when required and absent.
    mutating func member(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool) -> JSONValue? {
        guard let value = object[key] else {
            if required && !misspelt.contains(path.member(key)) {
                report(path.member(key), "missing required field '\(key)'")
            }
            return nil
        }
        return value
    }

    /// A string member; required ones must be present, and `nonEmpty` ones must hold more than spaces.
    mutating func string(
        _ object: JSONObject, _ key: String, at path: JSONPath, required: Bool = true, nonEmpty: Bool = true
    ) -> String? {
        guard let value = member(object, key, at: path, required: required) else { return nil }
        guard let text = value.stringValue else {
            report(path.member(key), "'\(key)' must be a string, not \(value.typeName)")
            return nil
        }
        if nonEmpty && text.allSatisfy(\.isWhitespace) {
            report(path.member(key), "'\(key)' must not be empty")
            return nil
        }
        return text
    }

    /// A string member holding an id (`[A-Za-z0-9._-]+`).
    mutating func identifier(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool = true)
        -> String?
    {
        guard let text = string(object, key, at: path, required: required) else { return nil }
        return checkIdentifier(text, at: path.member(key)) ? text : nil
    }

    /// Whether `text` is a well-formed id, reporting it if not.
    mutating func checkIdentifier(_ text: String, at path: JSONPath) -> Bool {
        let isValid =
            !text.isEmpty
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            }
        if !isValid {
            report(path, "id '\(text)' may contain only letters, digits, '.', '_' and '-'")
        }
        return isValid
    }

    /// A whole-number member, at least `minimum` when given.
    mutating func integer(
        _ object: JSONObject, _ key: String, at path: JSONPath, required: Bool, minimum: Int? = nil,
        unit: String = ""
    ) -> Int? {
        guard let value = member(object, key, at: path, required: required) else { return nil }
        guard let number = value.intValue else {
            if case .double(let fraction) = value {
                report(path.member(key), "'\(key)' must be a whole number\(unit), not \(fraction)")
            } else {
                report(path.member(key), "'\(key)' must be a whole number\(unit), not \(value.typeName)")
            }
            return nil
        }
        if let minimum, number < minimum {
            report(path.member(key), "'\(key)' must be \(minimum) or more, not \(number)")
            return nil
        }
        return number
    }

    /// A boolean member.
    mutating func boolean(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool) -> Bool? {
        guard let value = member(object, key, at: path, required: required) else { return nil }
        guard let flag = value.boolValue else {
            report(path.member(key), "'\(key)' must be true or false, not \(value.typeName)")
            return nil
        }
        return flag
    }

    /// A date member (`YYYY-MM-DD`), which must lie within the calendar's range.
    mutating func date(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool) -> CivilDate? {
        guard let value = member(object, key, at: path, required: required) else { return nil }
        return date(value, at: path.member(key), named: "'\(key)'")
    }

    /// `value` as a date within the calendar's range, reporting why not.
    mutating func date(_ value: JSONValue, at path: JSONPath, named name: String, checkRange: Bool = true)
        -> CivilDate?
    {
        guard let text = value.stringValue else {
            report(path, "\(name) must be a date written YYYY-MM-DD, not \(value.typeName)")
            return nil
        }
        guard let date = parseDate(text, at: path) else { return nil }
        if checkRange, let range = calendarRange, !range.contains(date) {
            report(
                path,
                "date \(date) is outside the calendar (\(range.lowerBound) to \(range.upperBound)); "
                    + "correct the date or widen calendar.from / calendar.to")
        }
        return date
    }

    /// Parses `YYYY-MM-DD`, distinguishing a wrong layout from a day that does not exist.
    mutating func parseDate(_ text: String, at path: JSONPath) -> CivilDate? {
        if let date = CivilDate(iso8601: text) { return date }
        let bytes = Array(text.utf8)
        let looksISO =
            bytes.count == 10 && bytes[4] == UInt8(ascii: "-") && bytes[7] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy {
                $0.offset == 4 || $0.offset == 7 || ($0.element >= 0x30 && $0.element <= 0x39)
            }
        if looksISO {
            report(path, "'\(text)' is not a real date; check the month and day")
        } else {
            report(path, "'\(text)' is not a date; write dates as YYYY-MM-DD, such as 2022-07-01")
        }
        return nil
    }

    /// An array member.
    mutating func array(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool) -> [JSONValue]? {
        guard let value = member(object, key, at: path, required: required) else { return nil }
        guard let elements = value.arrayValue else {
            report(path.member(key), "'\(key)' must be an array, not \(value.typeName)")
            return nil
        }
        return elements
    }

    /// An array of strings; each element that is not a string is reported. Elements come with paths.
    mutating func strings(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool)
        -> [(text: String, path: JSONPath)]?
    {
        guard let elements = array(object, key, at: path, required: required) else { return nil }
        var result: [(text: String, path: JSONPath)] = []
        var isValid = true
        for (index, element) in elements.enumerated() {
            let elementPath = path.member(key).element(index)
            guard let text = element.stringValue else {
                report(elementPath, "expected a string in '\(key)', found \(element.typeName)")
                isValid = false
                continue
            }
            result.append((text, elementPath))
        }
        return isValid ? result : nil
    }

    /// One of a fixed set of words; an unknown word is reported with the closest choice.
    mutating func choice(_ object: JSONObject, _ key: String, at path: JSONPath, required: Bool, from choices: [String])
        -> String?
    {
        guard let text = string(object, key, at: path, required: required) else { return nil }
        guard choices.contains(text) else {
            report(
                path.member(key), "'\(text)' is not a valid '\(key)'; use one of: \(choices.joined(separator: ", "))",
                suggestion: Suggestion.closest(to: text, in: choices))
            return nil
        }
        return text
    }

    /// Decodes the array member `key` element by element; `nil` if absent (when optional) or
    /// not an array. Elements that fail are left out (and reported).
    mutating func list<Element>(
        _ object: JSONObject, _ key: String, at path: JSONPath, required: Bool, what: String,
        _ decodeElement: (inout WorkflowDecoder, JSONObject, JSONPath) -> Element?
    ) -> [Element]? {
        guard let elements = array(object, key, at: path, required: required) else { return nil }
        var result: [Element] = []
        result.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            let elementPath = path.member(key).element(index)
            guard let elementObject = self.object(element, at: elementPath, as: what) else { continue }
            if let decoded = decodeElement(&self, elementObject, elementPath) { result.append(decoded) }
        }
        return result
    }

    /// Whether `id` names something in `domain`, reporting an unknown one with the closest id.
    @discardableResult
    mutating func reference(_ id: String, at path: JSONPath, to domain: IdentifierDomain, from what: String) -> Bool {
        guard !symbols.contains(id, in: domain) else { return true }
        report(
            path, "\(what) refers to \(domain.noun) '\(id)', which is not defined; define it or correct the id",
            suggestion: symbols.closest(to: id, in: domain))
        return false
    }

    /// An id member that must name something in `domain`.
    mutating func reference(
        _ object: JSONObject, _ key: String, at path: JSONPath, to domain: IdentifierDomain, from what: String,
        required: Bool = true
    ) -> String? {
        guard let id = identifier(object, key, at: path, required: required) else { return nil }
        return reference(id, at: path.member(key), to: domain, from: what) ? id : nil
    }
}

extension IdentifierDomain {
    /// How messages name a member of this domain.
    var noun: String {
        switch self {
        case .task: return "task"
        case .dueDiligenceItem: return "due-diligence item"
        case .workstream: return "workstream"
        case .category: return "due-diligence category"
        case .role: return "role"
        case .organisation: return "organisation"
        case .consultationGroup: return "consultation group"
        }
    }
}
