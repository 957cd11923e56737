import Domain
import TransitionSupport

/// The rule vocabulary: the entity kinds and fields workflow checks may read, exactly as the format
/// document's table lists them.
extension TransitionState {
    /// Kind to field names, in the format document's order. The loader accepts nothing else.
    ///
    /// ``field(kind:id:name:)`` also answers `dueDiligence.deferredAt` (the recorded date of a deferral),
    /// which workflow files cannot name but the engine's residue report needs.
    public static let ruleFields: [String: [String]] = [
        "dueDiligence": [
            "id", "category", "workstream", "ownerRole", "owner", "status", "evidenceCount", "signedOff", "due",
            "mitigation", "deferredOwner",
        ],
        "staff": [
            "id", "organisation", "group", "consultationStatus", "consulted", "openExceptions", "transferConfirmed",
            "transferred", "boardLevel", "boardOutcome",
        ],
        "contract": [
            "id", "organisation", "mechanism", "dueDiligenceDone", "consentRecorded", "transferred", "annualValue",
            "endDate",
        ],
        "asset": ["id", "kind", "organisation", "transferred"],
        "task": ["id", "workstream", "status", "percent"],
        "consultation": ["id", "organisation", "status"],
        "ros": ["version", "status", "signed", "submitted", "targetDate"],
        "programme": ["statutoryDate", "goLiveMilestone", "shadowFrom"],
    ]

    /// The ids of every entity of `kind`, in register order; singletons give their one id (`ROS`, the
    /// programme id) once it exists. Unknown kinds give none.
    public func ids(ofKind kind: String) -> [String] {
        switch kind {
        case "dueDiligence": return dueDiligence.ordered.map(\.id)
        case "staff": return staff.orderedPeople.map(\.id)
        case "contract": return contracts.ordered.map(\.id)
        case "asset": return assets.ordered.map(\.id)
        case "task": return tasks.ordered.map(\.id)
        case "consultation": return staff.orderedGroups.map(\.id)
        case "ros": return readiness.current == nil ? [] : [ReadinessStatement.entity]
        case "programme": return programme.programmeID.map { [$0] } ?? []
        default: return []
        }
    }

    /// The value of field `name` of the entity `id` of `kind` (`id` is ignored for singletons).
    ///
    /// - Returns: the value as JSON (strings, booleans, integers, numbers, dates as `YYYY-MM-DD`), or
    ///   `nil` when the entity, the field or the value does not exist (so `exists: false` holds).
    public func field(kind: String, id: String?, name: String) -> JSONValue? {
        switch kind {
        case "dueDiligence": return id.flatMap { dueDiligence.items[$0] }.flatMap { dueDiligenceField($0, name) }
        case "staff": return id.flatMap { staff.people[$0] }.flatMap { staffField($0, name) }
        case "contract": return id.flatMap { contracts.contracts[$0] }.flatMap { contractField($0, name) }
        case "asset": return id.flatMap { assets.assets[$0] }.flatMap { assetField($0, name) }
        case "task": return id.flatMap { tasks.tasks[$0] }.flatMap { taskField($0, name) }
        case "consultation": return id.flatMap { staff.groups[$0] }.flatMap { consultationField($0, name) }
        case "ros": return readinessField(name)
        case "programme": return programmeField(name)
        default: return nil
        }
    }

    private func dueDiligenceField(_ item: DueDiligenceRegister.Item, _ name: String) -> JSONValue? {
        switch name {
        case "id": return .string(item.id)
        case "category": return item.category.map(JSONValue.string)
        case "workstream": return item.workstream.map(JSONValue.string)
        case "ownerRole": return item.ownerRole.map(JSONValue.string)
        case "owner": return item.owner.map(JSONValue.string)
        case "status": return .string(item.status.rawValue)
        case "evidenceCount": return .int(item.evidence.count)
        case "signedOff": return .bool(item.isSignedOff)
        case "due": return dueDiligence.dueDate(of: item, taskStarts: baselineTaskStarts).map { .string($0.description) }
        case "mitigation": return item.mitigation.map(JSONValue.string)
        case "deferredOwner": return item.deferredOwner.map(JSONValue.string)
        // Not in the workflow vocabulary (files cannot name it): the engine's residue report ages deferrals.
        case "deferredAt": return item.deferredAt.map { .string($0.description) }
        default: return nil
        }
    }

    private func staffField(_ person: StaffRegister.Person, _ name: String) -> JSONValue? {
        switch name {
        case "id": return .string(person.id)
        case "organisation": return person.organisation.map(JSONValue.string)
        case "group": return person.group.map(JSONValue.string)
        case "consultationStatus": return .string(staff.consultationStatus(of: person).rawValue)
        case "consulted": return .bool(person.consulted)
        case "openExceptions": return .int(person.openExceptions.count)
        case "transferConfirmed": return .bool(person.transferConfirmed)
        case "transferred": return .bool(person.transferred)
        case "boardLevel": return person.mapping.map { .bool($0.boardLevel) }
        case "boardOutcome": return person.mapping?.boardOutcome.map { .string($0.rawValue) }
        default: return nil
        }
    }

    private func contractField(_ contract: ContractRegister.Contract, _ name: String) -> JSONValue? {
        switch name {
        case "id": return .string(contract.id)
        case "organisation": return contract.organisation.map(JSONValue.string)
        case "mechanism": return contract.mechanism.map { .string($0.rawValue) }
        case "dueDiligenceDone": return .bool(contract.dueDiligenceDone)
        case "consentRecorded": return .bool(contract.consentRecorded)
        case "transferred": return .bool(contract.transferred)
        case "annualValue": return contract.annualValue.map(JSONRendering.amount)
        case "endDate": return contract.endDate.map { .string($0.description) }
        default: return nil
        }
    }

    private func assetField(_ asset: AssetRegister.Asset, _ name: String) -> JSONValue? {
        switch name {
        case "id": return .string(asset.id)
        case "kind": return asset.kind.map { .string($0.rawValue) }
        case "organisation": return asset.organisation.map(JSONValue.string)
        case "transferred": return .bool(asset.transferred)
        default: return nil
        }
    }

    private func taskField(_ task: TaskProgressState.Task, _ name: String) -> JSONValue? {
        switch name {
        case "id": return .string(task.id)
        case "workstream": return task.workstream.map(JSONValue.string)
        case "status": return .string(task.status.rawValue)
        case "percent": return .int(task.percent ?? (task.status == .finished ? 100 : 0))
        default: return nil
        }
    }

    private func consultationField(_ group: StaffRegister.Group, _ name: String) -> JSONValue? {
        switch name {
        case "id": return .string(group.id)
        case "organisation": return group.organisation.map(JSONValue.string)
        case "status": return .string(group.status.rawValue)
        default: return nil
        }
    }

    private func readinessField(_ name: String) -> JSONValue? {
        let current = readiness.current
        switch name {
        case "version": return current.map { .int($0.version) }
        case "status": return .string(readiness.status.rawValue)
        case "signed": return .bool(readiness.signed)
        case "submitted": return .bool(current?.isSubmitted ?? false)
        case "targetDate": return current?.targetDate.map { .string($0.description) }
        default: return nil
        }
    }

    private func programmeField(_ name: String) -> JSONValue? {
        switch name {
        case "statutoryDate": return programme.statutoryDate.map { .string($0.description) }
        case "goLiveMilestone": return programme.goLiveMilestone.map(JSONValue.string)
        case "shadowFrom": return programme.shadowFrom.map { .string($0.description) }
        default: return nil
        }
    }
}
