import TransitionSupport

extension EventRecord {
    /// The stored event as a JSON object with every envelope field (for `log --json` and exports).
    public var jsonObject: JSONObject {
        var object: JSONObject = [
            "seq": .int(sequence), "id": .string(id), "type": .string(type), "schema": .int(schema),
            "recordedAt": .string(recordedAt.description), "effective": .string(effective.description),
            "actor": .string(actor), "data": .object(data), "prev": .string(previousHash.hex), "hash": .string(hash.hex),
        ]
        if let role { object["role"] = .string(role) }
        if let entity { object["entity"] = .string(entity) }
        if let reason { object["reason"] = .string(reason) }
        if !evidence.isEmpty { object["evidence"] = .array(evidence.map(\.json)) }
        if let system { object["system"] = .object(system) }
        if let signature { object["signature"] = .object(signature) }
        if let batch { object["batch"] = .object(["first": .int(batch.first), "size": .int(batch.size)]) }
        return object
    }
}
