import Domain
import EventLog
import Projections
import Testing
import TransitionSupport

@Suite("Contract, asset and readiness projections")
struct ContractAssetReadinessTests {
    @Test("contracts: mechanism, stage and annual value by organisation")
    func contracts() throws {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add("contract.registered", o(#"{"contract":"C-1","counterparty":"CSU","service":"Payroll","annualValue":1000000,"organisation":"NORTH-CCG"}"#), at: "2022-03-02T09:00:00Z")
        try history.add("contract.registered", o(#"{"contract":"C-2","counterparty":"Acme","service":"IT","annualValue":250000.5,"endDate":"2022-06-30","organisation":"NORTH-CCG"}"#), at: "2022-03-02T09:01:00Z")
        try history.add("contract.registered", o(#"{"contract":"C-3","counterparty":"Trust","service":"Community","annualValue":5000000,"organisation":"SOUTH-CCG"}"#), at: "2022-03-02T09:02:00Z")
        try history.add("contract.mechanism.chosen", o(#"{"contract":"C-1","mechanism":"novation"}"#), at: "2022-03-03T09:00:00Z")
        try history.add("contract.due-diligence.done", o(#"{"contract":"C-1"}"#), at: "2022-03-04T09:00:00Z")
        try history.add("contract.mechanism.chosen", o(#"{"contract":"C-2","mechanism":"let-expire"}"#), at: "2022-03-05T09:00:00Z")
        try history.add("contract.due-diligence.done", o(#"{"contract":"C-2"}"#), at: "2022-03-05T09:01:00Z")
        var state = try Replay.state(records: history.records)
        var register = state.contracts
        #expect(register.contracts["C-1"]?.stage == .inProgress)
        #expect(register.contracts["C-2"]?.stage == .ready)
        #expect(register.contracts["C-3"]?.stage == .unassigned)
        #expect(register.countsByMechanism == ["novation": 1, "let-expire": 1, "none": 1])
        #expect(register.annualValueByOrganisation == ["NORTH-CCG": 1_250_000.5, "SOUTH-CCG": 5_000_000])
        #expect(state.field(kind: "contract", id: "C-3", name: "mechanism") == nil)
        #expect(state.field(kind: "contract", id: "C-2", name: "endDate") == .string("2022-06-30"))
        #expect(state.field(kind: "contract", id: "C-2", name: "annualValue") == .double(250000.5))
        #expect(state.field(kind: "contract", id: "C-1", name: "annualValue") == .int(1_000_000))
        try history.add("contract.consent.recorded", o(#"{"contract":"C-1","counterparty":"CSU"}"#), at: "2022-03-06T09:00:00Z")
        try history.add("contract.transferred", o(#"{"contract":"C-1"}"#), at: "2022-06-20T09:00:00Z", effective: "2022-07-01")
        state = try Replay.state(records: history.records)
        register = state.contracts
        #expect(register.contracts["C-1"]?.stage == .transferred)
        #expect(register.contracts["C-1"]?.transferredEffective == date("2022-07-01"))
        #expect(register.countsByStage == [.transferred: 1, .ready: 1, .unassigned: 1])
        #expect(state.field(kind: "contract", id: "C-1", name: "consentRecorded") == .bool(true))
    }

    @Test("assets: kinds, holders and transfers")
    func assets() throws {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add("asset.registered", o(#"{"asset":"A-1","kind":"lease","description":"HQ lease","value":120000,"organisation":"NORTH-CCG"}"#), at: "2022-03-02T09:00:00Z")
        try history.add("asset.registered", o(#"{"asset":"A-2","kind":"claim","description":"CHC claim","organisation":"SOUTH-CCG"}"#), at: "2022-03-02T09:01:00Z")
        try history.add("asset.transferred", o(#"{"asset":"A-1"}"#), at: "2022-06-30T09:00:00Z", effective: "2022-07-01")
        let state = try Replay.state(records: history.records)
        #expect(state.assets.countsByKind == ["lease": 1, "claim": 1])
        #expect(state.assets.countsByOrganisation["NORTH-CCG"]?.transferred == 1)
        #expect(state.assets.countsByOrganisation["SOUTH-CCG"]?.transferred == 0)
        #expect(state.field(kind: "asset", id: "A-1", name: "transferred") == .bool(true))
        #expect(state.field(kind: "asset", id: "A-2", name: "kind") == .string("claim"))
        #expect(state.ids(ofKind: "asset") == ["A-1", "A-2"])
    }

    @Test("readiness: versions, signatures, submission, feedback and resubmission")
    func readiness() throws {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add("ros.drafted", o(#"{"version":1,"targetDate":"2022-04-01"}"#), at: "2022-03-02T09:00:00Z")
        try history.add("ros.signed", o(#"{"version":1,"role":"ceo-designate"}"#), at: "2022-03-03T09:00:00Z")
        var state = try Replay.state(records: history.records)
        #expect(state.readiness.status == .drafted)
        #expect(!state.readiness.signed)
        try history.add("ros.drafted", o(#"{"version":2,"targetDate":"2022-07-01"}"#), at: "2022-03-10T09:00:00Z")
        try history.add("ros.section.assessed", o(#"{"version":2,"section":"ROS-02","assessment":"partially-assured","actions":"Bank mandates"}"#), at: "2022-03-11T09:00:00Z")
        try history.add("ros.section.assessed", o(#"{"version":2,"section":"ROS-01","assessment":"assured"}"#), at: "2022-03-11T09:01:00Z")
        try history.add("ros.signed", o(#"{"version":2,"role":"ceo-designate"}"#), at: "2022-03-12T09:00:00Z")
        try history.add("ros.signed", o(#"{"version":2,"role":"chair-designate"}"#), at: "2022-03-12T10:00:00Z")
        state = try Replay.state(records: history.records)
        #expect(state.readiness.currentVersionNumber == 2)
        #expect(state.readiness.signed)
        #expect(state.readiness.status == .signed)
        #expect(state.readiness.current?.signatures == ["ceo-designate": 7, "chair-designate": 8])
        #expect(state.readiness.versions[1].map { state.readiness.isSigned($0) } == false)
        try history.add("ros.submitted", o(#"{"version":2}"#), at: "2022-03-13T09:00:00Z")
        try history.add("ros.feedback.recorded", o(#"{"version":2,"feedback":"Clarify POD","from":"Region"}"#), at: "2022-03-20T09:00:00Z")
        state = try Replay.state(records: history.records)
        #expect(state.readiness.status == .submitted)
        #expect(state.field(kind: "ros", id: nil, name: "submitted") == .bool(true))
        try history.add("ros.resubmitted", o(#"{"version":2}"#), at: "2022-03-25T09:00:00Z")
        state = try Replay.state(records: history.records)
        #expect(state.readiness.status == .resubmitted)
        #expect(state.readiness.current?.feedback.map(\.feedback) == ["Clarify POD"])
        #expect(state.field(kind: "ros", id: nil, name: "version") == .int(2))
        #expect(state.field(kind: "ros", id: "ROS", name: "targetDate") == .string("2022-07-01"))
        #expect(state.field(kind: "ros", id: nil, name: "status") == .string("resubmitted"))
        let json = JSONWriter.canonicalString(state.readiness.json())
        #expect(json.contains(#""supersededBy":2"#))
        let first = try #require(json.firstRange(of: #""section":"ROS-01""#))
        let second = try #require(json.firstRange(of: #""section":"ROS-02""#))
        #expect(first.lowerBound < second.lowerBound)
    }

    @Test("with no ROS drafted the singleton reads as none")
    func noReadiness() throws {
        var history = HistoryBuilder()
        try history.initialise()
        let state = try Replay.state(records: history.records)
        #expect(state.field(kind: "ros", id: nil, name: "status") == .string("none"))
        #expect(state.field(kind: "ros", id: nil, name: "signed") == .bool(false))
        #expect(state.field(kind: "ros", id: nil, name: "version") == nil)
        #expect(state.ids(ofKind: "ros").isEmpty)
    }

    @Test("overrides are logged and linked to the event they let through")
    func overrides() throws {
        var history = HistoryBuilder()
        try history.initialise()
        try history.add("ros.drafted", o(#"{"version":1,"targetDate":"2022-04-01"}"#), at: "2022-03-02T09:00:00Z")
        let batch = BatchMarker(first: 3, size: 2)
        try history.add(
            "rule.overridden", o(#"{"rule":"G-ROS-DD-CLOSED","eventType":"ros.signed","entity":"ROS","unmet":"DD-1 is not-started"}"#), at: "2022-03-30T09:00:00Z",
            role: "programme-director", reason: "Interim ROS signed with DD open, as agreed with the region", batch: batch)
        try history.add("ros.signed", o(#"{"version":1,"role":"ceo-designate"}"#), at: "2022-03-30T09:00:00Z", batch: batch)
        let log = try Replay.state(records: history.records).overrides
        #expect(log.entries.count == 1)
        let entry = try #require(log.entries.first)
        #expect(entry.rule == "G-ROS-DD-CLOSED")
        #expect(entry.eventType == .readinessSigned)
        #expect(entry.role == "programme-director")
        #expect(entry.reason == "Interim ROS signed with DD open, as agreed with the region")
        #expect(entry.letThrough == 4)
        #expect(entry.unmet == "DD-1 is not-started")
    }
}
