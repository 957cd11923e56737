import Domain
import EventLog
import TransitionSupport

/// The contract register: every contract, how it leaves the closing CCG, and how far it has got.
///
/// "No orphans" means every contract needs a mechanism before go-live, and a novation needs consent;
/// this fold keeps exactly the facts those gates and the board's disposition report read.
public struct ContractRegister: Sendable, Hashable, Codable {
    /// Where a contract stands, for the register's totals.
    public enum Stage: String, Sendable, Hashable, Codable, CaseIterable {
        /// No mechanism chosen yet.
        case unassigned
        /// A mechanism is chosen; due diligence (or a novation's consent) is outstanding.
        case inProgress = "in-progress"
        /// Mechanism chosen, due diligence done, consent recorded where novated.
        case ready
        case transferred
    }

    /// One contract.
    public struct Contract: Sendable, Hashable, Codable {
        public var id: String
        /// The registration; `nil` for a contract seen in other events but never registered.
        public var registration: ContractRegistered?
        public var registeredSequence: Int?
        public var mechanism: ContractMechanism?
        public var dueDiligenceDone = false
        public var consentRecorded = false
        public var consentCounterparty: String?
        public var transferred = false
        public var transferredEffective: CivilDate?
        public var lastSequence: Int?

        /// An entry for `id` with nothing recorded yet.
        public init(id: String) { self.id = id }

        public var organisation: String? { registration?.organisation }
        public var annualValue: Double? { registration?.annualValue }
        public var endDate: CivilDate? { registration?.endDate }

        public var stage: Stage {
            if transferred { return .transferred }
            guard let mechanism else { return .unassigned }
            if dueDiligenceDone, mechanism != .novation || consentRecorded { return .ready }
            return .inProgress
        }
    }

    public internal(set) var contracts: [String: Contract] = [:]

    /// An empty projection, before any event.
    public init() {}

    /// Every contract, by id.
    public var ordered: [Contract] { contracts.keys.sorted().compactMap { contracts[$0] } }

    /// Changes one contract (created when new) in a single dictionary access.
    private mutating func update(_ id: String, _ sequence: Int, _ change: (inout Contract) -> Void) {
        Self.change(&contracts[id, default: Contract(id: id)], at: sequence, change)
    }

    private static func change(_ contract: inout Contract, at sequence: Int, _ change: (inout Contract) -> Void) {
        change(&contract)
        contract.lastSequence = sequence
    }

    /// Folds one event in.
    public mutating func apply(_ event: RecordedEvent) {
        // Closures capture these fields, not the event (capturing the event would copy it).
        let sequence = event.sequence
        let effective = event.effective
        switch event.event {
        case .contractRegistered(let payload):
            update(payload.contract, sequence) { contract in
                contract.registration = payload
                contract.registeredSequence = sequence
            }
        case .contractMechanismChosen(let payload):
            update(payload.contract, sequence) { $0.mechanism = payload.mechanism }
        case .contractDueDiligenceDone(let payload):
            update(payload.contract, sequence) { $0.dueDiligenceDone = true }
        case .contractConsentRecorded(let payload):
            update(payload.contract, sequence) { contract in
                contract.consentRecorded = true
                contract.consentCounterparty = payload.counterparty
            }
        case .contractTransferred(let payload):
            update(payload.contract, sequence) { contract in
                contract.transferred = true
                contract.transferredEffective = effective
            }
        case .programmeInitialised, .workflowRevised, .statutoryDateChanged, .baselineTaken, .taskStarted,
            .taskProgressed, .taskFinished, .taskReforecast, .dueDiligenceItemAssigned, .dueDiligenceEvidenceAttached,
            .dueDiligenceStatusChanged, .dueDiligenceItemSignedOff, .staffPostMapped, .consultationOpened,
            .consultationClosed, .staffConsulted, .staffExceptionRaised, .staffExceptionResolved,
            .staffTransferConfirmed, .staffTransferred, .assetRegistered, .assetTransferred, .readinessDrafted,
            .readinessSectionAssessed, .readinessSigned, .readinessSubmitted, .readinessFeedbackRecorded,
            .readinessResubmitted, .eventCorrected, .eventRetracted, .ruleOverridden:
            break
        }
    }

    /// Contracts per mechanism (`none` for unassigned). O(contracts).
    public var countsByMechanism: [String: Int] {
        var counts: [String: Int] = [:]
        for contract in contracts.values { counts[contract.mechanism?.rawValue ?? "none", default: 0] += 1 }
        return counts
    }

    /// Contracts per stage. O(contracts).
    public var countsByStage: [Stage: Int] {
        var counts: [Stage: Int] = [:]
        for contract in contracts.values { counts[contract.stage, default: 0] += 1 }
        return counts
    }

    /// Total annual value of registered contracts per holding organisation, summed in id order so the
    /// result is reproducible to the last bit. O(contracts log contracts).
    public var annualValueByOrganisation: [String: Double] {
        var totals: [String: Double] = [:]
        for contract in ordered {
            guard let registration = contract.registration else { continue }
            totals[registration.organisation, default: 0] += registration.annualValue
        }
        return totals
    }
}

extension ContractRegister {
    /// Deterministic rendering: contracts by id.
    public func json() -> JSONValue {
        var stages: [String: Int] = [:]
        for (stage, count) in countsByStage { stages[stage.rawValue] = count }
        var values = JSONObject()
        let totals = annualValueByOrganisation
        for organisation in totals.keys.sorted() { values[organisation] = JSONRendering.amount(totals[organisation]) }
        return .object([
            "contracts": .array(
                ordered.map { contract in
                    .object([
                        "id": .string(contract.id),
                        "counterparty": JSONRendering.string(contract.registration?.counterparty),
                        "service": JSONRendering.string(contract.registration?.service),
                        "organisation": JSONRendering.string(contract.organisation),
                        "annualValue": JSONRendering.amount(contract.annualValue),
                        "endDate": JSONRendering.date(contract.endDate),
                        "mechanism": JSONRendering.string(contract.mechanism?.rawValue),
                        "dueDiligenceDone": .bool(contract.dueDiligenceDone),
                        "consentRecorded": .bool(contract.consentRecorded),
                        "transferred": .bool(contract.transferred),
                        "transferredEffective": JSONRendering.date(contract.transferredEffective),
                        "stage": .string(contract.stage.rawValue),
                        "lastSequence": JSONRendering.int(contract.lastSequence),
                    ])
                }),
            "countsByMechanism": JSONRendering.counts(countsByMechanism, keys: ContractMechanism.spellings + ["none"]),
            "countsByStage": JSONRendering.counts(stages, keys: Stage.allCases.map(\.rawValue)),
            "annualValueByOrganisation": .object(values),
        ])
    }
}
