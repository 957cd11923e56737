import TransitionSupport

/// One event as stored in the log: the envelope the log owns plus an opaque payload.
///
/// The log never interprets `type` or `data`; it guarantees order (a gapless `sequence` from 1),
/// integrity (`previousHash` / `hash` form a SHA-256 chain over the canonical line bytes) and
/// durability. Everything domain-specific lives above it.
public struct EventRecord: Sendable, Hashable, Codable {
    public var sequence: Int
    public var id: String
    public var type: String
    public var schema: Int
    public var recordedAt: Timestamp
    /// The business date the fact takes effect (defaults to the recorded date).
    public var effective: CivilDate
    public var actor: String
    public var role: String?
    public var entity: String?
    public var reason: String?
    public var evidence: [EvidenceReference]
    public var data: JSONObject
    /// Who and what wrote the event at the operating-system level (user, host, tool version).
    public var system: JSONObject?
    /// A detached signature over `signingBytes`, stored as given (e.g. an SSH signature).
    public var signature: JSONObject?
    /// Present on every event of a multi-event batch, so that recovery can cut an incomplete batch.
    public var batch: BatchMarker?
    public var previousHash: SHA256Digest
    public var hash: SHA256Digest

    public init(
        sequence: Int, id: String, type: String, schema: Int, recordedAt: Timestamp, effective: CivilDate, actor: String,
        role: String?, entity: String?, reason: String?, evidence: [EvidenceReference], data: JSONObject, system: JSONObject?,
        signature: JSONObject?, batch: BatchMarker?, previousHash: SHA256Digest, hash: SHA256Digest
    ) {
        self.sequence = sequence
        self.id = id
        self.type = type
        self.schema = schema
        self.recordedAt = recordedAt
        self.effective = effective
        self.actor = actor
        self.role = role
        self.entity = entity
        self.reason = reason
        self.evidence = evidence
        self.data = data
        self.system = system
        self.signature = signature
        self.batch = batch
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The content of the event without the chain fields, for the caller that signs or compares it.
    public var content: ProposedEvent {
        ProposedEvent(
            id: id, type: type, schema: schema, recordedAt: recordedAt, effective: effective, actor: actor,
            role: role, entity: entity, reason: reason, evidence: evidence, data: data, system: system,
            signature: signature)
    }
}

/// A document an event relies on: its name and, when the file was available, its SHA-256.
public struct EvidenceReference: Sendable, Hashable, Codable {
    public var name: String
    public var sha256: String?
    public var bytes: Int?

    public init(name: String, sha256: String? = nil, bytes: Int? = nil) {
        self.name = name
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// Marks an event as part of a batch of `size` events starting at sequence `first`.
public struct BatchMarker: Sendable, Hashable, Codable {
    public var first: Int
    public var size: Int

    public init(first: Int, size: Int) {
        self.first = first
        self.size = size
    }

    /// The sequence number of the batch's last event.
    public var last: Int { first + size - 1 }
}

/// An event offered to the log, before it has a sequence number and a place in the chain.
public struct ProposedEvent: Sendable, Hashable {
    /// A caller-chosen id makes the append idempotent; `nil` lets the log assign a fresh UUID.
    public var id: String?
    public var type: String
    public var schema: Int
    /// When set, the log records this time instead of the clock (imports, simulations); it must not
    /// be earlier than the log's last event.
    public var recordedAt: Timestamp?
    public var effective: CivilDate?
    public var actor: String
    public var role: String?
    public var entity: String?
    public var reason: String?
    public var evidence: [EvidenceReference]
    public var data: JSONObject
    public var system: JSONObject?
    public var signature: JSONObject?

    public init(
        id: String? = nil, type: String, schema: Int = 1, recordedAt: Timestamp? = nil, effective: CivilDate? = nil,
        actor: String, role: String? = nil, entity: String? = nil, reason: String? = nil,
        evidence: [EvidenceReference] = [], data: JSONObject = JSONObject(), system: JSONObject? = nil,
        signature: JSONObject? = nil
    ) {
        self.id = id
        self.type = type
        self.schema = schema
        self.recordedAt = recordedAt
        self.effective = effective
        self.actor = actor
        self.role = role
        self.entity = entity
        self.reason = reason
        self.evidence = evidence
        self.data = data
        self.system = system
        self.signature = signature
    }
}
