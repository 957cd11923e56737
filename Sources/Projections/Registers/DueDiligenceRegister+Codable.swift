import EventLog

/// An evidence entry is stored flat (one container, not two): checklists gather tens of thousands
/// of them, and the projection snapshot should load in milliseconds.
extension DueDiligenceRegister.EvidenceEntry: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, sha256, bytes, sequence
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reference = EvidenceReference(
            name: try container.decode(String.self, forKey: .name),
            sha256: try container.decodeIfPresent(String.self, forKey: .sha256),
            bytes: try container.decodeIfPresent(Int.self, forKey: .bytes))
        sequence = try container.decode(Int.self, forKey: .sequence)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reference.name, forKey: .name)
        try container.encodeIfPresent(reference.sha256, forKey: .sha256)
        try container.encodeIfPresent(reference.bytes, forKey: .bytes)
        try container.encode(sequence, forKey: .sequence)
    }
}
