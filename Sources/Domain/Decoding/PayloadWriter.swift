import TransitionSupport

/// Builds a payload object from typed fields, leaving absent optionals out.
///
/// The inverse of ``PayloadReader``: every payload's `data` goes through it so that dates, amounts and
/// enumerations are always spelt the same way and a decoded payload re-encodes to the same object.
struct PayloadWriter {
    private(set) var object = JSONObject()

    mutating func set(_ key: String, _ value: String?) {
        if let value { object[key] = .string(value) }
    }

    mutating func set(_ key: String, _ value: Int?) {
        if let value { object[key] = .int(value) }
    }

    mutating func set(_ key: String, _ value: Bool?) {
        if let value { object[key] = .bool(value) }
    }

    mutating func set(_ key: String, _ value: CivilDate?) {
        if let value { object[key] = .string(value.description) }
    }

    mutating func set<Value: PayloadEnumeration>(_ key: String, _ value: Value?) {
        if let value { object[key] = .string(value.rawValue) }
    }

    /// Whole amounts are written as integers, others as numbers, so `1200000` survives a round trip.
    mutating func set(_ key: String, amount value: Double?) {
        guard let value else { return }
        object[key] = Self.amount(value)
    }

    mutating func set(_ key: String, _ value: JSONValue?) {
        if let value { object[key] = value }
    }

    static func amount(_ value: Double) -> JSONValue {
        if value.rounded() == value, abs(value) < 9.0e15 { return .int(Int(value)) }
        return .double(value)
    }
}
