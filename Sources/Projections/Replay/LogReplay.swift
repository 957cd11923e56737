import Dispatch
import Domain
import EventLog
import TransitionSupport
import Workflow

/// Replays a whole log into a ``TransitionState`` in two streaming passes, holding one block of
/// events at a time instead of the whole history.
///
/// Corrections reach back: an `event.corrected` can replace a payload folded long before it. A
/// one-shot ``Replay`` therefore folds the correction log over every event first, and so needs all
/// of them in memory. This replay gets the same decisions from a cheap first pass instead (each
/// event's type, and the whole record of corrections and workflow events only), then streams the
/// log again, decoding each block on all cores and folding it with the corrections already known.
/// The result equals `Replay.state(records:)` over the same events (`LogReplayTests`).
///
/// A replay of everything reads ``EventTypeMark``s in its first pass
/// (``EventLog/forEachTypeMarkBlock(_:_:)``: each line's sequence number and type only), checks
/// them against what the second pass decodes, and takes from the second pass where it ended; a
/// replay as of an instant, or one whose type marks disagree, reads exact headers
/// (``EventLog/forEachHeader(fullRecordTypes:_:)``), which carry each event's time.
public enum LogReplay {
    /// The replayed state and where the replay stopped.
    public struct Outcome: Sendable {
        public var state: TransitionState
        /// Just past the last event replayed (`nil`: no event is in scope).
        public var position: LogPosition?
        /// Every `programme.initialised` / `workflow.revised` record in scope, in order.
        public var workflowRecords: [EventRecord]
        /// The last event in scope (recorded at or before the replay's `asOf`); `nil` when none is.
        public var lastInScope: EventLog.Head?
    }

    /// The event types whose whole record the first pass needs.
    static let prepassTypes: Set<String> = [
        DomainEventType.eventCorrected.rawValue, DomainEventType.eventRetracted.rawValue,
        DomainEventType.programmeInitialised.rawValue, DomainEventType.workflowRevised.rawValue,
    ]

    /// How the first pass reads each line.
    enum Reading {
        /// ``EventTypeMark``s, checked against the second pass, which also says where the replay ended.
        case typeMarks
        /// Exact ``EventHeader``s, which decide.
        case headers
    }

    /// Every event type, in the order of their codes in ``markClassifier``: the correction log's
    /// type table numbers them the same way, so a mark's code is noted as it is.
    private static let typesByCode = EventTypeTable.types
    /// Codes every type by its wire name, keeping the records of ``prepassTypes``.
    private static let markClassifier = EventTypeClassifier(
        names: typesByCode.map(\.wireName), keepingRecordsOf: prepassTypes)

    /// Replays `log` as known at `asOf` and effective on `effectiveOn` (`nil`: everything).
    ///
    /// `workflows` is called between the passes with every workflow-carrying record in scope and
    /// returns the provider of already loaded workflows (see ``Replay/workflowProvider``); by
    /// default the replay loads each stored workflow itself. It is called again if the replay is
    /// remade with exact headers. Events appended while the replay runs are not included: the
    /// replay stops at the last event the first pass saw. Recorded times never go backwards in a
    /// sound log, so a replay as of an instant reads the log only up to the first event after it.
    ///
    /// - Throws: ``EventLogError`` when the log cannot be read, ``ReplayError`` when an event in
    ///   scope does not decode (the earliest such event, as ``Replay`` reports it), or what
    ///   `workflows` throws. O(events) time; memory O(corrections + a few blocks).
    public static func replay(
        _ log: EventLog, asOf: Timestamp? = nil, effectiveOn: CivilDate? = nil,
        workflows: ([EventRecord]) throws -> @Sendable (Int) -> WorkflowDefinition? = { _ in { _ in nil } }
    ) throws -> Outcome {
        // A replay of everything first reads type marks, and checks them against the records the second
        // pass decodes in full; on any difference or failure it replays again with exact headers,
        // which then decide (and report any failure).
        if asOf == nil,
            let outcome = try? replay(log, asOf: nil, effectiveOn: effectiveOn, workflows: workflows, reading: .typeMarks)
        {
            return outcome
        }
        return try replay(log, asOf: asOf, effectiveOn: effectiveOn, workflows: workflows, reading: .headers)
    }

    /// The replay, its first pass reading as `reading` says. With `.typeMarks`, throws
    /// ``MarksDisagree`` when what the first pass read is not what the second pass decoded.
    static func replay(
        _ log: EventLog, asOf: Timestamp?, effectiveOn: CivilDate?,
        workflows: ([EventRecord]) throws -> @Sendable (Int) -> WorkflowDefinition?, reading: Reading
    ) throws -> Outcome {
        // The first pass runs on a thread of its own while this one starts reading and decoding
        // the log for the second; the fold waits for the first pass's corrections. Until the first
        // pass has ended, only events up to the head read now (which it will see) are decoded.
        let headAtStart = try log.head().sequence
        let first = PrepassTask(log, asOf: asOf, reading: reading)
        let pipeline = FoldPipeline()
        var prepass: Prepass?
        func start() throws {
            let found = try first.result().get()
            let replay = Replay(
                knownCorrections: found.corrections, asOf: asOf, effectiveOn: effectiveOn,
                workflowProvider: try workflows(found.workflowRecords))
            pipeline.start(replay, through: found.last, checkingTypes: reading == .typeMarks)
            prepass = found
        }
        do {
            try log.forEachBlock { block in
                let newest = block.last(where: { !$0.isEmpty })?.last??.sequence ?? 0
                if !pipeline.isStarted, newest > headAtStart { try start() }
                // Events appended after the first pass are never decoded, so they cannot fail the replay.
                let cut = prepass?.last ?? headAtStart
                if asOf != nil || newest > cut { leaveOut(of: &block, after: cut, recordedAfter: asOf) }
                // Decoded here on all cores, a run of the block each (each record moved into its
                // event), while earlier runs are folded.
                var runs = try ParallelEventDecoder.decodeRuns(taking: &block)
                for index in runs.indices {
                    // Start folding as soon as the first pass is done, and before the queue is full.
                    if !pipeline.isStarted, first.isFinished || pipeline.queued == FoldPipeline.depth { try start() }
                    // Handed over whole (moved, so the fold thread owns the only reference).
                    var run: [RecordedEvent?] = []
                    swap(&run, &runs[index])
                    try pipeline.fold(consume run)
                }
                guard let prepass else { return true }
                return newest < prepass.last
            }
            if !pipeline.isStarted { try start() }
        } catch {
            // Report what a sequential replay would: a line the first pass cannot read, else the
            // failure of an earlier run (it comes first in the log), else this one.
            if case .failure(let problem) = first.result() {
                pipeline.cancel()
                throw problem
            }
            if !pipeline.isStarted {
                do { try start() } catch {
                    pipeline.cancel()
                    throw error
                }
            }
            _ = try pipeline.finish()
            throw error
        }
        var state = try pipeline.finish().state
        var lastInScope = prepass?.lastInScope
        var position = prepass?.position
        if reading == .typeMarks {
            // The type marks must have named every folded event's type, and have kept no
            // correction or workflow record past the last event folded (the tail of a batch left
            // unfinished is read by the marks, never by the second pass). The fold must have
            // reached the head the log had when the replay began and ended on the last event of its
            // batch; it says where the replay ended (type marks carry no hash or time).
            guard !pipeline.typesDisagree else { throw MarksDisagree() }
            guard let folded = pipeline.lastFolded else {
                guard headAtStart == 0 else { throw MarksDisagree() }
                return Outcome(state: TransitionState(), position: nil, workflowRecords: [], lastInScope: nil)
            }
            guard folded.sequence >= headAtStart, folded.endsBatch, (prepass?.lastKept ?? 0) <= folded.sequence,
                let end = try log.position(afterEvent: folded.sequence, hash: folded.hash)
            else { throw MarksDisagree() }
            // Types the marks noted past the last event folded are not in scope.
            state.corrections.typesBySequence.truncate(after: folded.sequence)
            position = end
            lastInScope = EventLog.Head(sequence: folded.sequence, hash: folded.hash, recordedAt: folded.recordedAt)
        }
        guard let prepass, let position else {
            return Outcome(state: TransitionState(), position: nil, workflowRecords: [], lastInScope: nil)
        }
        return Outcome(state: state, position: position, workflowRecords: prepass.workflowRecords, lastInScope: lastInScope)
    }

    /// The first pass's type marks are not what the second pass decoded: the replay is made again
    /// with exact headers.
    struct MarksDisagree: Error {}

    /// Clears the records of `block` past event `cut` or recorded after `asOf`, so they are not decoded.
    private static func leaveOut(of block: inout [[EventRecord?]], after cut: Int, recordedAfter asOf: Timestamp?) {
        for run in block.indices {
            block[run].withUnsafeMutableBufferPointer { records in
                for index in records.indices {
                    // Fields are read in place: binding the record would copy it.
                    guard let sequence = records[index]?.sequence, let recordedAt = records[index]?.recordedAt else { continue }
                    if sequence > cut || asOf.map({ recordedAt > $0 }) ?? false { records[index] = nil }
                }
            }
        }
    }

    /// The first pass: the correction log folded over every event in scope, the workflow records,
    /// and where the log ended.
    fileprivate static func correctionPrepass(_ log: EventLog, asOf: Timestamp?, reading: Reading) throws -> Prepass {
        var prepass = Prepass()
        switch reading {
        case .typeMarks:
            let types = typesByCode
            let classifier = markClassifier
            try log.forEachTypeMarkBlock(classifier) { runs in
                for run in runs.indices {
                    for index in runs[run].indices {
                        guard let mark = runs[run][index].take() else { continue }
                        prepass.lastSequence = mark.sequence
                        // Most events are of a type whose record is not kept: their code is noted as it is.
                        if mark.typeCode > 0, !classifier.keepsRecord(ofCode: mark.typeCode) {
                            prepass.corrections.note(sequence: mark.sequence, typeCode: UInt8(mark.typeCode))
                        } else {
                            let type = mark.typeCode > 0 ? types[mark.typeCode - 1] : nil
                            prepass.add(sequence: mark.sequence, type: type, record: mark.record)
                        }
                    }
                }
                return true
            }
        case .headers:
            try log.forEachHeader(fullRecordTypes: prepassTypes) { header, after in
                // Recorded times never go backwards in a sound log (`verify` reports it as damage),
                // so the first event recorded after `asOf` ends the scope: the rest is not read.
                if let asOf, header.recordedAt > asOf { return false }
                prepass.position = after
                prepass.lastInScope = EventLog.Head(sequence: header.sequence, hash: header.hash, recordedAt: header.recordedAt)
                prepass.add(sequence: header.sequence, type: DomainEventType(wireName: header.type), record: header.record)
                return true
            }
        }
        return prepass
    }

    /// What the first pass learns.
    fileprivate struct Prepass: Sendable {
        var corrections = CorrectionLog()
        var workflowRecords: [EventRecord] = []
        /// Just past the last committed event in scope when the pass ran (read with headers only).
        var position: LogPosition?
        /// The last event the type marks read (the second pass stops there, or earlier at the end
        /// of a finished batch).
        var lastSequence = 0
        /// The last event whose whole record was kept (a correction or a workflow event).
        var lastKept = 0
        /// The last event recorded at or before the replay's `asOf` (read with headers only).
        var lastInScope: EventLog.Head?
        /// Where the second pass stops.
        var last: Int { position?.sequence ?? lastSequence }

        /// Takes in the next event in scope: its type (`nil`: not a known type), and its whole
        /// record when it is of one of ``LogReplay/prepassTypes``.
        mutating func add(sequence: Int, type: DomainEventType?, record: EventRecord?) {
            // An unknown type or a payload that does not decode is reported by the second pass,
            // in log order, exactly as a one-shot replay reports it.
            guard let type else { return }
            if record != nil { lastKept = sequence }
            if let record, Replay.carriesWorkflow(type) { workflowRecords.append(record) }
            if type.isCorrection {
                guard let record, let event = try? RecordedEvent.decode(record) else { return }
                corrections.apply(event)
            } else {
                corrections.note(sequence: sequence, type: type)
            }
        }
    }
}

/// The replay's first pass, running on a thread of its own from the moment it is created.
private final class PrepassTask: @unchecked Sendable {
    private var outcome: Result<LogReplay.Prepass, any Error>?
    private let lock = DispatchSemaphore(value: 1)
    private let done = DispatchSemaphore(value: 0)

    init(_ log: EventLog, asOf: Timestamp?, reading: LogReplay.Reading) {
        DispatchQueue.global().async { [self] in
            let result = Result { () throws -> LogReplay.Prepass in
                try LogReplay.correctionPrepass(log, asOf: asOf, reading: reading)
            }
            lock.wait()
            outcome = result
            lock.signal()
            done.signal()
        }
    }

    /// Whether the pass has ended (so ``result()`` would not wait).
    var isFinished: Bool {
        lock.wait()
        defer { lock.signal() }
        return outcome != nil
    }

    /// The pass's outcome, waiting for it if need be.
    func result() -> Result<LogReplay.Prepass, any Error> {
        done.wait()
        done.signal()
        lock.wait()
        defer { lock.signal() }
        return outcome ?? .failure(PrepassMissing())
    }

    /// Cannot happen: `done` is signalled only after `outcome` is set.
    private struct PrepassMissing: Error {}
}
