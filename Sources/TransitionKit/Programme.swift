import Dispatch
import Domain
import EventLog
import Projections
import Rules
import TransitionSupport
import Workflow

/// The state of the programme as known at some moment: what a query verb shows.
///
/// A view holds the folded state, not the events: a long log is streamed into it (or resumed from
/// the projection snapshot), so a query's memory does not grow with the history. Verbs that list
/// events read them with ``Programme/records(of:where:)``, up to the view's head.
public struct ProgrammeView: Sendable {
    public var state: TransitionState
    public var workflows: WorkflowHistory
    /// The workflow version in force at the end of the scope.
    public var workflow: WorkflowDefinition
    /// The last event in scope (recorded at or before `asOf`).
    public var head: EventLog.Head
    public var asOf: Timestamp?
    public var effectiveOn: CivilDate?

    /// How many events are in scope: sequence numbers run from 1 without gaps, so the head's.
    public var eventCount: Int { head.sequence }

    /// The data date for scheduling: the as-of date, else the last event's recorded date.
    public var dataDate: CivilDate {
        asOf?.date ?? head.recordedAt?.date ?? workflow.programme.start
    }
}

/// Where a ``ProgrammeView`` of the whole log may come from.
public enum ViewSource: Sendable {
    /// The projection snapshot kept beside the log, with the events after it folded in (equal to
    /// a full replay, and much faster on a long log); a full replay when there is none.
    case snapshotOrReplay
    /// A replay of every event from the log itself (what an audit pack is built from), its chain
    /// not checked first: the caller verifies the log and reports what it finds.
    case replay
}

/// What new events are checked against: the state at the head and the workflow in force.
struct RecordingContext: Sendable {
    var state: TransitionState
    var workflow: WorkflowDefinition
}

/// Asking for an override: who asks is checked against the workflow, and the reason is kept.
public struct OverrideRequest: Sendable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}

/// The application service every verb goes through: replay the log into state, and record new
/// events only after their payloads and the workflow's rules accept them.
public struct Programme: Sendable {
    public let log: EventLog
    /// The head state this value last computed, so a process that records many times (the demo,
    /// imports, simulations) folds only the new events each time.
    let headCache = HeadStateCache()
    /// What this value's last chain check vouched for (``checkChain()``).
    let chainCache = ChainCheckCache()

    public init(log: EventLog) { self.log = log }

    public static func open(at path: String) throws -> Programme {
        Programme(log: try EventLog.open(at: path))
    }

    /// The programme as known at `asOf` and effective on `effectiveOn` (`nil`: everything).
    ///
    /// A view of the whole log (no `asOf`, no `effectiveOn`) comes from the projection snapshot
    /// when `source` allows it; any other view streams the log (``LogReplay``), holding only the
    /// corrections and a few blocks of events, never the whole history.
    ///
    /// With the default `source`, the log's hash chain is checked (``checkChain()``) while the view
    /// is made, and the view is given only if the chain is sound, so a query never shows figures
    /// from an altered log. A `.replay` view leaves that to its caller,
    /// which verifies the log itself and reports what it finds (an audit pack, `verify --signatures`).
    public func view(asOf: Timestamp? = nil, effectiveOn: CivilDate? = nil, source: ViewSource = .snapshotOrReplay) throws -> ProgrammeView {
        guard source == .snapshotOrReplay else { return try uncheckedView(asOf: asOf, effectiveOn: effectiveOn, source: source) }
        // A view of the whole log mostly resumes from the snapshot on one core: the check runs
        // alongside. Any other view replays the log on every core: the check runs first.
        if asOf == nil, effectiveOn == nil {
            return try checkingChain { try uncheckedView(asOf: nil, effectiveOn: nil, source: source) }
        }
        try checkChain()
        return try uncheckedView(asOf: asOf, effectiveOn: effectiveOn, source: source)
    }

    /// The view, its chain not checked.
    private func uncheckedView(asOf: Timestamp?, effectiveOn: CivilDate?, source: ViewSource) throws -> ProgrammeView {
        if asOf == nil, effectiveOn == nil, source == .snapshotOrReplay, let view = try headView() {
            return view
        }
        return try replayedView(asOf: asOf, effectiveOn: effectiveOn)
    }

    /// The view at the head from the head state, when the head read after it is the event the
    /// state was folded through (a writer may append in between: then it tries again, and after
    /// a few tries leaves it to a replay, which reads one consistent prefix).
    private func headView() throws -> ProgrammeView? {
        for _ in 0..<3 {
            let (state, workflows) = try headState()
            let head = try log.head()
            guard head.sequence == (state.throughSequence ?? 0) else { continue }
            guard let current = workflows.current else { throw ProgrammeError.notInitialised(path: log.layout.root) }
            return ProgrammeView(
                state: state, workflows: workflows, workflow: current.definition, head: head, asOf: nil, effectiveOn: nil)
        }
        return nil
    }

    /// The view replayed from the log in two streaming passes.
    private func replayedView(asOf: Timestamp?, effectiveOn: CivilDate?) throws -> ProgrammeView {
        let (outcome, workflows) = try streamedReplay(asOf: asOf, effectiveOn: effectiveOn)
        guard let current = workflows.current else { throw ProgrammeError.notInitialised(path: log.layout.root) }
        return ProgrammeView(
            state: outcome.state, workflows: workflows, workflow: current.definition, head: outcome.lastInScope ?? .empty,
            asOf: asOf, effectiveOn: effectiveOn)
    }

    /// The committed events of `view` (through its head), in order, that `include` accepts.
    ///
    /// Reads the log again: a view holds no events. Events appended after the view was taken are
    /// not read.
    public func records(of view: ProgrammeView, where include: (EventRecord) -> Bool = { _ in true }) throws -> [EventRecord] {
        var records: [EventRecord] = []
        let last = view.head.sequence
        guard last > 0 else { return records }
        try log.forEach { record in
            if include(record) { records.append(record) }
            return record.sequence < last
        }
        return records
    }

    /// The committed events of `view` (through its head) whose type is one of `types`, in order.
    ///
    /// Much cheaper than ``records(of:where:)`` on a long log: it reads the log's headers, and
    /// decodes the whole record only of events of those types.
    public func records(of view: ProgrammeView, types: Set<String>) throws -> [EventRecord] {
        var records: [EventRecord] = []
        let last = view.head.sequence
        guard last > 0 else { return records }
        try log.forEachHeader(fullRecordTypes: types) { header, _ in
            if let record = header.record { records.append(record) }
            return header.sequence < last
        }
        return records
    }

    /// Records `events` as one atomic batch after checking payloads and rules against the state at
    /// the head, under the writer's lock. With `override`, blocking rule violations are let through
    /// and a `rule.overridden` event (with the reason) is recorded before each overridden event.
    @discardableResult
    public func record(_ events: [ProposedEvent], override: OverrideRequest? = nil, options: AppendOptions = AppendOptions()) throws -> AppendResult {
        try log.append(options: options) { head in
            var context = try recordingContext()
            return try accept(events, context: &context, override: override, head: head)
        }
    }

    /// Records each event that the rules accept, as one atomic batch, and returns the refused ones
    /// with their reasons (nothing of theirs is appended). Used for simulations and bulk replays of
    /// a day's work, where one refusal must not hold back the rest.
    public func recordAccepted(_ events: [ProposedEvent], options: AppendOptions = AppendOptions()) throws -> (result: AppendResult?, refused: [(event: ProposedEvent, reason: String)]) {
        var refused: [(event: ProposedEvent, reason: String)] = []
        do {
            let result = try log.append(options: options) { head in
                refused = []
                var context = try recordingContext()
                var accepted: [ProposedEvent] = []
                for event in events {
                    var trial = context
                    do {
                        let more = try accept([event], context: &trial, override: nil, head: EventLog.Head(sequence: head.sequence + accepted.count, hash: head.hash, recordedAt: head.recordedAt))
                        accepted += more
                        context = trial
                    } catch let error as RuleRefusal {
                        refused.append((event, error.description))
                    } catch let error as InputError {
                        refused.append((event, error.description))
                    }
                }
                return accepted
            }
            return (result, refused)
        } catch EventLogError.emptyBatch {
            return (nil, refused)
        }
    }

    /// The workflow in force at the head of the log.
    public func currentWorkflow() throws -> WorkflowDefinition {
        try recordingContext().workflow
    }

    /// The state at the head and the workflow in force, which new events are checked against.
    func recordingContext() throws -> RecordingContext {
        let head = try headState()
        guard let current = head.workflows.current else { throw ProgrammeError.notInitialised(path: log.layout.root) }
        return RecordingContext(state: head.state, workflow: current.definition)
    }

    /// Validates each event in turn against the state that includes the ones before it.
    func accept(_ events: [ProposedEvent], context view: inout RecordingContext, override: OverrideRequest?, head: EventLog.Head) throws -> [ProposedEvent] {
        let engine = RuleEngine(workflow: view.workflow)
        var accepted: [ProposedEvent] = []
        var sequence = head.sequence
        for event in events {
            let decoded: DomainEvent
            do {
                // Decoding is the payload check.
                decoded = try DomainEvent.decode(type: event.type, schema: event.schema, data: event.data)
            } catch {
                throw InputError(location: event.entity.map { "\(event.type) for \($0)" } ?? event.type, message: "\(error); nothing was appended")
            }
            try DomainValidation.check(event, workflow: view.workflow)
            try DomainValidation.check(event, state: view.state)
            if case .ignored(let why) = view.state.corrections.prospectiveOutcome(of: decoded, at: sequence + 1) {
                // A correction or retraction that would change nothing is never worth an entry in the log.
                throw RuleRefusal(
                    eventType: event.type, entity: event.entity,
                    violations: [
                        RuleViolation(
                            rule: "correctionTakesEffect", kind: "correction", severity: "blocking", entity: event.entity, unmet: why,
                            remedy: "name an earlier event that can still be changed ('transition history ENTITY' lists them with their numbers)"
                                + (decoded.type == .eventCorrected ? ", with --data in that event's own payload shape" : ""))
                    ])
            }
            if let problem = SignOff.problem(with: event, workflow: view.workflow) {
                throw RuleRefusal(
                    eventType: event.type, entity: event.entity,
                    violations: [RuleViolation(rule: "requiresSignature", kind: "signature", severity: "blocking", entity: event.entity, unmet: problem, remedy: "sign with a key the workflow allows for the role: --key FILE --role ROLE")])
            }
            let effective = event.effective ?? (event.recordedAt ?? Timestamp.now()).date
            let action = ProposedAction(type: event.type, entity: event.entity, effective: effective, role: event.role, data: event.data)
            let violations = engine.evaluate(action, state: view.state).filter(\.isBlocking)
            let permissionRefusals = violations.filter { $0.kind == "permission" || $0.kind == "signature" }
            if !permissionRefusals.isEmpty {
                // Who may record what is never overridable.
                throw RuleRefusal(eventType: event.type, entity: event.entity, violations: permissionRefusals)
            }
            if !violations.isEmpty {
                guard let override else { throw RuleRefusal(eventType: event.type, entity: event.entity, violations: violations) }
                try authorise(override, by: event, engine: engine, violations: violations)
                for rule in Set(violations.map(\.rule)).sorted() {
                    let unmet = violations.filter { $0.rule == rule }.map(\.unmet).joined(separator: "; ")
                    var overrideData: JSONObject = ["rule": .string(rule), "eventType": .string(event.type), "unmet": .string(unmet)]
                    if let entity = event.entity { overrideData["entity"] = .string(entity) }
                    let note = ProposedEvent(
                        type: "rule.overridden", recordedAt: event.recordedAt, effective: event.effective, actor: event.actor,
                        role: event.role, entity: rule, reason: override.reason, data: overrideData, system: event.system)
                    accepted.append(note)
                    sequence += 1
                    try apply(note, sequence: sequence, to: &view)
                }
            }
            accepted.append(event)
            sequence += 1
            try apply(event, sequence: sequence, to: &view)
        }
        return accepted
    }

    /// Overrides need a role allowed to record `rule.overridden` and a non-empty reason.
    func authorise(_ request: OverrideRequest, by event: ProposedEvent, engine: RuleEngine, violations: [RuleViolation]) throws {
        guard !request.reason.trimmingSpaces.isEmpty else {
            throw OverrideRefusal(message: "an override needs --reason explaining why the rule may be set aside")
        }
        let check = ProposedAction(
            type: "rule.overridden", entity: violations.first?.rule, effective: event.effective ?? Timestamp.now().date,
            role: event.role, data: [:])
        let refusals = engine.evaluate(check, state: EmptyState()).filter { $0.kind == "permission" }
        if let refusal = refusals.first {
            throw OverrideRefusal(message: "role '\(event.role ?? "none")' may not override rules (\(refusal.unmet)); \(refusal.remedy)")
        }
    }

    /// Folds one accepted event into the context so the next event in the batch sees it.
    func apply(_ event: ProposedEvent, sequence: Int, to view: inout RecordingContext) throws {
        let recordedAt = event.recordedAt ?? Timestamp.now()
        let record = EventRecord(
            sequence: sequence, id: event.id ?? "pending-\(sequence)", type: event.type, schema: event.schema,
            recordedAt: recordedAt, effective: event.effective ?? recordedAt.date, actor: event.actor, role: event.role,
            entity: event.entity, reason: event.reason, evidence: event.evidence, data: event.data, system: event.system,
            signature: event.signature, batch: nil, previousHash: EventRecord.genesisHash, hash: EventRecord.genesisHash)
        let recorded = try RecordedEvent.decode(record)
        view.state.apply(recorded)
    }
}

/// A state with no entities, for checks that only need the workflow (permissions).
struct EmptyState: RuleStateView {
    func field(kind: String, id: String?, name: String) -> JSONValue? { nil }
    func ids(ofKind kind: String) -> [String] { [] }
}

/// Problems with the programme as a whole.
public enum ProgrammeError: Error, Sendable, CustomStringConvertible {
    case notInitialised(path: String)
    /// A programme's first events must open the log; this one holds `events` already.
    case alreadyInitialised(path: String, events: Int)

    public var description: String {
        switch self {
        case .notInitialised(let path):
            return "the log at '\(path)' has no programme yet; run 'transition init --log \(path) --workflow FILE'"
        case .alreadyInitialised(let path, let events):
            return "the log at '\(path)' already holds \(events) event\(events == 1 ? "" : "s"), and a programme starts only in an empty log; to record a new version of its workflow use 'transition workflow revise FILE --reason ...', or give --log a new directory for a new programme (nothing was recorded)"
        }
    }
}
