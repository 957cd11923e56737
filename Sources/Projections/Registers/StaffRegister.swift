import Domain
import EventLog
import TransitionSupport
import Workflow

/// The staff transfer register: everyone mapped to a post, their consultation, exceptions and transfer,
/// and the consultation groups.
///
/// Transfers are gated on consultation and exceptions per person, and HR must reconcile the people it
/// knows with the posts it mapped; both come from this one fold.
public struct StaffRegister: Sendable, Hashable, Codable {
    /// A consultation's state, spelt as the rule vocabulary spells it.
    public enum ConsultationStatus: String, Sendable, Hashable, Codable, CaseIterable {
        case notOpened = "not-opened"
        case open
        case closed
    }

    /// Where a person's transfer stands, for totals (the furthest step reached).
    public enum TransferStage: String, Sendable, Hashable, Codable, CaseIterable {
        case mapped
        case consulted
        case confirmed
        case transferred
    }

    /// One exception raised against a person's transfer.
    public struct StaffException: Sendable, Hashable, Codable {
        public var id: String
        public var kind: StaffExceptionKind
        public var detail: String
        public var raisedSequence: Int
        public var resolution: String?
        public var resolvedSequence: Int?

        public var isOpen: Bool { resolvedSequence == nil }
    }

    /// One person.
    public struct Person: Sendable, Hashable, Codable {
        public var id: String
        /// The latest post mapping; `nil` for a person seen in other staff events but never mapped.
        public var mapping: StaffPostMapped?
        public var mappedSequence: Int?
        public var consulted = false
        public var exceptions: [StaffException] = []
        public var transferConfirmed = false
        public var transferred = false
        /// The effective date of the transfer.
        public var transferredEffective: CivilDate?
        public var lastSequence: Int?

        /// An entry for `id` with nothing recorded yet.
        public init(id: String) { self.id = id }

        public var organisation: String? { mapping?.organisation }
        public var group: String? { mapping?.group }
        public var openExceptions: [StaffException] { exceptions.filter(\.isOpen) }

        /// The furthest step reached.
        public var stage: TransferStage {
            if transferred { return .transferred }
            if transferConfirmed { return .confirmed }
            if consulted { return .consulted }
            return .mapped
        }
    }

    /// One consultation group.
    public struct Group: Sendable, Hashable, Codable {
        public var id: String
        public var name: String?
        public var organisation: String?
        /// Whether the workflow in force declares the group.
        public var isPlanned = false
        public var status: ConsultationStatus = .notOpened
        /// Effective date of the opening.
        public var openedOn: CivilDate?
        public var plannedClose: CivilDate?
        /// Effective date of the closing.
        public var closedOn: CivilDate?
        public var outcome: String?
        public var lastSequence: Int?

        /// An entry for `id` with nothing recorded yet.
        public init(id: String) { self.id = id }
    }

    public internal(set) var people: [String: Person] = [:]
    public internal(set) var groups: [String: Group] = [:]
    /// Group ids in workflow order.
    public internal(set) var plannedGroupOrder: [String] = []

    /// An empty projection, before any event.
    public init() {}

    /// Every person, by id.
    public var orderedPeople: [Person] { people.keys.sorted().compactMap { people[$0] } }

    /// Every group: workflow order, then groups known only from events, by id.
    public var orderedGroups: [Group] {
        orderedIDs(planned: plannedGroupOrder, known: groups.keys).compactMap { groups[$0] }
    }

    /// The status of the consultation covering `person` (not-opened when the group is unknown).
    public func consultationStatus(of person: Person) -> ConsultationStatus {
        guard let group = person.group else { return .notOpened }
        return groups[group]?.status ?? .notOpened
    }

    /// Lists the consultation groups of the workflow now in force.
    public mutating func adopt(_ workflow: WorkflowDefinition) {
        plannedGroupOrder = workflow.consultationGroups.map(\.id)
        for id in Array(groups.keys) { groups[id]?.isPlanned = false }
        for definition in workflow.consultationGroups {
            var group = groups[definition.id] ?? Group(id: definition.id)
            group.name = definition.name
            group.organisation = definition.organisation
            group.isPlanned = true
            groups[definition.id] = group
        }
    }

    /// Changes one person (created when new) in a single dictionary access.
    private mutating func person(_ id: String, _ sequence: Int, _ change: (inout Person) -> Void) {
        Self.change(&people[id, default: Person(id: id)], at: sequence, change)
    }

    /// Changes one consultation group (created when new) in a single dictionary access.
    private mutating func group(_ id: String, _ sequence: Int, _ change: (inout Group) -> Void) {
        Self.change(&groups[id, default: Group(id: id)], at: sequence, change)
    }

    private static func change(_ person: inout Person, at sequence: Int, _ change: (inout Person) -> Void) {
        change(&person)
        person.lastSequence = sequence
    }

    private static func change(_ group: inout Group, at sequence: Int, _ change: (inout Group) -> Void) {
        change(&group)
        group.lastSequence = sequence
    }

    /// Folds one event in.
    public mutating func apply(_ event: RecordedEvent) {
        // Closures capture these fields, not the event (capturing the event would copy it).
        let sequence = event.sequence
        let effective = event.effective
        switch event.event {
        case .staffPostMapped(let payload):
            person(payload.person, sequence) { person in
                person.mapping = payload
                person.mappedSequence = sequence
            }
        case .consultationOpened(let payload):
            group(payload.group, sequence) { group in
                group.status = .open
                group.openedOn = effective
                group.plannedClose = payload.closes
                group.closedOn = nil
                group.outcome = nil
            }
        case .consultationClosed(let payload):
            group(payload.group, sequence) { group in
                group.status = .closed
                group.closedOn = effective
                group.outcome = payload.outcome
            }
        case .staffConsulted(let payload):
            person(payload.person, sequence) { $0.consulted = true }
        case .staffExceptionRaised(let payload):
            person(payload.person, sequence) { person in
                let raised = StaffException(id: payload.exception, kind: payload.kind, detail: payload.detail, raisedSequence: sequence)
                if let index = person.exceptions.firstIndex(where: { $0.id == payload.exception }) {
                    person.exceptions[index] = raised
                } else {
                    person.exceptions.append(raised)
                }
            }
        case .staffExceptionResolved(let payload):
            person(payload.person, sequence) { person in
                guard let index = person.exceptions.firstIndex(where: { $0.id == payload.exception }) else { return }
                person.exceptions[index].resolution = payload.resolution
                person.exceptions[index].resolvedSequence = sequence
            }
        case .staffTransferConfirmed(let payload):
            person(payload.person, sequence) { $0.transferConfirmed = true }
        case .staffTransferred(let payload):
            person(payload.person, sequence) { person in
                person.transferred = true
                person.transferredEffective = effective
            }
        case .programmeInitialised, .workflowRevised, .statutoryDateChanged, .baselineTaken, .taskStarted,
            .taskProgressed, .taskFinished, .taskReforecast, .dueDiligenceItemAssigned, .dueDiligenceEvidenceAttached,
            .dueDiligenceStatusChanged, .dueDiligenceItemSignedOff, .contractRegistered, .contractMechanismChosen,
            .contractDueDiligenceDone, .contractConsentRecorded, .contractTransferred, .assetRegistered,
            .assetTransferred, .readinessDrafted, .readinessSectionAssessed, .readinessSigned, .readinessSubmitted,
            .readinessFeedbackRecorded, .readinessResubmitted, .eventCorrected, .eventRetracted, .ruleOverridden:
            break
        }
    }
}
