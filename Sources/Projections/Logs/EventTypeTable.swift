import Domain

/// The type of every event folded so far, by sequence number: what a correction needs to know
/// about its target.
///
/// Sequence numbers are dense, so this is an array of one byte per event rather than a dictionary;
/// a million events cost a megabyte, and the table is stored in a snapshot as one string.
struct EventTypeTable: Sendable, Hashable {
    /// Every type, in the order of their codes (code 1 is the first).
    static let types = DomainEventType.allCases
    /// `codes[sequence]` is 0 for an event not seen, else 1 + the type's index in `types`.
    private(set) var codes: [UInt8] = []

    init() {}

    subscript(sequence: Int) -> DomainEventType? {
        get {
            guard sequence >= 0, sequence < codes.count, codes[sequence] > 0 else { return nil }
            return Self.types[Int(codes[sequence]) - 1]
        }
        set {
            guard sequence >= 0 else { return }
            // One append per new event in a replay (the sequence grows by one): cheaper than
            // appending a repeated collection.
            while sequence >= codes.count { codes.append(0) }
            codes[sequence] = newValue.flatMap { type in Self.types.firstIndex(of: type).map { UInt8($0 + 1) } } ?? 0
        }
    }
}

extension EventTypeTable {
    /// Sets the type of event `sequence` by its code (1 + its index in ``types``; 0 for none),
    /// as a first pass that read codes rather than types does: no type is looked up.
    mutating func setCode(_ code: UInt8, at sequence: Int) {
        guard sequence >= 0, Int(code) <= Self.types.count else { return }
        while sequence >= codes.count { codes.append(0) }
        codes[sequence] = code
    }
}

extension EventTypeTable {
    /// Forgets the types of the events after `sequence` (as if they had not been seen).
    mutating func truncate(after sequence: Int) {
        let kept = max(0, sequence + 1)
        if codes.count > kept { codes.removeSubrange(kept...) }
    }
}

extension EventTypeTable: Codable {
    /// Stored as one string: a letter per sequence number (`A` for none, `B` for the first type, ...).
    init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        codes = text.utf8.map { $0 &- 65 }
        guard codes.allSatisfy({ Int($0) <= Self.types.count }) else {
            throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "unknown event type code"))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(String(decoding: codes.map { $0 + 65 }, as: UTF8.self))
    }
}
