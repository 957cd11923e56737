import Domain
import EventLog
import Testing
import TransitionSupport
@testable import Projections

/// `TransitionState` hands each event to the one projection that reacts to its type (and to the
/// correction and override logs, which see every event), rather than to all of them. These tests fold random histories one event at a time and check, for every
/// event and every projection, that a projection the event is not routed to would have ignored it,
/// and that the one it is routed to does react to events of that type.
@Suite("Events reach only the projection that reacts to them")
struct ProjectionRoutingTests {
    /// Applies `event` to `projection` alone, in a copy; whether that projection changed.
    func changes(_ projection: TransitionState.Projection, by event: RecordedEvent, in state: TransitionState) -> Bool {
        func changed<Value: Equatable>(_ path: KeyPath<TransitionState, Value>, _ apply: (inout Value) -> Void) -> Bool {
            var copy = state[keyPath: path]
            apply(&copy)
            return copy != state[keyPath: path]
        }
        switch projection {
        case .programme: return changed(\.programme) { $0.apply(event) }
        case .tasks: return changed(\.tasks) { $0.apply(event) }
        case .dueDiligence: return changed(\.dueDiligence) { $0.apply(event) }
        case .staff: return changed(\.staff) { $0.apply(event) }
        case .contracts: return changed(\.contracts) { $0.apply(event) }
        case .assets: return changed(\.assets) { $0.apply(event) }
        case .readiness: return changed(\.readiness) { $0.apply(event) }
        }
    }

    /// A random history with a workflow revision added, so that every event type occurs.
    func history(seed: UInt64) throws -> [EventRecord] {
        var records = try RandomHistory.make(seed: seed, count: 400)
        var revision = HistoryBuilder()
        try revision.initialise()
        let revised = try revision.add(
            "workflow.revised",
            [
                "programme": .string("tiny"), "workflow": .object(TinyWorkflow.document(statutoryDate: "2022-12-01")),
                "workflowSha256": .string(revision.sha), "workflowFile": .string("tiny-v2.json"), "version": .int(2),
            ], at: "2022-03-01T09:30:00Z", reason: "Revised")
        records.insert(revised, at: 1)
        return records
    }

    @Test("no projection but the routed one reacts to an event; the routed one does react", arguments: [3, 2026] as [UInt64])
    func routing(seed: UInt64) throws {
        let records = try history(seed: seed)
        // Every event folded raw, one at a time; the first workflow is put in force as a replay does.
        var state = TransitionState()
        var reacted: Set<DomainEventType> = []
        var seen: Set<DomainEventType> = []
        for (index, record) in records.enumerated() {
            let event = try RecordedEvent.decode(record)
            seen.insert(event.type)
            let route = TransitionState.projection(reactingTo: event.type)
            for projection in TransitionState.Projection.allCases {
                let changed = changes(projection, by: event, in: state)
                if projection == route {
                    if changed { reacted.insert(event.type) }
                } else {
                    #expect(!changed, "\(event.type.rawValue) (event \(event.sequence)) changed \(projection), routed to \(String(describing: route))")
                }
            }
            state.apply(event)
            if index == 0 { state = try Replay.state(records: records.prefix(1)) }
        }
        #expect(seen == Set(DomainEventType.allCases), "the history holds every type")
        let routed = Set(DomainEventType.allCases.filter { TransitionState.projection(reactingTo: $0) != nil })
        #expect(reacted == routed, "types whose projection never reacted: \(routed.subtracting(reacted).map(\.rawValue).sorted())")
        #expect(TransitionState.projection(reactingTo: .ruleOverridden) == nil)
        #expect(TransitionState.projection(reactingTo: .eventCorrected) == nil)
        #expect(TransitionState.projection(reactingTo: .eventRetracted) == nil)
    }
}
