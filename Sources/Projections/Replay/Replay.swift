import Domain
import EventLog
import TransitionSupport
import Workflow

/// Rebuilds a ``TransitionState`` from stored events, as known at a time and as effective on a date.
///
/// Replay is a fold with one pre-pass: the ``CorrectionLog`` is folded over the events in scope first,
/// deciding which events are retracted and which payloads (and effective dates) are replaced, and then
/// the projections are folded over the original stream with those decisions applied. Only corrections
/// recorded as of the replay time count, so "as known on 10 July" ignores a fix made on 15 July.
///
/// A `Replay` value can also be fed incrementally (``append(_:)``); feeding a prefix and then the rest
/// gives the same state as feeding everything at once. When a new correction reaches back into events
/// already folded, the projections are rebuilt from the kept history (so memory is O(events in scope)).
public struct Replay: Sendable {
    /// Keep only events recorded at or before this instant (`nil`: everything).
    public let asOf: Timestamp?
    /// Keep only events effective on or before this date (`nil`: any). `programme.initialised`,
    /// `workflow.revised` and `programme.statutory-date.changed` are always kept, since every other fact
    /// is read against them; corrections are scoped by ``asOf`` only.
    public let effectiveOn: CivilDate?
    /// Supplies an already loaded workflow for the event with this sequence number (a cache); when it
    /// returns `nil` the workflow JSON stored in the event is loaded with ``WorkflowLoader``.
    public let workflowProvider: @Sendable (Int) -> WorkflowDefinition?

    /// The state so far.
    public private(set) var state = TransitionState()
    /// The decoded events in scope, in order.
    public private(set) var history: [RecordedEvent] = []
    /// The workflow carried by each `programme.initialised` / `workflow.revised` in scope, loaded once.
    private var workflows: [Int: WorkflowDefinition] = [:]
    private var lastSequence = 0
    /// Whether ``history`` holds every event in scope (false when resumed from a snapshot, and in
    /// the one-shot ``state(records:workflowProvider:asOf:effectiveOn:)``, which keeps none).
    public private(set) var hasCompleteHistory = true
    /// Whether ``TransitionState/corrections`` already holds every correction in scope, folded by a
    /// pre-pass over the whole log (``LogReplay``): events are then folded as they come, in blocks,
    /// and no correction can reach back.
    private var correctionsKnown = false

    /// Creates an empty replay with the given scope.
    public init(
        asOf: Timestamp? = nil, effectiveOn: CivilDate? = nil,
        workflowProvider: @escaping @Sendable (Int) -> WorkflowDefinition? = { _ in nil }
    ) {
        self.asOf = asOf
        self.effectiveOn = effectiveOn
        self.workflowProvider = workflowProvider
    }

    /// Continues an unscoped replay from a state already folded through event `sequence` (a
    /// snapshot). Such a replay keeps no earlier history, so ``append(_:)`` throws
    /// ``ReplayError/historyNeeded(correction:target:)`` for a correction that reaches back before
    /// the new events; the caller then replays the whole log.
    public init(
        resuming state: TransitionState, through sequence: Int,
        workflowProvider: @escaping @Sendable (Int) -> WorkflowDefinition? = { _ in nil }
    ) {
        self.init(workflowProvider: workflowProvider)
        self.state = state
        self.lastSequence = sequence
        self.hasCompleteHistory = false
    }

    /// Starts a replay whose correction log was already folded over every event in scope, so the
    /// events can be folded block by block with no history kept (``LogReplay``'s second pass).
    init(
        knownCorrections corrections: CorrectionLog, asOf: Timestamp?, effectiveOn: CivilDate?,
        workflowProvider: @escaping @Sendable (Int) -> WorkflowDefinition?
    ) {
        self.init(asOf: asOf, effectiveOn: effectiveOn, workflowProvider: workflowProvider)
        state.corrections = corrections
        hasCompleteHistory = false
        correctionsKnown = true
    }

    /// The state of `records` (in sequence order) within the given scope.
    ///
    /// - Throws: ``ReplayError`` for an event that does not decode, a stored workflow that does not
    ///   load, or records out of order. O(events).
    public static func state(
        records: some Sequence<EventRecord>, workflowProvider: @escaping @Sendable (Int) -> WorkflowDefinition? = { _ in nil },
        asOf: Timestamp? = nil, effectiveOn: CivilDate? = nil
    ) throws(ReplayError) -> TransitionState {
        var replay = Replay(asOf: asOf, effectiveOn: effectiveOn, workflowProvider: workflowProvider)
        // One append folds everything, so no later correction can reach back: keep no history.
        replay.hasCompleteHistory = false
        try replay.append(records)
        return replay.state
    }

    /// Folds further records (continuing the sequence) into the state.
    ///
    /// Everything that can fail (decoding, loading stored workflows) happens before the state is touched,
    /// so on error the replay is left as it was; the fold itself then mutates the state in place.
    ///
    /// - Throws: ``ReplayError``. O(records), or O(events in scope) when a correction reaches back.
    public mutating func append(_ records: some Sequence<EventRecord>) throws(ReplayError) {
        var inScope: [EventRecord?] = []
        var last = lastSequence
        for record in records {
            guard record.sequence > last else { throw .outOfOrder(sequence: record.sequence, after: last) }
            last = record.sequence
            if let asOf, record.recordedAt > asOf { continue }
            inScope.append(record)
        }
        var runs = try ParallelEventDecoder.decodeRuns(taking: &inScope)
        try fold(ParallelEventDecoder.joined(&runs), through: last)
    }

    /// Folds one run of events already decoded (in scope, continuing the sequence), moving each
    /// out of `run`: ``LogReplay``'s second pass, whose correction log is complete and which keeps
    /// no history, decodes them on all cores as it reads the log.
    ///
    /// As with ``append(_:)``, everything that can fail is checked before the state is touched.
    mutating func append(taking run: inout [RecordedEvent?]) throws(ReplayError) {
        precondition(correctionsKnown && !hasCompleteHistory, "only a replay with every correction known folds runs")
        // Read in place through the buffer (binding an element would copy the event).
        var last = lastSequence
        var loaded: [Int: WorkflowDefinition] = [:]
        try run.withUnsafeBufferPointer { (events) throws(ReplayError) in
            for index in events.indices {
                guard let sequence = events[index]?.sequence else { continue }
                guard sequence > last else { throw .outOfOrder(sequence: sequence, after: last) }
                last = sequence
                guard let type = events[index]?.type, Self.carriesWorkflow(type),
                    let event = events[index]?.event, let (document, file) = Self.workflowDocument(in: event)
                else { continue }
                loaded[sequence] = try workflow(document, file: file, sequence: sequence)
            }
        }
        lastSequence = last
        workflows.merge(loaded) { _, new in new }
        let workflows = self.workflows
        let effectiveOn = self.effectiveOn
        for index in run.indices {
            // Moved out, so the fold borrows an event this function owns: no copy.
            guard let event = run[index].take() else { continue }
            Self.fold(event, into: &state, workflows: workflows, effectiveOn: effectiveOn)
            state.throughSequence = event.sequence
        }
    }

    /// Folds `fresh` (decoded, in scope, in order), the last of all the events given being `last`.
    private mutating func fold(_ fresh: [RecordedEvent], through last: Int) throws(ReplayError) {
        // Events are looked at in place through the buffer (an array subscript would copy each
        // one out), and by type first.
        let carriers = fresh.withUnsafeBufferPointer { events in
            events.indices.filter { Self.carriesWorkflow(events[$0].type) }
        }
        var loaded: [Int: WorkflowDefinition] = [:]
        for index in carriers {
            if let (document, file) = Self.workflowDocument(in: fresh[index].event) {
                loaded[fresh[index].sequence] = try workflow(document, file: file, sequence: fresh[index].sequence)
            }
        }
        guard let firstNew = fresh.first?.sequence else {
            lastSequence = last
            return
        }
        var reachesBack = false
        if !correctionsKnown {
            var corrections = state.corrections
            for event in fresh { corrections.apply(event) }
            let reachingBack = corrections.entries.first { entry in
                entry.sequence >= firstNew && entry.target < firstNew && !Self.isIgnored(entry.outcome)
            }
            if let reachingBack, !hasCompleteHistory {
                throw .historyNeeded(correction: reachingBack.sequence, target: reachingBack.target)
            }
            reachesBack = reachingBack != nil
            state.corrections = corrections
        }
        lastSequence = last
        workflows.merge(loaded) { _, new in new }
        let workflows = self.workflows
        let effectiveOn = self.effectiveOn
        if reachesBack {
            let corrections = state.corrections
            state = TransitionState()
            state.corrections = corrections
            for event in history { Self.fold(event, into: &state, workflows: workflows, effectiveOn: effectiveOn) }
        }
        // Through the buffer, so each event is lent to the fold rather than copied out of the array.
        fresh.withUnsafeBufferPointer { events in
            for index in events.indices { Self.fold(events[index], into: &state, workflows: workflows, effectiveOn: effectiveOn) }
        }
        state.throughSequence = fresh.last?.sequence ?? state.throughSequence
        if hasCompleteHistory { history += fresh }
    }

    private static func isIgnored(_ outcome: CorrectionLog.Outcome) -> Bool {
        if case .ignored = outcome { return true }
        return false
    }

    /// The workflow document a `programme.initialised` / `workflow.revised` carries, with its file name.
    private static func workflowDocument(in event: DomainEvent) -> (JSONObject, String)? {
        if case .programmeInitialised(let payload) = event { return (payload.workflow, payload.workflowFile) }
        if case .workflowRevised(let payload) = event { return (payload.workflow, payload.workflowFile) }
        return nil
    }

    /// Folds one original event into the projections, with the correction log's decisions applied.
    ///
    /// Workflow events cannot be corrected or retracted (the log ignores such corrections), so the
    /// workflow loaded for an event's sequence is always the one it carries.
    private static func fold(
        _ original: RecordedEvent, into state: inout TransitionState, workflows: [Int: WorkflowDefinition],
        effectiveOn: CivilDate?
    ) {
        if !original.type.isCorrection, let entry = state.corrections.activeEntry(for: original.sequence) {
            switch entry.kind {
            case .retracted:
                return
            case .corrected:
                guard let replacement = entry.replacement, let data = entry.replacementData else { break }
                var event = original
                event.event = replacement
                event.record.data = data
                event.record.schema = replacement.schema
                if let effective = entry.effective { event.record.effective = effective }
                apply(event, to: &state, workflows: workflows, effectiveOn: effectiveOn)
                return
            }
        }
        // Most events are not corrected: they are applied as they are, without a copy.
        apply(original, to: &state, workflows: workflows, effectiveOn: effectiveOn)
    }

    /// Applies one event (as corrected) to the projections, unless it is effective after `effectiveOn`.
    private static func apply(
        _ event: RecordedEvent, to state: inout TransitionState, workflows: [Int: WorkflowDefinition], effectiveOn: CivilDate?
    ) {
        if let effectiveOn, !isAlwaysInScope(event.type), event.effective > effectiveOn { return }
        state.applyToProjections(event)
        // Only workflow-carrying events have a workflow to adopt (saves a lookup per event).
        if carriesWorkflow(event.type),
            let workflow = workflows[event.sequence]
        {
            state.adopt(workflow)
        }
    }

    /// Whether events of `type` carry a workflow (`programme.initialised`, `workflow.revised`).
    static func carriesWorkflow(_ type: DomainEventType) -> Bool {
        type == .programmeInitialised || type == .workflowRevised
    }

    /// Programme and workflow events frame every other fact, so effective-date filtering keeps them.
    static func isAlwaysInScope(_ type: DomainEventType) -> Bool {
        carriesWorkflow(type) || type == .statutoryDateChanged
            || type.isCorrection
    }

    private func workflow(_ document: JSONObject, file: String, sequence: Int) throws(ReplayError) -> WorkflowDefinition {
        if let provided = workflowProvider(sequence) { return provided }
        do {
            return try WorkflowLoader.load(json: .object(document), file: "\(file) (event \(sequence))")
        } catch {
            throw .workflowUnreadable(sequence: sequence, problems: error.description)
        }
    }
}
