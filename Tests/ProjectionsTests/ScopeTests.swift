import Domain
import EventLog
import Projections
import Testing
import TransitionSupport
import Workflow

@Suite("As-of and effective-date replay")
struct ScopeTests {
    /// A transfer effective 1 July, recorded late on 15 July.
    func history() throws -> HistoryBuilder {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add(
            "staff.post.mapped",
            o(#"{"person":"E1","post":"Officer","organisation":"NORTH-CCG","targetPost":"ICB Officer","group":"G-NORTH","employment":"permanent","boardLevel":false}"#),
            at: "2022-03-02T09:00:00Z")
        try history.add("dd.status.changed", o(#"{"item":"DD-1","status":"in-progress"}"#), at: "2022-07-05T09:00:00Z", effective: "2022-07-05")
        try history.add("staff.transferred", o(#"{"person":"E1"}"#), at: "2022-07-15T09:00:00Z", effective: "2022-07-01")
        return history
    }

    @Test("a late transfer is absent as of 10 July and present, flagged late, effective 1 July as known later")
    func lateTransfer() throws {
        let records = try history().records
        let asKnownThen = try Replay.state(records: records, asOf: Timestamp(endOf: try #require(date("2022-07-10"))))
        #expect(asKnownThen.staff.people["E1"]?.transferred == false)
        #expect(asKnownThen.lateEvents.isEmpty)
        #expect(asKnownThen.throughSequence == 3)

        let asKnownNow = try Replay.state(records: records, effectiveOn: date("2022-07-01"))
        #expect(asKnownNow.staff.people["E1"]?.transferred == true)
        #expect(asKnownNow.staff.people["E1"]?.transferredEffective == date("2022-07-01"))
        #expect(asKnownNow.dueDiligence.items["DD-1"]?.status == .notStarted)
        #expect(asKnownNow.lateEvents.map(\.sequence) == [4])
        #expect(asKnownNow.lateEvents.first?.daysLate == 14)

        let dayBefore = try Replay.state(records: records, effectiveOn: date("2022-06-30"))
        #expect(dayBefore.staff.people["E1"]?.transferred == false)
        #expect(dayBefore.staff.people["E1"] != nil)
        #expect(dayBefore.workflow != nil)
    }

    @Test("programme and workflow events are kept whatever their effective date")
    func programmeEventsAlwaysKept() throws {
        var history = HistoryBuilder()
        try history.initialise(at: "2022-03-01T09:00:00Z")
        try history.add(
            "programme.statutory-date.changed", o(#"{"programme":"tiny","old":"2022-07-01","new":"2022-10-01","authority":"NHSE"}"#),
            at: "2022-03-05T09:00:00Z", effective: "2022-03-05", reason: "Delay")
        let state = try Replay.state(records: history.records, effectiveOn: date("2022-01-01"))
        #expect(state.programme.statutoryDate == date("2022-10-01"))
        #expect(state.dueDiligence.ordered.count == 3)
    }

    @Test("a workflow revision changes the checklist in force from its point in the history")
    func workflowInForce() throws {
        var history = HistoryBuilder()
        try history.initialise()
        var revised = TinyWorkflow.document
        var checklist = revised["dueDiligence"]?.objectValue ?? JSONObject()
        var items = checklist["items"]?.arrayValue ?? []
        items.append(
            .object([
                "id": .string("DD-4"), "title": .string("Website archived"), "category": .string("FIN"),
                "workstream": .string("PEOPLE"), "ownerRole": .string("sro-people"), "evidenceRequired": .bool(false),
                "due": .string("2022-07-31"),
            ]))
        checklist["items"] = .array(items)
        revised["dueDiligence"] = .object(checklist)
        try history.add(
            "workflow.revised",
            ["programme": .string("tiny"), "workflow": .object(revised), "workflowSha256": .string(history.sha),
             "workflowFile": .string("tiny.json"), "version": .int(2)],
            at: "2022-04-01T09:00:00Z", reason: "Website archiving added")
        let before = try Replay.state(records: history.records, asOf: Timestamp(iso8601: "2022-03-31T00:00:00Z"))
        #expect(before.dueDiligence.ordered.map(\.id) == ["DD-1", "DD-2", "DD-3"])
        let after = try Replay.state(records: history.records)
        #expect(after.dueDiligence.ordered.map(\.id) == ["DD-1", "DD-2", "DD-3", "DD-4"])
        #expect(after.programme.currentWorkflow?.version == 2)
        #expect(after.workflow?.dueDiligence.items.count == 4)
    }

    @Test("an injected workflow provider is used instead of loading the stored JSON")
    func workflowProvider() throws {
        var history = HistoryBuilder()
        try history.initialise(["not": .string("a workflow")])
        #expect(throws: ReplayError.self) { try Replay.state(records: history.records) }
        let workflow = try TinyWorkflow.load()
        let state = try Replay.state(records: history.records, workflowProvider: { $0 == 1 ? workflow : nil })
        #expect(state.workflow == workflow)
        #expect(state.dueDiligence.ordered.count == 3)
    }

    @Test("replay refuses undecodable events and records out of order, naming the sequence")
    func errors() throws {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add("dd.status.changed", o(#"{"item":"DD-1","status":"done"}"#), at: "2022-03-02T09:00:00Z")
        do {
            _ = try Replay.state(records: history.records)
            Issue.record("expected an error")
        } catch {
            guard case .undecodable(let sequence, let payload) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(sequence == 2)
            #expect(payload.field == "status")
            #expect(error.description.hasPrefix("event 2: dd.status.changed: field 'status'"))
        }
        var valid = HistoryBuilder()
        try valid.initialise()
        try valid.add("dd.status.changed", o(#"{"item":"DD-1","status":"complete"}"#), at: "2022-03-02T09:00:00Z")
        let records = valid.records
        #expect(throws: ReplayError.outOfOrder(sequence: 1, after: 2)) {
            try Replay.state(records: [records[1], records[0]])
        }
        // A refused batch leaves an incremental replay as it was.
        var replay = Replay()
        try replay.append(records[..<1])
        let before = replay.state
        #expect(throws: ReplayError.self) { try replay.append(history.records[1...]) }
        #expect(replay.state == before)
        try replay.append(records[1...])
        #expect(replay.state.dueDiligence.items["DD-1"]?.status == .complete)
    }
}
