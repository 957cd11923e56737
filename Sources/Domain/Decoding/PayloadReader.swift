import TransitionSupport

/// Reads one payload object strictly, field by field, turning every mismatch into a ``PayloadError``.
///
/// Each payload initialiser creates a reader with the complete list of its fields, so unknown fields
/// are refused before anything else is read (a misspelt optional field would otherwise vanish).
struct PayloadReader {
    let eventType: String
    let object: JSONObject
    /// Prefix for nested fields, such as `tasks[2].`.
    let path: String

    init(_ eventType: String, _ object: JSONObject, fields: [String], path: String = "") throws(PayloadError) {
        self.eventType = eventType
        self.object = object
        self.path = path
        // Members are read in place: `object.keys` would build an array for every payload.
        for member in object.members where !fields.contains(member.key) {
            throw PayloadError(eventType: eventType, field: path + member.key, problem: .unknownField(allowed: fields))
        }
    }

    func error(_ key: String, _ problem: PayloadError.Problem) -> PayloadError {
        PayloadError(eventType: eventType, field: path + key, problem: problem)
    }

    /// The value of `key`; `expected` (what a message names) is only worked out when it is missing.
    private func required(_ key: String, expected: @autoclosure () -> String) throws(PayloadError) -> JSONValue {
        guard let value = object[key], !value.isNull else { throw error(key, .missing(expected: expected())) }
        return value
    }

    private func optional(_ key: String) -> JSONValue? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    // MARK: Strings

    func string(_ key: String) throws(PayloadError) -> String {
        try nonEmptyString(key, try required(key, expected: "a non-empty string"))
    }

    func optionalString(_ key: String) throws(PayloadError) -> String? {
        guard let value = optional(key) else { return nil }
        return try nonEmptyString(key, value)
    }

    private func nonEmptyString(_ key: String, _ value: JSONValue) throws(PayloadError) -> String {
        guard let text = value.stringValue else {
            throw error(key, .wrongType(expected: "a non-empty string", found: value.typeName))
        }
        guard !text.isEmpty else { throw error(key, .invalid("must not be empty")) }
        return text
    }

    // MARK: Numbers and flags

    func int(_ key: String, in range: ClosedRange<Int>? = nil) throws(PayloadError) -> Int {
        try integer(key, try required(key, expected: Self.describe(range)), range)
    }

    func optionalInt(_ key: String, in range: ClosedRange<Int>? = nil) throws(PayloadError) -> Int? {
        guard let value = optional(key) else { return nil }
        return try integer(key, value, range)
    }

    private func integer(_ key: String, _ value: JSONValue, _ range: ClosedRange<Int>?) throws(PayloadError) -> Int {
        guard let number = value.intValue else {
            throw error(key, .wrongType(expected: Self.describe(range), found: value.typeName))
        }
        if let range, !range.contains(number) {
            throw error(key, .invalid("must be \(Self.describe(range)); found \(number)"))
        }
        return number
    }

    private static func describe(_ range: ClosedRange<Int>?) -> String {
        guard let range else { return "an integer" }
        if range.upperBound == Int.max { return "an integer of at least \(range.lowerBound)" }
        return "an integer from \(range.lowerBound) to \(range.upperBound)"
    }

    func number(_ key: String) throws(PayloadError) -> Double {
        try finiteNumber(key, try required(key, expected: "a number"))
    }

    func optionalNumber(_ key: String) throws(PayloadError) -> Double? {
        guard let value = optional(key) else { return nil }
        return try finiteNumber(key, value)
    }

    private func finiteNumber(_ key: String, _ value: JSONValue) throws(PayloadError) -> Double {
        guard let number = value.doubleValue else {
            throw error(key, .wrongType(expected: "a number", found: value.typeName))
        }
        guard number.isFinite else { throw error(key, .invalid("must be a finite number")) }
        return number
    }

    func bool(_ key: String) throws(PayloadError) -> Bool {
        let value = try required(key, expected: "true or false")
        guard let flag = value.boolValue else { throw error(key, .wrongType(expected: "true or false", found: value.typeName)) }
        return flag
    }

    // MARK: Dates and enumerations

    func date(_ key: String) throws(PayloadError) -> CivilDate {
        try civilDate(key, try required(key, expected: "a date (YYYY-MM-DD)"))
    }

    func optionalDate(_ key: String) throws(PayloadError) -> CivilDate? {
        guard let value = optional(key) else { return nil }
        return try civilDate(key, value)
    }

    private func civilDate(_ key: String, _ value: JSONValue) throws(PayloadError) -> CivilDate {
        guard let text = value.stringValue else {
            throw error(key, .wrongType(expected: "a date (YYYY-MM-DD)", found: value.typeName))
        }
        guard let date = CivilDate(iso8601: text) else {
            throw error(key, .invalid("must be a real date written YYYY-MM-DD; found '\(text)'"))
        }
        return date
    }

    func value<Value: PayloadEnumeration>(_ key: String, as type: Value.Type = Value.self) throws(PayloadError) -> Value {
        try enumeration(key, try required(key, expected: "one of " + Value.spellings.joined(separator: ", ")))
    }

    func optionalValue<Value: PayloadEnumeration>(_ key: String, as type: Value.Type = Value.self) throws(PayloadError) -> Value? {
        guard let raw = optional(key) else { return nil }
        return try enumeration(key, raw)
    }

    private func enumeration<Value: PayloadEnumeration>(_ key: String, _ raw: JSONValue) throws(PayloadError) -> Value {
        guard let text = raw.stringValue else {
            throw error(key, .wrongType(expected: "one of " + Value.spellings.joined(separator: ", "), found: raw.typeName))
        }
        guard let value = Value(rawValue: text) else { throw error(key, .notOneOf(allowed: Value.spellings, found: text)) }
        return value
    }

    // MARK: Structures

    func object(_ key: String) throws(PayloadError) -> JSONObject {
        let value = try required(key, expected: "an object")
        guard let object = value.objectValue else { throw error(key, .wrongType(expected: "an object", found: value.typeName)) }
        return object
    }

    func array(_ key: String) throws(PayloadError) -> [JSONValue] {
        let value = try required(key, expected: "an array")
        guard let array = value.arrayValue else { throw error(key, .wrongType(expected: "an array", found: value.typeName)) }
        return array
    }

    /// A reader for the object at `index` of the array `key`, with paths such as `tasks[2].start`.
    func element(_ key: String, _ index: Int, _ value: JSONValue, fields: [String]) throws(PayloadError) -> PayloadReader {
        let elementPath = "\(path)\(key)[\(index)]"
        guard let object = value.objectValue else {
            throw PayloadError(eventType: eventType, field: elementPath, problem: .wrongType(expected: "an object", found: value.typeName))
        }
        return try PayloadReader(eventType, object, fields: fields, path: elementPath + ".")
    }
}
