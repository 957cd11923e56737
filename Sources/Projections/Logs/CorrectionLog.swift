import Domain
import EventLog
import TransitionSupport

/// Every correction and retraction, what it targeted, and whether it took effect.
///
/// The log is never edited, so a mistake stays visible beside its fix. This log is also the pre-pass of
/// ``Replay``: folded over the events in scope first, it decides which events are retracted and which
/// payloads are replaced, and the projections are then folded with those decisions applied.
public struct CorrectionLog: Sendable, Hashable, Codable {
    /// Whether an entry corrects or retracts.
    public enum Kind: String, Sendable, Hashable, Codable {
        case corrected
        case retracted
    }

    /// What became of a correction or retraction.
    public enum Outcome: Sendable, Hashable, Codable {
        /// It is in effect.
        case applied
        /// A later correction or retraction of the same event replaced it.
        case supersededBy(Int)
        /// It had no effect, for the reason given (the target is not in scope, not correctable, ...).
        case ignored(String)
    }

    /// One `event.corrected` or `event.retracted`.
    public struct Entry: Sendable, Hashable, Codable {
        public var sequence: Int
        public var recordedAt: Timestamp
        public var kind: Kind
        /// The sequence number of the event corrected or retracted.
        public var target: Int
        /// The target's type, when the target is in scope.
        public var targetType: DomainEventType?
        public var actor: String
        public var role: String?
        public var reason: String?
        /// The replacement payload as recorded (corrections only).
        public var replacementData: JSONObject?
        /// The replacement decoded as the target's type, when it fits.
        public var replacement: DomainEvent?
        /// The replacement effective date (corrections only).
        public var effective: CivilDate?
        public var outcome: Outcome
    }

    public internal(set) var entries: [Entry] = []
    /// The type of every event seen, by sequence, so targets can be checked.
    var typesBySequence = EventTypeTable()
    /// Target sequence to the index (in `entries`) of the correction or retraction in effect.
    var active: [Int: Int] = [:]

    /// An empty projection, before any event.
    public init() {}

    /// The correction or retraction in effect for the event `sequence`, if any.
    public func activeEntry(for sequence: Int) -> Entry? {
        active[sequence].map { entries[$0] }
    }

    /// The type of the event `sequence`, for every event folded so far (retracted ones included).
    public func type(ofEvent sequence: Int) -> DomainEventType? {
        typesBySequence[sequence]
    }

    /// Whether the event `sequence` is retracted.
    public func isRetracted(_ sequence: Int) -> Bool {
        activeEntry(for: sequence)?.kind == .retracted
    }

    /// Notes an event that is not a correction or retraction, as ``apply(_:)`` would, from its type
    /// alone: a replay's pre-pass reads only the type of such events.
    mutating func note(sequence: Int, type: DomainEventType) {
        typesBySequence[sequence] = type
    }

    /// ``note(sequence:type:)`` for a type given by its code in ``EventTypeTable/types``.
    mutating func note(sequence: Int, typeCode: UInt8) {
        typesBySequence.setCode(typeCode, at: sequence)
    }

    /// Folds one event in. Every event in scope must be folded (not only corrections), in order.
    public mutating func apply(_ event: RecordedEvent) {
        typesBySequence[event.sequence] = event.type
        switch event.event {
        case .eventCorrected(let payload):
            var entry = makeEntry(event, kind: .corrected, target: payload.sequence)
            entry.replacementData = payload.replacement
            entry.effective = payload.effective
            if entry.outcome == .applied, let type = entry.targetType {
                (entry.replacement, entry.outcome) = Self.decode(payload.replacement, as: type)
            }
            record(entry)
        case .eventRetracted(let payload):
            record(makeEntry(event, kind: .retracted, target: payload.sequence))
        case .programmeInitialised, .workflowRevised, .statutoryDateChanged, .baselineTaken, .taskStarted,
            .taskProgressed, .taskFinished, .taskReforecast, .dueDiligenceItemAssigned, .dueDiligenceEvidenceAttached,
            .dueDiligenceStatusChanged, .dueDiligenceItemSignedOff, .staffPostMapped, .consultationOpened,
            .consultationClosed, .staffConsulted, .staffExceptionRaised, .staffExceptionResolved,
            .staffTransferConfirmed, .staffTransferred, .contractRegistered, .contractMechanismChosen,
            .contractDueDiligenceDone, .contractConsentRecorded, .contractTransferred, .assetRegistered,
            .assetTransferred, .readinessDrafted, .readinessSectionAssessed, .readinessSigned, .readinessSubmitted,
            .readinessFeedbackRecorded, .readinessResubmitted, .ruleOverridden:
            break
        }
    }

    /// What a correction or retraction (`event`) recorded as event `sequence` would come to, were it
    /// recorded now: `.applied`, or `.ignored` with the reason. Anything else is `.applied`.
    ///
    /// Recording refuses a correction that would be ignored, so the log gains no entry that changes
    /// nothing; the log still folds such entries (recorded by older builds or by hand) as ignored.
    public func prospectiveOutcome(of event: DomainEvent, at sequence: Int) -> Outcome {
        switch event {
        case .eventCorrected(let payload):
            let type = payload.sequence < sequence ? typesBySequence[payload.sequence] : nil
            if let ignored = eligibility(of: payload.sequence, type: type) { return ignored }
            guard let type else { return .applied }
            return Self.decode(payload.replacement, as: type).outcome
        case .eventRetracted(let payload):
            let type = payload.sequence < sequence ? typesBySequence[payload.sequence] : nil
            return eligibility(of: payload.sequence, type: type) ?? .applied
        default:
            return .applied
        }
    }

    /// A correction's replacement payload decoded as its target's type, or why it does not fit.
    private static func decode(_ data: JSONObject, as type: DomainEventType) -> (replacement: DomainEvent?, outcome: Outcome) {
        do {
            return (try DomainEvent.decode(type: type, currentData: data), .applied)
        } catch {
            return (nil, .ignored("its data does not fit \(type.rawValue): \(error)"))
        }
    }

    private func makeEntry(_ event: RecordedEvent, kind: Kind, target: Int) -> Entry {
        let targetType = target < event.sequence ? typesBySequence[target] : nil
        return Entry(
            sequence: event.sequence, recordedAt: event.recordedAt, kind: kind, target: target, targetType: targetType,
            actor: event.actor, role: event.role, reason: event.reason, replacementData: nil, replacement: nil,
            effective: nil, outcome: eligibility(of: target, type: targetType) ?? .applied)
    }

    /// Why `target` cannot be corrected or retracted now, or `nil` when it can.
    private func eligibility(of target: Int, type: DomainEventType?) -> Outcome? {
        guard let type else {
            return .ignored("event \(target) is not an earlier event in scope")
        }
        if type.isCorrection {
            return .ignored("event \(target) is itself a correction; correct or retract the original event instead")
        }
        if type == .programmeInitialised || type == .workflowRevised {
            return .ignored("event \(target) carries a workflow; record workflow.revised instead")
        }
        if let current = activeEntry(for: target), current.kind == .retracted {
            return .ignored("event \(target) was already retracted by event \(current.sequence)")
        }
        return nil
    }

    private mutating func record(_ entry: Entry) {
        entries.append(entry)
        guard entry.outcome == .applied else { return }
        if let previous = active[entry.target] { entries[previous].outcome = .supersededBy(entry.sequence) }
        active[entry.target] = entries.count - 1
    }

    /// Deterministic rendering, in log order.
    public func json() -> JSONValue {
        .array(
            entries.map { entry in
                let outcome: JSONValue
                switch entry.outcome {
                case .applied: outcome = .object(["status": .string("applied")])
                case .supersededBy(let sequence):
                    outcome = .object(["status": .string("superseded"), "by": .int(sequence)])
                case .ignored(let why): outcome = .object(["status": .string("ignored"), "why": .string(why)])
                }
                return .object([
                    "sequence": .int(entry.sequence), "recordedAt": .string(entry.recordedAt.description),
                    "kind": .string(entry.kind.rawValue), "target": .int(entry.target),
                    "targetType": JSONRendering.string(entry.targetType?.rawValue), "actor": .string(entry.actor),
                    "role": JSONRendering.string(entry.role), "reason": JSONRendering.string(entry.reason),
                    "data": entry.replacementData.map { .object($0) } ?? .null,
                    "effective": JSONRendering.date(entry.effective), "outcome": outcome,
                ])
            })
    }
}
