import Domain
import EventLog
import TransitionSupport
import Workflow

/// Everything the engine knows about a transition at one point of its history: one pure projection
/// per concern, folded from the same events.
///
/// Reports, rules and the scheduler all read this value, never the log, so "the state as of 14 June"
/// is just a replay over a shorter prefix. Build it with ``Replay``, which applies corrections and
/// retractions and the as-of and effective-date filters; ``apply(_:)`` is the raw fold underneath.
public struct TransitionState: Sendable, Hashable, Codable {
    public internal(set) var programme = ProgrammeState()
    public internal(set) var tasks = TaskProgressState()
    public internal(set) var dueDiligence = DueDiligenceRegister()
    public internal(set) var staff = StaffRegister()
    public internal(set) var contracts = ContractRegister()
    public internal(set) var assets = AssetRegister()
    public internal(set) var readiness = ReadinessState()
    public internal(set) var overrides = OverrideLog()
    public internal(set) var corrections = CorrectionLog()
    /// Events recorded after the date they took effect, in log order.
    public internal(set) var lateEvents: [LateEvent] = []
    /// The workflow in force (latest `programme.initialised` / `workflow.revised` in scope).
    public internal(set) var workflow: WorkflowDefinition?
    /// The last sequence number in scope (folded or not), if any.
    public internal(set) var throughSequence: Int?
    /// How many events were folded into the projections.
    public internal(set) var appliedCount = 0

    /// An empty projection, before any event.
    public init() {}

    /// Folds one event into every projection, as recorded: no correction is substituted and nothing is
    /// filtered. ``Replay`` is the way to build a state from a log.
    public mutating func apply(_ event: RecordedEvent) {
        corrections.apply(event)
        applyToProjections(event)
        throughSequence = event.sequence
    }

    /// Folds one (possibly corrected) event into every projection except the correction log.
    mutating func applyToProjections(_ event: RecordedEvent) {
        // Only the projection that reacts to the type is given the event: each `apply` switches on
        // the payload, which copies the event, so handing it to all of them cost a copy each.
        switch Self.projection(reactingTo: event.type) {
        case .programme: programme.apply(event)
        case .tasks: tasks.apply(event)
        case .dueDiligence: dueDiligence.apply(event)
        case .staff: staff.apply(event)
        case .contracts: contracts.apply(event)
        case .assets: assets.apply(event)
        case .readiness: readiness.apply(event)
        case nil: break
        }
        overrides.apply(event)
        if let late = LateEvent(event) { lateEvents.append(late) }
        appliedCount += 1
    }

    /// Puts `workflow` in force: checklists, task lists, groups, signatories and programme dates follow it.
    public mutating func adopt(_ workflow: WorkflowDefinition) {
        self.workflow = workflow
        programme.adopt(workflow)
        tasks.adopt(workflow)
        dueDiligence.adopt(workflow)
        staff.adopt(workflow)
        readiness.adopt(workflow)
    }

    /// Planned start of each task in the current baseline, which is when an item feeding it falls due.
    public var baselineTaskStarts: [String: CivilDate] {
        var starts: [String: CivilDate] = [:]
        for dates in programme.currentBaseline?.tasks ?? [] { starts[dates.task] = dates.start }
        return starts
    }

    /// Due-diligence items overdue on `date` (see ``DueDiligenceRegister/overdue(asOf:taskStarts:)``).
    public func overdueDueDiligence(asOf date: CivilDate) -> [DueDiligenceRegister.Item] {
        dueDiligence.overdue(asOf: date, taskStarts: baselineTaskStarts)
    }

    /// Deterministic rendering of every projection: the same events give the same bytes.
    public func json() -> JSONValue {
        .object([
            "throughSequence": JSONRendering.int(throughSequence),
            "appliedCount": .int(appliedCount),
            "programme": programme.json(),
            "tasks": tasks.json(),
            "dueDiligence": dueDiligence.json(),
            "staff": staff.json(),
            "contracts": contracts.json(),
            "assets": assets.json(),
            "readiness": readiness.json(),
            "overrides": overrides.json(),
            "corrections": corrections.json(),
            "lateEvents": .array(lateEvents.map(\.json)),
        ])
    }
}

extension TransitionState {
    /// Takes the due-diligence register out of the state, so that a cache can store and load the
    /// two (roughly equal) halves of a large state in parallel; ``restoreDueDiligence(_:)`` puts it back.
    public mutating func removeDueDiligence() -> DueDiligenceRegister {
        defer { dueDiligence = DueDiligenceRegister() }
        return dueDiligence
    }

    /// Puts back a register taken out with ``removeDueDiligence()``.
    public mutating func restoreDueDiligence(_ register: DueDiligenceRegister) {
        dueDiligence = register
    }
}
