import Domain
import EventLog
import TransitionSupport
import Workflow

/// The due-diligence checklist as it stands: every item of the workflow in force, with its status,
/// owner, evidence, sign-offs and any deferral.
///
/// This is the register the Transition Group reviews and the ROS gate reads; items without events are
/// listed as `not-started` so that nothing on the checklist can be forgotten by never being touched.
public struct DueDiligenceRegister: Sendable, Hashable, Codable {
    /// One attached document and the event that attached it.
    public struct EvidenceEntry: Sendable, Hashable {
        public var reference: EvidenceReference
        public var sequence: Int
    }

    /// One checklist item: its plan (from the workflow) and its recorded state.
    public struct Item: Sendable, Hashable, Codable {
        public var id: String
        /// The item as the workflow in force defines it; `nil` for an item known only from events.
        public var definition: DueDiligenceItemDefinition?
        public var status: DueDiligenceStatus = .notStarted
        /// The named owner, from `dd.item.assigned`.
        public var owner: String?
        /// The role given at assignment, if any.
        public var assignedRole: String?
        public var evidence: [EvidenceEntry] = []
        /// Roles that signed the item off, in the order they signed.
        public var signedOffBy: [String] = []
        public var mitigation: String?
        /// Who owns the residue of a deferral (the status change's `owner`).
        public var deferredOwner: String?
        /// The recorded date of the deferral, for residue ageing.
        public var deferredAt: CivilDate?
        /// The envelope reason of the last status change.
        public var statusReason: String?
        public var lastSequence: Int?

        /// An entry for `id` with nothing recorded yet.
        public init(id: String, definition: DueDiligenceItemDefinition? = nil) {
            self.id = id
            self.definition = definition
        }

        /// The owning role: as assigned, else as planned.
        public var ownerRole: String? { assignedRole ?? definition?.ownerRole }
        public var category: String? { definition?.category }
        public var workstream: String? { definition?.workstream }
        public var evidenceRequired: Bool { definition?.evidenceRequired ?? false }
        public var isSignedOff: Bool { !signedOffBy.isEmpty }

        /// Complete, evidence required, and nothing attached.
        public var isMissingEvidence: Bool { status == .complete && evidenceRequired && evidence.isEmpty }
    }

    public internal(set) var items: [String: Item] = [:]
    /// Item ids in workflow order.
    public internal(set) var plannedOrder: [String] = []

    /// An empty projection, before any event.
    public init() {}

    /// Every item: workflow order, then items known only from events, by id.
    public var ordered: [Item] {
        orderedIDs(planned: plannedOrder, known: items.keys).compactMap { items[$0] }
    }

    /// Lists the items of the workflow now in force; recorded state is kept, and items the new version
    /// drops stay listed (without a definition) so their history is not lost.
    public mutating func adopt(_ workflow: WorkflowDefinition) {
        plannedOrder = workflow.dueDiligence.items.map(\.id)
        for id in Array(items.keys) { items[id]?.definition = nil }
        for definition in workflow.dueDiligence.items {
            var item = items[definition.id] ?? Item(id: definition.id)
            item.definition = definition
            items[definition.id] = item
        }
    }

    /// Changes one item (created when new) in a single dictionary access.
    private mutating func update(_ id: String, _ sequence: Int, _ change: (inout Item) -> Void) {
        Self.change(&items[id, default: Item(id: id)], at: sequence, change)
    }

    private static func change(_ item: inout Item, at sequence: Int, _ change: (inout Item) -> Void) {
        change(&item)
        item.lastSequence = sequence
    }

    /// Folds one event in.
    public mutating func apply(_ event: RecordedEvent) {
        // Closures capture fields, not the event (capturing the event would copy it).
        let sequence = event.sequence
        switch event.event {
        case .dueDiligenceItemAssigned(let payload):
            update(payload.item, sequence) { item in
                item.owner = payload.owner
                item.assignedRole = payload.ownerRole
            }
        case .dueDiligenceEvidenceAttached(let payload):
            let evidence = event.evidence
            update(payload.item, sequence) { item in
                item.evidence += evidence.map { EvidenceEntry(reference: $0, sequence: sequence) }
            }
        case .dueDiligenceStatusChanged(let payload):
            let recordedDate = event.recordedAt.date
            let reason = event.reason
            update(payload.item, sequence) { item in
                item.status = payload.status
                item.mitigation = payload.mitigation
                item.deferredOwner = payload.owner
                item.deferredAt = payload.status == .deferred ? recordedDate : nil
                item.statusReason = reason
            }
        case .dueDiligenceItemSignedOff(let payload):
            update(payload.item, sequence) { item in
                if !item.signedOffBy.contains(payload.role) { item.signedOffBy.append(payload.role) }
            }
        case .programmeInitialised, .workflowRevised, .statutoryDateChanged, .baselineTaken, .taskStarted,
            .taskProgressed, .taskFinished, .taskReforecast, .staffPostMapped, .consultationOpened, .consultationClosed,
            .staffConsulted, .staffExceptionRaised, .staffExceptionResolved, .staffTransferConfirmed, .staffTransferred,
            .contractRegistered, .contractMechanismChosen, .contractDueDiligenceDone, .contractConsentRecorded,
            .contractTransferred, .assetRegistered, .assetTransferred, .readinessDrafted, .readinessSectionAssessed,
            .readinessSigned, .readinessSubmitted, .readinessFeedbackRecorded, .readinessResubmitted, .eventCorrected,
            .eventRetracted, .ruleOverridden:
            break
        }
    }
}
