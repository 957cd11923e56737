import Domain
import EventLog
import Projections
import Testing
import TransitionSupport

@Suite("Due-diligence register")
struct DueDiligenceRegisterTests {
    func history() throws -> HistoryBuilder {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add("dd.item.assigned", o(#"{"item":"DD-1","owner":"A. Patel","ownerRole":"hr-lead"}"#), at: "2022-03-02T09:00:00Z")
        try history.add("dd.status.changed", o(#"{"item":"DD-1","status":"in-progress"}"#), at: "2022-03-03T09:00:00Z")
        try history.add("dd.status.changed", o(#"{"item":"DD-1","status":"complete"}"#), at: "2022-03-04T09:00:00Z")
        try history.add(
            "dd.status.changed", o(#"{"item":"DD-3","status":"deferred","mitigation":"ICB finance closes them in Q2","owner":"ICB CFO"}"#),
            at: "2022-06-20T09:00:00Z", reason: "Accounts stay open until final payments clear")
        try history.add("dd.item.signed-off", o(#"{"item":"DD-3","role":"sro-people"}"#), at: "2022-06-21T09:00:00Z")
        try history.add("dd.item.signed-off", o(#"{"item":"DD-3","role":"sro-people"}"#), at: "2022-06-21T09:05:00Z")
        return history
    }

    @Test("every workflow item is listed, even with no events")
    func listsEveryItem() throws {
        var history = HistoryBuilder()
        try history.initialise()
        let register = try Replay.state(records: history.records).dueDiligence
        #expect(register.ordered.map(\.id) == ["DD-1", "DD-2", "DD-3"])
        #expect(register.ordered.allSatisfy { $0.status == .notStarted && $0.lastSequence == nil })
        #expect(register.countsByStatus == [.notStarted: 3])
    }

    @Test("status, owner, deferral, sign-off and counts")
    func numbers() throws {
        let state = try Replay.state(records: try history().records)
        let register = state.dueDiligence
        let one = try #require(register.items["DD-1"])
        #expect(one.status == .complete)
        #expect(one.owner == "A. Patel")
        #expect(one.ownerRole == "hr-lead")
        #expect(one.lastSequence == 4)
        let three = try #require(register.items["DD-3"])
        #expect(three.status == .deferred)
        #expect(three.mitigation == "ICB finance closes them in Q2")
        #expect(three.deferredOwner == "ICB CFO")
        #expect(three.deferredAt == date("2022-06-20"))
        #expect(three.statusReason == "Accounts stay open until final payments clear")
        #expect(three.signedOffBy == ["sro-people"])
        #expect(register.items["DD-2"]?.ownerRole == "sro-people")
        #expect(register.countsByStatus == [.complete: 1, .deferred: 1, .notStarted: 1])
        #expect(register.countsByCategory["STAFF"] == [.complete: 1, .notStarted: 1])
        #expect(register.countsByCategory["FIN"] == [.deferred: 1])
        #expect(register.countsByWorkstream["PEOPLE"] == [.complete: 1, .deferred: 1, .notStarted: 1])
        #expect(register.deferred.map(\.id) == ["DD-3"])
        #expect(register.missingEvidence.map(\.id) == ["DD-1"])
    }

    @Test("evidence clears the missing-evidence list and counts per document")
    func evidence() throws {
        var history = try history()
        try history.add("dd.evidence.attached", o(#"{"item":"DD-1"}"#), at: "2022-03-05T09:00:00Z", evidence: ["list.xlsx", "payroll.pdf"])
        let state = try Replay.state(records: history.records)
        #expect(state.dueDiligence.items["DD-1"]?.evidence.map(\.reference.name) == ["list.xlsx", "payroll.pdf"])
        #expect(state.dueDiligence.items["DD-1"]?.evidence.map(\.sequence) == [8, 8])
        #expect(state.dueDiligence.missingEvidence.isEmpty)
        #expect(state.field(kind: "dueDiligence", id: "DD-1", name: "evidenceCount") == .int(2))
    }

    @Test("overdue: open items due before the date; feeds-items only once a baseline dates their task")
    func overdue() throws {
        var history = HistoryBuilder()
        try history.initialise()
        var state = try Replay.state(records: history.records)
        #expect(state.overdueDueDiligence(asOf: try #require(date("2022-05-31"))).isEmpty)
        #expect(state.overdueDueDiligence(asOf: try #require(date("2022-06-01"))).map(\.id) == ["DD-1"])
        try history.add(
            "baseline.taken",
            o(#"{"programme":"tiny","number":1,"statutoryDate":"2022-07-01","tasks":[{"task":"T-01","start":"2022-03-15","finish":"2022-03-28"}]}"#),
            at: "2022-03-02T09:00:00Z")
        state = try Replay.state(records: history.records)
        #expect(state.overdueDueDiligence(asOf: try #require(date("2022-06-01"))).map(\.id) == ["DD-1", "DD-2"])
        #expect(state.field(kind: "dueDiligence", id: "DD-2", name: "due") == .string("2022-03-15"))
        #expect(state.overdueDueDiligence(asOf: try #require(date("2022-10-01"))).map(\.id) == ["DD-1", "DD-2", "DD-3"])
        try history.add("dd.status.changed", o(#"{"item":"DD-2","status":"not-applicable"}"#), at: "2022-03-03T09:00:00Z", reason: "No lease cars")
        state = try Replay.state(records: history.records)
        #expect(state.overdueDueDiligence(asOf: try #require(date("2022-06-01"))).map(\.id) == ["DD-1"])
    }

    @Test("events for items the workflow does not define are kept, listed after the plan")
    func unplannedItems() throws {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add("dd.status.changed", o(#"{"item":"DD-EXTRA","status":"in-progress"}"#), at: "2022-03-02T09:00:00Z")
        let register = try Replay.state(records: history.records).dueDiligence
        #expect(register.ordered.map(\.id) == ["DD-1", "DD-2", "DD-3", "DD-EXTRA"])
        #expect(register.items["DD-EXTRA"]?.definition == nil)
        #expect(register.countsByCategory.values.reduce(0) { $0 + $1.values.reduce(0, +) } == 3)
    }
}
