import EventLog
import Foundation
import Testing
import TransitionSupport
@testable import TransitionKit

/// Recording refuses a correction or retraction that the correction log would ignore, so the log
/// never gains an entry that changes nothing.
@Suite("Corrections that would change nothing are refused")
struct CorrectionRefusalTests {
    func fix(_ type: String, _ target: Int, data: JSONObject? = nil, in mini: MiniProgramme) -> ProposedEvent {
        var payload: JSONObject = ["sequence": .int(target)]
        if let data { payload["data"] = .object(data) }
        return ProposedEvent(
            id: UUIDs.random(), type: type, recordedAt: MiniProgramme.at("2022-05-06T10:00:00Z"), actor: "Director",
            role: "programme-director", entity: "DD-STAFF-01", reason: "a mistake", data: payload)
    }

    /// Records `event` and returns its sequence number.
    func recorded(_ event: ProposedEvent, in mini: MiniProgramme) throws -> Int {
        try mini.programme.record([event])
        return try mini.programme.log.head().sequence
    }

    /// Records DD-STAFF-01's `status` on `day` May 2022 and returns its sequence number.
    func recorded(status: String, day: Int, in mini: MiniProgramme) throws -> Int {
        try recorded(mini.status("DD-STAFF-01", status, role: "sro-people", at: "2022-05-0\(day)T10:00:00Z"), in: mini)
    }

    /// Records `event`, expecting the correction rule to refuse it with `phrase`, and the log to stay as it was.
    func expectRefused(_ event: ProposedEvent, _ phrase: String, in mini: MiniProgramme, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let head = try mini.programme.log.head()
        let refusal = #expect(throws: RuleRefusal.self, sourceLocation: sourceLocation) { try mini.programme.record([event]) }
        let text = refusal?.description ?? ""
        #expect(text.contains("rule correctionTakesEffect (correction): ") && text.contains(phrase), "\(text)", sourceLocation: sourceLocation)
        #expect(text.contains("to proceed: ") && !text.contains("--override"), sourceLocation: sourceLocation)
        #expect(try mini.programme.log.head() == head, sourceLocation: sourceLocation)
    }

    @Test("retracted, workflow, correction and unknown targets, and data of the wrong shape, are refused")
    func refusals() throws {
        let mini = try MiniProgramme()
        defer { try? FileManager.default.removeItem(atPath: mini.directory) }
        let first = try recorded(status: "in-progress", day: 3, in: mini)
        let second = try recorded(status: "complete", day: 4, in: mini)
        let retraction = try recorded(fix("event.retracted", first, in: mini), in: mini)

        try expectRefused(fix("event.retracted", first, in: mini), "event \(first) was already retracted by event \(retraction)", in: mini)
        try expectRefused(
            fix("event.corrected", first, data: ["item": .string("DD-STAFF-01"), "status": .string("complete")], in: mini),
            "already retracted", in: mini)
        try expectRefused(fix("event.retracted", retraction, in: mini), "is itself a correction", in: mini)
        try expectRefused(fix("event.retracted", 1, in: mini), "carries a workflow; record workflow.revised instead", in: mini)
        try expectRefused(fix("event.retracted", 999, in: mini), "event 999 is not an earlier event in scope", in: mini)
        try expectRefused(
            fix("event.corrected", second, data: ["item": .string("DD-STAFF-01"), "status": .string("finished")], in: mini),
            "its data does not fit dd.status.changed", in: mini)
    }

    @Test("a correction that takes effect is recorded, and so is a later one that supersedes it")
    func effectiveCorrections() throws {
        let mini = try MiniProgramme()
        defer { try? FileManager.default.removeItem(atPath: mini.directory) }
        let target = try recorded(status: "complete", day: 3, in: mini)
        for status in ["in-progress", "not-started"] {
            try mini.programme.record([
                fix("event.corrected", target, data: ["item": .string("DD-STAFF-01"), "status": .string(status)], in: mini)
            ])
            #expect(try mini.itemStatus("DD-STAFF-01", asOf: "2022-05-07T00:00:00Z") == status)
        }
        try mini.programme.record([fix("event.retracted", target, in: mini)])
        #expect(try mini.itemStatus("DD-STAFF-01", asOf: "2022-05-07T00:00:00Z") == "not-started")
    }

    @Test("within one batch, a second retraction of the same event is refused and nothing of the batch is appended")
    func batch() throws {
        let mini = try MiniProgramme()
        defer { try? FileManager.default.removeItem(atPath: mini.directory) }
        let target = try recorded(status: "complete", day: 3, in: mini)
        let head = try mini.programme.log.head()
        let refusal = #expect(throws: RuleRefusal.self) {
            try mini.programme.record([fix("event.retracted", target, in: mini), fix("event.retracted", target, in: mini)])
        }
        #expect(refusal?.description.contains("was already retracted by event \(target + 1)") == true)
        #expect(try mini.programme.log.head() == head)
    }
}
