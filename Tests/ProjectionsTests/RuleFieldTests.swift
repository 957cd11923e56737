import Domain
import EventLog
import Projections
import Testing
import TransitionSupport
import Workflow

@Suite("Rule fields")
struct RuleFieldTests {
    @Test("the kinds and fields exposed are exactly the workflow vocabulary's")
    func vocabularyMatches() {
        let standard = WorkflowVocabulary.standard.kinds
        #expect(Set(standard.map(\.name)) == Set(TransitionState.ruleFields.keys))
        for kind in standard {
            #expect(TransitionState.ruleFields[kind.name] == kind.fields.map(\.name), "\(kind.name)")
        }
    }

    /// A history in which every field of every kind has a value.
    func populated() throws -> TransitionState {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add(
            "baseline.taken", o(#"{"programme":"tiny","number":1,"statutoryDate":"2022-07-01","tasks":[{"task":"T-01","start":"2022-03-15","finish":"2022-03-28"}]}"#),
            at: "2022-03-01T10:00:00Z")
        try history.add("dd.item.assigned", o(#"{"item":"DD-2","owner":"A. Patel"}"#), at: "2022-03-02T09:00:00Z")
        try history.add(
            "dd.status.changed", o(#"{"item":"DD-2","status":"deferred","mitigation":"M","owner":"ICB COO"}"#),
            at: "2022-03-02T10:00:00Z", reason: "After Day 1")
        try history.add(
            "staff.post.mapped",
            o(#"{"person":"E1","post":"Director","organisation":"NORTH-CCG","targetPost":"Director","group":"G-NORTH","employment":"permanent","boardLevel":true,"boardOutcome":"displaced"}"#),
            at: "2022-03-02T11:00:00Z")
        try history.add(
            "contract.registered", o(#"{"contract":"C-1","counterparty":"X","service":"S","annualValue":10,"endDate":"2023-03-31","organisation":"NORTH-CCG"}"#),
            at: "2022-03-02T12:00:00Z")
        try history.add("contract.mechanism.chosen", o(#"{"contract":"C-1","mechanism":"transfer-scheme"}"#), at: "2022-03-02T12:01:00Z")
        try history.add("asset.registered", o(#"{"asset":"A-1","kind":"asset","description":"Laptops","organisation":"SOUTH-CCG"}"#), at: "2022-03-02T13:00:00Z")
        try history.add("task.progressed", o(#"{"task":"T-01","percent":10}"#), at: "2022-03-02T14:00:00Z")
        try history.add("ros.drafted", o(#"{"version":1,"targetDate":"2022-07-01"}"#), at: "2022-03-02T15:00:00Z")
        return try Replay.state(records: history.records)
    }

    func sampleID(_ kind: String) -> String? {
        switch kind {
        case "dueDiligence": return "DD-2"
        case "staff": return "E1"
        case "contract": return "C-1"
        case "asset": return "A-1"
        case "task": return "T-01"
        case "consultation": return "G-NORTH"
        default: return nil
        }
    }

    func matches(_ value: JSONValue, _ type: FieldType) -> Bool {
        switch type {
        case .text, .identifier: return value.stringValue != nil
        case .choice(let allowed): return value.stringValue.map(allowed.contains) ?? false
        case .integer: return value.intValue != nil
        case .number: return value.doubleValue != nil
        case .boolean: return value.boolValue != nil
        case .date: return value.stringValue.flatMap { CivilDate(iso8601: $0) } != nil
        case .any: return true
        }
    }

    @Test("every field of every kind has a value of the vocabulary's type")
    func everyFieldTyped() throws {
        let state = try populated()
        for kind in WorkflowVocabulary.standard.kinds {
            let id = sampleID(kind.name)
            if let id { #expect(state.ids(ofKind: kind.name).contains(id), "\(kind.name)") }
            for field in kind.fields {
                let value = try #require(state.field(kind: kind.name, id: id, name: field.name), "\(kind.name).\(field.name) is absent")
                #expect(matches(value, field.type), "\(kind.name).\(field.name) = \(value)")
            }
        }
    }

    @Test("unknown kinds, fields and ids read as absent")
    func absent() throws {
        let state = try populated()
        #expect(state.field(kind: "nope", id: "DD-1", name: "status") == nil)
        #expect(state.field(kind: "dueDiligence", id: "DD-1", name: "colour") == nil)
        #expect(state.field(kind: "dueDiligence", id: "DD-404", name: "status") == nil)
        #expect(state.field(kind: "dueDiligence", id: nil, name: "status") == nil)
        #expect(state.ids(ofKind: "nope").isEmpty)
        #expect(state.field(kind: "dueDiligence", id: "DD-1", name: "owner") == nil)
        #expect(state.field(kind: "dueDiligence", id: "DD-1", name: "signedOff") == .bool(false))
        #expect(state.field(kind: "dueDiligence", id: "DD-2", name: "deferredAt") == .string("2022-03-02"))
        #expect(state.field(kind: "dueDiligence", id: "DD-1", name: "deferredAt") == nil)
    }

    @Test("ids come in register order")
    func ids() throws {
        let state = try populated()
        #expect(state.ids(ofKind: "dueDiligence") == ["DD-1", "DD-2", "DD-3"])
        #expect(state.ids(ofKind: "task") == ["M-START", "T-01", "M-GOLIVE"])
        #expect(state.ids(ofKind: "staff") == ["E1"])
        #expect(state.ids(ofKind: "ros") == ["ROS"])
    }
}
