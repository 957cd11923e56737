import EventLog
import Foundation
import Testing
import TransitionSupport
@testable import TransitionKit

/// A programme built through the application service with recorded-at times set explicitly.
struct MiniProgramme {
    let directory: String
    let programme: Programme

    static var workflowPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("EndToEndTests/Fixtures/mini-transition.json").path
    }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("transition-kit-\(UUID().uuidString)").path
        let log = try EventLog.create(at: directory + "/log")
        programme = Programme(log: log)
        _ = try programme.initialise(
            workflowPath: MiniProgramme.workflowPath, actor: "Director", role: "programme-director", reason: "start",
            recordedAt: MiniProgramme.at("2022-05-02T09:00:00Z"))
    }

    static func at(_ text: String) -> Timestamp { Timestamp(iso8601: text) ?? Timestamp(millisecondsSinceEpoch: 0) }
    static func day(_ text: String) -> CivilDate { CivilDate(iso8601: text) ?? CivilDate(daysSinceEpoch: 0) }

    func status(_ item: String, _ status: String, role: String, at time: String, reason: String? = nil, extra: JSONObject = [:]) -> ProposedEvent {
        var data: JSONObject = ["item": .string(item), "status": .string(status)]
        for member in extra.members { data[member.key] = member.value }
        return ProposedEvent(
            id: UUIDs.random(), type: "dd.status.changed", recordedAt: MiniProgramme.at(time), effective: MiniProgramme.at(time).date,
            actor: "Tester", role: role, entity: item, reason: reason, data: data)
    }

    func itemStatus(_ item: String, asOf time: String) throws -> String? {
        try programme.view(asOf: MiniProgramme.at(time)).state.field(kind: "dueDiligence", id: item, name: "status")?.stringValue
    }
}

@Suite("Replay as of any moment, and standing rules", .serialized)
struct ReplayAndStandingRuleTests {
    @Test("--as-of each day gives exactly that day's state, including after a correction recorded later")
    func asOfEachDay() throws {
        let mini = try MiniProgramme()
        try mini.programme.record([mini.status("DD-STAFF-01", "in-progress", role: "sro-people", at: "2022-05-03T10:00:00Z")])
        try mini.programme.record([mini.status("DD-STAFF-01", "complete", role: "sro-people", at: "2022-05-04T10:00:00Z")])
        try mini.programme.record([mini.status("DD-FIN-01", "in-progress", role: "sro-finance", at: "2022-05-05T10:00:00Z")])
        let view = try mini.programme.view()
        let wrong = try #require(try mini.programme.records(of: view).last)
        // On 6 May the finance change is found to be wrong: it was meant for DD-FIN-02.
        try mini.programme.record([ProposedEvent(
            type: "event.corrected", recordedAt: MiniProgramme.at("2022-05-06T10:00:00Z"), actor: "Director", role: "programme-director",
            entity: "DD-FIN-01", reason: "recorded against the wrong item",
            data: ["sequence": .int(wrong.sequence), "data": .object(["item": .string("DD-FIN-02"), "status": .string("in-progress")])])])
        let expected: [(String, String, String, String)] = [
            ("2022-05-02T23:59:59Z", "not-started", "not-started", "not-started"),
            ("2022-05-03T23:59:59Z", "in-progress", "not-started", "not-started"),
            ("2022-05-04T23:59:59Z", "complete", "not-started", "not-started"),
            ("2022-05-05T23:59:59Z", "complete", "in-progress", "not-started"),
            ("2022-05-06T23:59:59Z", "complete", "not-started", "in-progress"),
        ]
        for (time, staff, fin1, fin2) in expected {
            #expect(try mini.itemStatus("DD-STAFF-01", asOf: time) == staff, "\(time)")
            #expect(try mini.itemStatus("DD-FIN-01", asOf: time) == fin1, "\(time)")
            #expect(try mini.itemStatus("DD-FIN-02", asOf: time) == fin2, "\(time)")
        }
        // Both the original and the correction stay in the log.
        let types = try mini.programme.log.readAll().map(\.type)
        #expect(types.filter { $0 == "dd.status.changed" }.count == 3 && types.contains("event.corrected"))
    }

    @Test("deadline: an overdue item is flagged, and the warning goes once it is completed")
    func deadline() throws {
        let mini = try MiniProgramme()
        let asOf = "2022-05-25T23:59:59Z"
        var report = try RuleService.check(try mini.programme.view(asOf: MiniProgramme.at(asOf)))
        #expect(report.violations.contains { $0.rule == "DL-OVERDUE" && $0.entity == "DD-STAFF-01" && $0.unmet.contains("was due 2022-05-20") })
        try mini.programme.record([mini.status("DD-STAFF-01", "complete", role: "sro-people", at: "2022-05-24T10:00:00Z")])
        report = try RuleService.check(try mini.programme.view(asOf: MiniProgramme.at(asOf)))
        #expect(!report.violations.contains { $0.rule == "DL-OVERDUE" && $0.entity == "DD-STAFF-01" })
    }

    @Test("residue: a deferred item stays listed with owner, mitigation and age until it is closed")
    func residue() throws {
        let mini = try MiniProgramme()
        try mini.programme.record([mini.status(
            "DD-FIN-02", "deferred", role: "sro-finance", at: "2022-06-20T10:00:00Z", reason: "after Day 1",
            extra: ["mitigation": .string("ICB audit plan"), "owner": .string("ICB CFO")])])
        var report = try RuleService.check(try mini.programme.view(asOf: MiniProgramme.at("2022-07-20T23:59:59Z")))
        let item = try #require(report.residue.first { $0.id == "DD-FIN-02" })
        #expect(item.owner == "ICB CFO" && item.mitigation == "ICB audit plan" && item.ageDays == 30)
        try mini.programme.record([mini.status("DD-FIN-02", "complete", role: "sro-finance", at: "2022-07-21T10:00:00Z")])
        report = try RuleService.check(try mini.programme.view())
        #expect(!report.residue.contains { $0.id == "DD-FIN-02" })
    }

    @Test("a deferral without mitigation and owner is refused by the payload rules; nothing is appended")
    func deferralNeedsMitigation() throws {
        let mini = try MiniProgramme()
        let before = try mini.programme.log.head()
        #expect(throws: (any Error).self) {
            try mini.programme.record([mini.status("DD-FIN-02", "deferred", role: "sro-finance", at: "2022-06-20T10:00:00Z", reason: "after Day 1")])
        }
        #expect(try mini.programme.log.head() == before)
    }

    @Test("replaying a log whose workflow was revised uses the old version before the revision and the new one after")
    func workflowRevision() throws {
        let mini = try MiniProgramme()
        let data = try Data(contentsOf: URL(fileURLWithPath: MiniProgramme.workflowPath))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var checklist = try #require(object["dueDiligence"] as? [String: Any])
        var items = try #require(checklist["items"] as? [[String: Any]])
        items.append(["id": "DD-FIN-03", "title": "VAT returns", "category": "FINANCE", "workstream": "FINANCE", "ownerRole": "sro-finance", "evidenceRequired": false, "due": "2022-06-20"])
        checklist["items"] = items
        object["dueDiligence"] = checklist
        let revised = mini.directory + "/revised.json"
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: revised))
        _ = try mini.programme.revise(workflowPath: revised, actor: "Director", role: "programme-director", reason: "add VAT item", recordedAt: MiniProgramme.at("2022-05-10T09:00:00Z"))
        let before = try mini.programme.view(asOf: MiniProgramme.at("2022-05-09T23:59:59Z"))
        let after = try mini.programme.view()
        #expect(before.workflow.dueDiligence.items.count == 4 && before.state.ids(ofKind: "dueDiligence").count == 4)
        #expect(after.workflow.dueDiligence.items.count == 5 && after.state.ids(ofKind: "dueDiligence").contains("DD-FIN-03"))
        #expect(after.workflows.versions.count == 2)
    }
}
