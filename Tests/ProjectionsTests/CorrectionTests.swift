import Domain
import EventLog
import Projections
import Testing
import TransitionSupport

@Suite("Corrections and retractions")
struct CorrectionTests {
    func history() throws -> HistoryBuilder {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add("dd.status.changed", o(#"{"item":"DD-1","status":"complete"}"#), at: "2022-03-02T09:00:00Z")
        try history.add("task.started", o(#"{"task":"T-01","on":"2022-03-20"}"#), at: "2022-03-03T09:00:00Z")
        try history.add("contract.registered", o(#"{"contract":"C-1","counterparty":"CSU","service":"Payroll","annualValue":100,"organisation":"NORTH-CCG"}"#), at: "2022-03-04T09:00:00Z")
        return history
    }

    @Test("a retraction removes the retracted event's effect; both stay in the correction log")
    func retraction() throws {
        var history = try history()
        try history.add("event.retracted", o(#"{"sequence":2}"#), at: "2022-03-05T09:00:00Z", entity: "DD-1", reason: "Recorded against the wrong item")
        let state = try Replay.state(records: history.records)
        #expect(state.dueDiligence.items["DD-1"]?.status == .notStarted)
        #expect(state.dueDiligence.items["DD-1"]?.lastSequence == nil)
        #expect(state.tasks.tasks["T-01"]?.status == .started)
        let entry = try #require(state.corrections.entries.first)
        #expect(state.corrections.entries.count == 1)
        #expect(entry.kind == .retracted)
        #expect(entry.target == 2)
        #expect(entry.targetType == .dueDiligenceStatusChanged)
        #expect(entry.reason == "Recorded against the wrong item")
        #expect(entry.outcome == .applied)
        #expect(state.corrections.isRetracted(2))
        #expect(state.throughSequence == 5)
    }

    @Test("a correction replaces the payload and effective date; the original stays in the log")
    func correction() throws {
        var history = try history()
        try history.add(
            "event.corrected", o(#"{"sequence":3,"data":{"task":"T-01","on":"2022-03-07"},"effective":"2022-03-07"}"#),
            at: "2022-03-08T09:00:00Z", entity: "T-01", reason: "Start date mistyped")
        try history.add(
            "event.corrected", o(#"{"sequence":4,"data":{"contract":"C-1","counterparty":"CSU","service":"Payroll","annualValue":1000000,"organisation":"NORTH-CCG"}}"#),
            at: "2022-03-08T09:05:00Z", entity: "C-1", reason: "Value in pounds, not thousands")
        let state = try Replay.state(records: history.records)
        #expect(state.tasks.tasks["T-01"]?.actualStart == date("2022-03-07"))
        #expect(state.contracts.annualValueByOrganisation["NORTH-CCG"] == 1_000_000)
        #expect(state.corrections.entries.map(\.sequence) == [5, 6])
        #expect(state.corrections.entries.map(\.outcome) == [.applied, .applied])
        #expect(state.corrections.entries[0].effective == date("2022-03-07"))
        #expect(history.records[2].data["on"] == .string("2022-03-20"))
    }

    @Test("later corrections supersede earlier ones; a retraction supersedes a correction")
    func supersession() throws {
        var history = try history()
        try history.add("event.corrected", o(#"{"sequence":3,"data":{"task":"T-01","on":"2022-03-07"}}"#), at: "2022-03-08T09:00:00Z", reason: "Typo")
        try history.add("event.corrected", o(#"{"sequence":3,"data":{"task":"T-01","on":"2022-03-09"}}"#), at: "2022-03-09T09:00:00Z", reason: "Typo again")
        var state = try Replay.state(records: history.records)
        #expect(state.tasks.tasks["T-01"]?.actualStart == date("2022-03-09"))
        #expect(state.corrections.entries.map(\.outcome) == [.supersededBy(6), .applied])
        try history.add("event.retracted", o(#"{"sequence":3}"#), at: "2022-03-10T09:00:00Z", reason: "Never started")
        try history.add("event.corrected", o(#"{"sequence":3,"data":{"task":"T-01","on":"2022-03-11"}}"#), at: "2022-03-11T09:00:00Z", reason: "Too late")
        state = try Replay.state(records: history.records)
        #expect(state.tasks.tasks["T-01"]?.status == .notStarted)
        #expect(state.corrections.entries.map(\.outcome)[0...2] == [.supersededBy(6), .supersededBy(7), .applied])
        guard case .ignored(let why) = state.corrections.entries[3].outcome else {
            Issue.record("a correction of a retracted event should be ignored")
            return
        }
        #expect(why.contains("already retracted by event 7"))
    }

    @Test(
        "ineffective corrections are listed with the reason they were ignored",
        arguments: [
            (#"{"sequence":1}"#, "event.retracted", "workflow.revised"),
            (#"{"sequence":99}"#, "event.retracted", "not an earlier event"),
            (#"{"sequence":3,"data":{"task":"T-01"}}"#, "event.corrected", "does not fit task.started"),
            (#"{"sequence":5}"#, "event.retracted", "not an earlier event"),
        ])
    func ignored(data: String, type: String, phrase: String) throws {
        var history = try history()
        try history.add(type, o(data), at: "2022-03-08T09:00:00Z", entity: "x", reason: "Test")
        let state = try Replay.state(records: history.records)
        guard case .ignored(let why) = state.corrections.entries.last?.outcome else {
            Issue.record("expected the correction to be ignored")
            return
        }
        #expect(why.contains(phrase), "\(why)")
        #expect(state.tasks.tasks["T-01"]?.actualStart == date("2022-03-20"))
    }

    @Test("a correction of a correction is ignored: fix the original instead")
    func correctionOfCorrection() throws {
        var history = try history()
        try history.add("event.retracted", o(#"{"sequence":2}"#), at: "2022-03-05T09:00:00Z", reason: "Wrong item")
        try history.add("event.retracted", o(#"{"sequence":5}"#), at: "2022-03-06T09:00:00Z", reason: "Undo")
        let state = try Replay.state(records: history.records)
        #expect(state.dueDiligence.items["DD-1"]?.status == .notStarted)
        guard case .ignored(let why) = state.corrections.entries.last?.outcome else {
            Issue.record("expected the second retraction to be ignored")
            return
        }
        #expect(why.contains("itself a correction"))
    }

    @Test("corrections recorded after the as-of time do not apply")
    func correctionsRespectAsOf() throws {
        var history = try history()
        try history.add("event.retracted", o(#"{"sequence":2}"#), at: "2022-03-15T09:00:00Z", reason: "Wrong item")
        let before = try Replay.state(records: history.records, asOf: Timestamp(iso8601: "2022-03-10T00:00:00Z"))
        #expect(before.dueDiligence.items["DD-1"]?.status == .complete)
        #expect(before.corrections.entries.isEmpty)
        let after = try Replay.state(records: history.records)
        #expect(after.dueDiligence.items["DD-1"]?.status == .notStarted)
    }
}
