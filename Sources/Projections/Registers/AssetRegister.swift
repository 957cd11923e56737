import Domain
import EventLog
import TransitionSupport

/// The register of assets, leases, liabilities and claims moving under the transfer scheme.
///
/// Liabilities go with their property and nothing may be left without a home, so every entry is
/// listed with its holder and whether it has transferred.
public struct AssetRegister: Sendable, Hashable, Codable {
    /// One register entry.
    public struct Asset: Sendable, Hashable, Codable {
        public var id: String
        /// The registration; `nil` for an entry seen in other events but never registered.
        public var registration: AssetRegistered?
        public var registeredSequence: Int?
        public var transferred = false
        public var transferredEffective: CivilDate?
        public var lastSequence: Int?

        /// An entry for `id` with nothing recorded yet.
        public init(id: String) { self.id = id }

        public var kind: AssetKind? { registration?.kind }
        public var organisation: String? { registration?.organisation }
    }

    public internal(set) var assets: [String: Asset] = [:]

    /// An empty projection, before any event.
    public init() {}

    /// Every entry, by id.
    public var ordered: [Asset] { assets.keys.sorted().compactMap { assets[$0] } }

    /// Changes one entry (created when new) in a single dictionary access.
    private mutating func update(_ id: String, _ sequence: Int, _ change: (inout Asset) -> Void) {
        Self.change(&assets[id, default: Asset(id: id)], at: sequence, change)
    }

    private static func change(_ asset: inout Asset, at sequence: Int, _ change: (inout Asset) -> Void) {
        change(&asset)
        asset.lastSequence = sequence
    }

    /// Folds one event in.
    public mutating func apply(_ event: RecordedEvent) {
        // Closures capture these fields, not the event (capturing the event would copy it).
        let sequence = event.sequence
        let effective = event.effective
        switch event.event {
        case .assetRegistered(let payload):
            update(payload.asset, sequence) { asset in
                asset.registration = payload
                asset.registeredSequence = sequence
            }
        case .assetTransferred(let payload):
            update(payload.asset, sequence) { asset in
                asset.transferred = true
                asset.transferredEffective = effective
            }
        case .programmeInitialised, .workflowRevised, .statutoryDateChanged, .baselineTaken, .taskStarted,
            .taskProgressed, .taskFinished, .taskReforecast, .dueDiligenceItemAssigned, .dueDiligenceEvidenceAttached,
            .dueDiligenceStatusChanged, .dueDiligenceItemSignedOff, .staffPostMapped, .consultationOpened,
            .consultationClosed, .staffConsulted, .staffExceptionRaised, .staffExceptionResolved,
            .staffTransferConfirmed, .staffTransferred, .contractRegistered, .contractMechanismChosen,
            .contractDueDiligenceDone, .contractConsentRecorded, .contractTransferred, .readinessDrafted,
            .readinessSectionAssessed, .readinessSigned, .readinessSubmitted, .readinessFeedbackRecorded,
            .readinessResubmitted, .eventCorrected, .eventRetracted, .ruleOverridden:
            break
        }
    }

    /// Entries per kind (`unregistered` for entries never registered). O(assets).
    public var countsByKind: [String: Int] {
        var counts: [String: Int] = [:]
        for asset in assets.values { counts[asset.kind?.rawValue ?? "unregistered", default: 0] += 1 }
        return counts
    }

    /// Registered entries per holding organisation: how many, how many transferred. O(assets).
    public var countsByOrganisation: [String: (registered: Int, transferred: Int)] {
        var counts: [String: (registered: Int, transferred: Int)] = [:]
        for asset in assets.values {
            guard let organisation = asset.organisation else { continue }
            var entry = counts[organisation] ?? (0, 0)
            entry.registered += 1
            if asset.transferred { entry.transferred += 1 }
            counts[organisation] = entry
        }
        return counts
    }
}

extension AssetRegister {
    /// Deterministic rendering: entries by id.
    public func json() -> JSONValue {
        var byOrganisation = JSONObject()
        let counts = countsByOrganisation
        for organisation in counts.keys.sorted() {
            let entry = counts[organisation] ?? (0, 0)
            byOrganisation[organisation] = .object(["registered": .int(entry.registered), "transferred": .int(entry.transferred)])
        }
        return .object([
            "assets": .array(
                ordered.map { asset in
                    .object([
                        "id": .string(asset.id), "kind": JSONRendering.string(asset.kind?.rawValue),
                        "description": JSONRendering.string(asset.registration?.description),
                        "value": JSONRendering.amount(asset.registration?.value),
                        "organisation": JSONRendering.string(asset.organisation),
                        "transferred": .bool(asset.transferred),
                        "transferredEffective": JSONRendering.date(asset.transferredEffective),
                        "lastSequence": JSONRendering.int(asset.lastSequence),
                    ])
                }),
            "countsByKind": JSONRendering.counts(countsByKind, keys: AssetKind.spellings),
            "countsByOrganisation": .object(byOrganisation),
        ])
    }
}
