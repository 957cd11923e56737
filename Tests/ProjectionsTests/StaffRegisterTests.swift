import Domain
import EventLog
import Projections
import Testing
import TransitionSupport

@Suite("Staff register")
struct StaffRegisterTests {
    static func mapping(_ person: String, _ organisation: String, _ group: String, board: Bool = false) -> JSONObject {
        o(#"{"person":"\#(person)","post":"Officer","organisation":"\#(organisation)","targetPost":"ICB Officer","group":"\#(group)","employment":"permanent","boardLevel":\#(board)}"#)
    }

    func history() throws -> HistoryBuilder {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add("staff.post.mapped", Self.mapping("E1", "NORTH-CCG", "G-NORTH"), at: "2022-03-02T09:00:00Z")
        try history.add("staff.post.mapped", Self.mapping("E2", "NORTH-CCG", "G-NORTH"), at: "2022-03-02T09:01:00Z")
        try history.add("staff.post.mapped", Self.mapping("E3", "SOUTH-CCG", "G-SOUTH", board: true), at: "2022-03-02T09:02:00Z")
        try history.add("staff.consultation.opened", o(#"{"group":"G-NORTH","closes":"2022-05-27"}"#), at: "2022-04-27T09:00:00Z")
        try history.add("staff.consulted", o(#"{"person":"E1"}"#), at: "2022-05-03T09:00:00Z")
        try history.add("staff.consulted", o(#"{"person":"E2"}"#), at: "2022-05-03T09:10:00Z")
        try history.add("staff.exception.raised", o(#"{"person":"E2","exception":"X1","kind":"leave","detail":"Long-term sick"}"#), at: "2022-05-04T09:00:00Z")
        try history.add("staff.exception.raised", o(#"{"person":"E2","exception":"X2","kind":"objection","detail":"Objects"}"#), at: "2022-05-04T09:05:00Z")
        try history.add("staff.exception.resolved", o(#"{"person":"E2","exception":"X2","resolution":"Withdrawn"}"#), at: "2022-05-10T09:00:00Z")
        try history.add("staff.consultation.closed", o(#"{"group":"G-NORTH","outcome":"Outcome issued"}"#), at: "2022-05-27T17:00:00Z")
        try history.add("staff.transfer.confirmed", o(#"{"person":"E1"}"#), at: "2022-06-13T09:00:00Z")
        try history.add("staff.transferred", o(#"{"person":"E1"}"#), at: "2022-06-20T09:00:00Z", effective: "2022-07-01")
        return history
    }

    @Test("people, groups, exceptions and transfers")
    func numbers() throws {
        let state = try Replay.state(records: try history().records)
        let staff = state.staff
        #expect(staff.orderedPeople.map(\.id) == ["E1", "E2", "E3"])
        #expect(staff.orderedGroups.map(\.id) == ["G-NORTH", "G-SOUTH"])
        let north = try #require(staff.groups["G-NORTH"])
        #expect(north.status == .closed)
        #expect(north.outcome == "Outcome issued")
        #expect(north.openedOn == date("2022-04-27"))
        #expect(north.plannedClose == date("2022-05-27"))
        #expect(north.organisation == "NORTH-CCG")
        #expect(staff.groups["G-SOUTH"]?.status == .notOpened)
        let e1 = try #require(staff.people["E1"])
        #expect(e1.transferred && e1.transferConfirmed && e1.consulted)
        #expect(e1.transferredEffective == date("2022-07-01"))
        #expect(e1.stage == .transferred)
        let e2 = try #require(staff.people["E2"])
        #expect(e2.openExceptions.map(\.id) == ["X1"])
        #expect(e2.exceptions.count == 2)
        #expect(staff.consultationStatus(of: e2) == .closed)
        #expect(staff.people["E3"].map { staff.consultationStatus(of: $0) } == .notOpened)
        #expect(staff.totalsByOrganisation["NORTH-CCG"] == [.transferred: 1, .consulted: 1])
        #expect(staff.totalsByOrganisation["SOUTH-CCG"] == [.mapped: 1])
        #expect(staff.reconciliation.isReconciled)
        #expect(staff.reconciliation.mappedPosts == 3)
        #expect(staff.peopleWithOpenExceptions.map(\.id) == ["E2"])
        #expect(state.field(kind: "staff", id: "E2", name: "openExceptions") == .int(1))
        #expect(state.field(kind: "staff", id: "E2", name: "consultationStatus") == .string("closed"))
        #expect(state.field(kind: "staff", id: "E3", name: "boardLevel") == .bool(true))
        #expect(state.field(kind: "staff", id: "E3", name: "boardOutcome") == nil)
        #expect(state.field(kind: "consultation", id: "G-NORTH", name: "status") == .string("closed"))
        #expect(state.field(kind: "consultation", id: "G-SOUTH", name: "organisation") == .string("SOUTH-CCG"))
        #expect(state.ids(ofKind: "consultation") == ["G-NORTH", "G-SOUTH"])
    }

    @Test("a person named by staff events but never mapped breaks reconciliation")
    func reconciliation() throws {
        var history = try history()
        try history.add("staff.consulted", o(#"{"person":"E9"}"#), at: "2022-06-21T09:00:00Z")
        let staff = try Replay.state(records: history.records).staff
        #expect(!staff.reconciliation.isReconciled)
        #expect(staff.reconciliation.unmapped == ["E9"])
        #expect(staff.reconciliation.people == 4)
        #expect(staff.reconciliation.mappedPosts == 3)
    }
}
