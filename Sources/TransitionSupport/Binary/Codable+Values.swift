// Compact `Codable` forms for the value types every projection holds, so cached state (the
// projection snapshot) stays small and quick to read. These forms are for caches; the public JSON
// of events and reports is written by `JSONWriter`, not through `Codable`.

extension CivilDate: Codable {
    /// A date is stored as its day number since 1970-01-01.
    public init(from decoder: any Decoder) throws {
        self.init(daysSinceEpoch: try decoder.singleValueContainer().decode(Int.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(daysSinceEpoch)
    }
}

extension Timestamp: Codable {
    /// An instant is stored as milliseconds since the Unix epoch.
    public init(from decoder: any Decoder) throws {
        self.init(millisecondsSinceEpoch: try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(millisecondsSinceEpoch)
    }
}

extension JSONValue: Codable {
    /// One key naming the kind, holding the value.
    private enum Kind: String, CodingKey {
        case null = "n", bool = "b", int = "i", double = "d", string = "s", array = "a", object = "o"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Kind.self)
        guard let kind = container.allKeys.first else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "JSON value of no kind"))
        }
        switch kind {
        case .null: self = .null
        case .bool: self = .bool(try container.decode(Bool.self, forKey: .bool))
        case .int: self = .int(try container.decode(Int.self, forKey: .int))
        case .double: self = .double(try container.decode(Double.self, forKey: .double))
        case .string: self = .string(try container.decode(String.self, forKey: .string))
        case .array: self = .array(try container.decode([JSONValue].self, forKey: .array))
        case .object: self = .object(try container.decode(JSONObject.self, forKey: .object))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Kind.self)
        switch self {
        case .null: try container.encodeNil(forKey: .null)
        case .bool(let value): try container.encode(value, forKey: .bool)
        case .int(let value): try container.encode(value, forKey: .int)
        case .double(let value): try container.encode(value, forKey: .double)
        case .string(let value): try container.encode(value, forKey: .string)
        case .array(let value): try container.encode(value, forKey: .array)
        case .object(let value): try container.encode(value, forKey: .object)
        }
    }
}

extension JSONObject: Codable {
    /// Members in order, as alternating keys and values.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        var members: [Member] = []
        var seen = Set<String>()
        while !container.isAtEnd {
            let key = try container.decode(String.self)
            let value = try container.decode(JSONValue.self)
            guard seen.insert(key).inserted else {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "duplicate key '\(key)'"))
            }
            members.append(Member(key: key, value: value))
        }
        self.init(uniqueMembers: members)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for member in members {
            try container.encode(member.key)
            try container.encode(member.value)
        }
    }
}
