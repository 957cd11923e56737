import Domain
import EventLog
import Projections
import Testing
import TransitionSupport
import Workflow

let o = HistoryBuilder.object

func date(_ text: String) -> CivilDate? { CivilDate(iso8601: text) }

@Suite("Programme and task projections")
struct ProgrammeAndTaskTests {
    @Test("the tiny workflow loads through the Workflow loader")
    func tinyWorkflowLoads() throws {
        let workflow = try TinyWorkflow.load()
        #expect(workflow.dueDiligence.items.count == 3)
        #expect(workflow.readiness.signatories == ["ceo-designate", "chair-designate"])
    }

    @Test("workflow versions, statutory date history and baselines")
    func programme() throws {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add(
            "programme.statutory-date.changed", o(#"{"programme":"tiny","old":"2022-07-01","new":"2022-10-01","authority":"NHS England"}"#),
            at: "2022-03-10T12:00:00Z", reason: "Royal Assent delayed")
        try history.add(
            "baseline.taken",
            o(#"{"programme":"tiny","number":1,"statutoryDate":"2022-10-01","label":"After date change","tasks":[{"task":"T-01","start":"2022-03-15","finish":"2022-03-28"}]}"#),
            at: "2022-03-11T09:00:00Z")
        try history.add(
            "workflow.revised",
            [
                "programme": .string("tiny"), "workflow": .object(TinyWorkflow.document(statutoryDate: "2022-12-01")),
                "workflowSha256": .string(history.sha), "workflowFile": .string("tiny-v2.json"), "version": .int(2),
            ], at: "2022-03-12T09:00:00Z", reason: "Added a DD item")
        let state = try Replay.state(records: history.records)
        let programme = state.programme
        #expect(programme.programmeID == "tiny")
        #expect(programme.workflowVersions.map(\.version) == [1, 2])
        #expect(programme.workflowVersions.map(\.file) == ["tiny.json", "tiny-v2.json"])
        #expect(programme.workflowVersions[1].reason == "Added a DD item")
        // A recorded change outranks the date written in a later workflow revision.
        #expect(programme.statutoryDate == date("2022-10-01"))
        #expect(programme.plannedStatutoryDate == date("2022-12-01"))
        #expect(programme.statutoryDateChanges.count == 1)
        #expect(programme.statutoryDateChanges[0].old == date("2022-07-01"))
        #expect(programme.statutoryDateChanges[0].authority == "NHS England")
        #expect(programme.statutoryDateChanges[0].reason == "Royal Assent delayed")
        #expect(programme.statutoryDateChanges[0].sequence == 2)
        #expect(programme.currentBaseline?.number == 1)
        #expect(programme.currentBaseline?.dates(of: "T-01")?.start == date("2022-03-15"))
        #expect(programme.goLiveMilestone == "M-GOLIVE")
        #expect(state.field(kind: "programme", id: nil, name: "statutoryDate") == .string("2022-10-01"))
        #expect(state.field(kind: "programme", id: nil, name: "shadowFrom") == .string("2022-04-01"))
        #expect(state.ids(ofKind: "programme") == ["tiny"])
    }

    @Test("task progress: status, actual dates, percent and remaining")
    func tasks() throws {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add("task.finished", o(#"{"task":"M-START","on":"2022-03-01"}"#), at: "2022-03-01T10:00:00Z")
        try history.add("task.started", o(#"{"task":"T-01","on":"2022-03-02"}"#), at: "2022-03-02T10:00:00Z")
        try history.add("task.progressed", o(#"{"task":"T-01","percent":40,"remaining":6}"#), at: "2022-03-07T10:00:00Z")
        try history.add("task.reforecast", o(#"{"task":"T-01","remaining":8}"#), at: "2022-03-08T10:00:00Z")
        try history.add("task.progressed", o(#"{"task":"T-01","percent":55}"#), at: "2022-03-09T10:00:00Z")
        let state = try Replay.state(records: history.records)
        let tasks = state.tasks
        #expect(tasks.ordered.map(\.id) == ["M-START", "T-01", "M-GOLIVE"])
        let t01 = try #require(tasks.tasks["T-01"])
        #expect(t01.status == .started)
        #expect(t01.actualStart == date("2022-03-02"))
        #expect(t01.percent == 55)
        #expect(t01.remaining == 8)
        #expect(t01.lastUpdatedSequence == 6)
        #expect(t01.workstream == "PEOPLE")
        let start = try #require(tasks.tasks["M-START"])
        #expect(start.status == .finished)
        #expect(start.actualFinish == date("2022-03-01"))
        #expect(start.percent == 100)
        #expect(tasks.tasks["M-GOLIVE"]?.status == .notStarted)
        #expect(tasks.countsByStatus == [.finished: 1, .started: 1, .notStarted: 1])
        #expect(state.field(kind: "task", id: "T-01", name: "percent") == .int(55))
        #expect(state.field(kind: "task", id: "M-GOLIVE", name: "percent") == .int(0))
        #expect(state.field(kind: "task", id: "M-GOLIVE", name: "status") == .string("not-started"))
        #expect(state.field(kind: "task", id: "NOPE", name: "status") == nil)
    }
}
