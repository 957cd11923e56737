import Domain
import TransitionSupport

extension StaffRegister {
    /// Whether the people HR knows about and the posts it mapped agree.
    public struct Reconciliation: Sendable, Hashable, Codable {
        /// People with a post mapping.
        public var mappedPosts: Int
        /// Distinct people named by any staff event.
        public var people: Int
        /// People named by staff events but never mapped to a post, by id.
        public var unmapped: [String]

        /// True when every person known has a mapped post.
        public var isReconciled: Bool { mappedPosts == people }
    }

    /// Mapped posts against people known. O(people log people).
    public var reconciliation: Reconciliation {
        let unmapped = orderedPeople.filter { $0.mapping == nil }.map(\.id)
        return Reconciliation(mappedPosts: people.count - unmapped.count, people: people.count, unmapped: unmapped)
    }

    /// For each source organisation, how many mapped people have reached each stage. O(people).
    public var totalsByOrganisation: [String: [TransferStage: Int]] {
        var totals: [String: [TransferStage: Int]] = [:]
        for person in people.values {
            guard let organisation = person.organisation else { continue }
            totals[organisation, default: [:]][person.stage, default: 0] += 1
        }
        return totals
    }

    /// Mapped people at each stage, over all organisations. O(people).
    public var totalsByStage: [TransferStage: Int] {
        var totals: [TransferStage: Int] = [:]
        for person in people.values where person.mapping != nil { totals[person.stage, default: 0] += 1 }
        return totals
    }

    /// People with at least one open exception, by id.
    public var peopleWithOpenExceptions: [Person] {
        orderedPeople.filter { !$0.openExceptions.isEmpty }
    }
}

extension StaffRegister {
    /// Deterministic rendering: people by id, groups in workflow order.
    public func json() -> JSONValue {
        func stages(_ counts: [TransferStage: Int]) -> JSONValue {
            var byName: [String: Int] = [:]
            for (stage, count) in counts { byName[stage.rawValue] = count }
            return JSONRendering.counts(byName, keys: TransferStage.allCases.map(\.rawValue))
        }
        var byOrganisation = JSONObject()
        let totals = totalsByOrganisation
        for organisation in totals.keys.sorted() { byOrganisation[organisation] = stages(totals[organisation] ?? [:]) }
        let reconciliation = self.reconciliation
        return .object([
            "people": .array(orderedPeople.map { json(person: $0) }),
            "groups": .array(orderedGroups.map(Self.json(group:))),
            "totalsByOrganisation": .object(byOrganisation),
            "totalsByStage": stages(totalsByStage),
            "reconciliation": .object([
                "mappedPosts": .int(reconciliation.mappedPosts), "people": .int(reconciliation.people),
                "unmapped": JSONRendering.strings(reconciliation.unmapped),
                "reconciled": .bool(reconciliation.isReconciled),
            ]),
        ])
    }

    func json(person: Person) -> JSONValue {
        let mapping = person.mapping
        return .object([
            "id": .string(person.id),
            "name": JSONRendering.string(mapping?.name),
            "post": JSONRendering.string(mapping?.post),
            "band": JSONRendering.string(mapping?.band),
            "organisation": JSONRendering.string(mapping?.organisation),
            "targetPost": JSONRendering.string(mapping?.targetPost),
            "group": JSONRendering.string(mapping?.group),
            "employment": JSONRendering.string(mapping?.employment.rawValue),
            "fixedTermEnd": JSONRendering.date(mapping?.fixedTermEnd),
            "boardLevel": mapping.map { .bool($0.boardLevel) } ?? .null,
            "boardOutcome": JSONRendering.string(mapping?.boardOutcome?.rawValue),
            "mappedSequence": JSONRendering.int(person.mappedSequence),
            "consultationStatus": .string(consultationStatus(of: person).rawValue),
            "consulted": .bool(person.consulted),
            "exceptions": .array(
                person.exceptions.map {
                    .object([
                        "id": .string($0.id), "kind": .string($0.kind.rawValue), "detail": .string($0.detail),
                        "raisedSequence": .int($0.raisedSequence), "resolution": JSONRendering.string($0.resolution),
                        "resolvedSequence": JSONRendering.int($0.resolvedSequence),
                    ])
                }),
            "openExceptions": .int(person.openExceptions.count),
            "transferConfirmed": .bool(person.transferConfirmed),
            "transferred": .bool(person.transferred),
            "transferredEffective": JSONRendering.date(person.transferredEffective),
            "stage": .string(person.stage.rawValue),
            "lastSequence": JSONRendering.int(person.lastSequence),
        ])
    }

    static func json(group: Group) -> JSONValue {
        .object([
            "id": .string(group.id), "name": JSONRendering.string(group.name),
            "organisation": JSONRendering.string(group.organisation), "planned": .bool(group.isPlanned),
            "status": .string(group.status.rawValue), "openedOn": JSONRendering.date(group.openedOn),
            "plannedClose": JSONRendering.date(group.plannedClose), "closedOn": JSONRendering.date(group.closedOn),
            "outcome": JSONRendering.string(group.outcome), "lastSequence": JSONRendering.int(group.lastSequence),
        ])
    }
}
