import Domain
import TransitionSupport

extension DueDiligenceRegister {
    /// Deterministic rendering: items in workflow order, counts with every status present.
    public func json() -> JSONValue {
        let statuses = DueDiligenceStatus.spellings
        func spelled(_ counts: [DueDiligenceStatus: Int]) -> JSONValue {
            var byName: [String: Int] = [:]
            for (status, count) in counts { byName[status.rawValue] = count }
            return JSONRendering.counts(byName, keys: statuses)
        }
        func nested(_ groups: [String: [DueDiligenceStatus: Int]]) -> JSONValue {
            var object = JSONObject()
            for key in groups.keys.sorted() { object[key] = spelled(groups[key] ?? [:]) }
            return .object(object)
        }
        return .object([
            "items": .array(ordered.map(Self.json(item:))),
            "countsByStatus": spelled(countsByStatus),
            "countsByCategory": nested(countsByCategory),
            "countsByWorkstream": nested(countsByWorkstream),
            "missingEvidence": JSONRendering.strings(missingEvidence.map(\.id)),
        ])
    }

    static func json(item: Item) -> JSONValue {
        .object([
            "id": .string(item.id),
            "planned": .bool(item.definition != nil),
            "title": JSONRendering.string(item.definition?.title),
            "category": JSONRendering.string(item.category),
            "workstream": JSONRendering.string(item.workstream),
            "ownerRole": JSONRendering.string(item.ownerRole),
            "owner": JSONRendering.string(item.owner),
            "evidenceRequired": .bool(item.evidenceRequired),
            "due": JSONRendering.date(item.definition?.due),
            "feeds": JSONRendering.string(item.definition?.feeds),
            "status": .string(item.status.rawValue),
            "statusReason": JSONRendering.string(item.statusReason),
            "evidence": .array(
                item.evidence.map {
                    .object(["reference": JSONRendering.evidence($0.reference), "sequence": .int($0.sequence)])
                }),
            "signedOffBy": JSONRendering.strings(item.signedOffBy),
            "mitigation": JSONRendering.string(item.mitigation),
            "deferredOwner": JSONRendering.string(item.deferredOwner),
            "deferredAt": JSONRendering.date(item.deferredAt),
            "lastSequence": JSONRendering.int(item.lastSequence),
        ])
    }
}
