import Foundation
import Testing

/// Rules refuse at record time (log unchanged), pass after the missing event, and can be overridden.
@Suite("End to end: rules at record time", .serialized)
struct RuleEnforcementTests {
    func programme() throws -> CLI {
        let cli = try CLI()
        try cli.ok(["init", "--workflow", CompleteTransitionTests.workflow, "--as", "Director"], role: "programme-director")
        try cli.ok(["staff", "map", "E1", "--post", "Officer", "--organisation", "NORTH-CCG", "--target-post", "ICB Officer", "--group", "G-NORTH", "--employment", "permanent", "--board-level", "no"], role: "pmo")
        return cli
    }

    @Test("gate: a transfer before consultation closed is refused with the rule and the unmet condition, then passes")
    func gate() throws {
        let cli = try programme()
        try cli.ok(["staff", "open-consultation", "G-NORTH"], role: "pmo")
        let before = try cli.logBytes()
        let refused = try cli.run(["staff", "transfer", "E1", "--effective", "2022-07-01"], role: "pmo")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("G-STAFF-CONSULTED"))
        #expect(refused.stderr.contains("consultationStatus is 'open', but must be 'closed'"))
        #expect(refused.stderr.contains("to proceed:"))
        #expect(try cli.logBytes() == before)
        try cli.ok(["staff", "close-consultation", "G-NORTH", "--outcome", "issued"], role: "pmo")
        try cli.ok(["staff", "transfer", "E1", "--effective", "2022-07-01"], role: "pmo")
    }

    @Test("gate: transfers take effect on the statutory date, not before")
    func effectiveDate() throws {
        let cli = try programme()
        try cli.ok(["staff", "open-consultation", "G-NORTH"], role: "pmo")
        try cli.ok(["staff", "close-consultation", "G-NORTH", "--outcome", "issued"], role: "pmo")
        let refused = try cli.run(["staff", "transfer", "E1", "--effective", "2022-06-30"], role: "pmo")
        #expect(refused.status == 1 && refused.stderr.contains("G-TRANSFER-ON-STATUTORY-DATE"))
    }

    @Test("dependency: a task cannot start before its FS predecessor finishes")
    func dependency() throws {
        let cli = try programme()
        let before = try cli.logBytes()
        let refused = try cli.run(["task", "start", "T-2", "--on", "2022-05-10"], role: "pmo")
        #expect(refused.status == 1 && refused.stderr.contains("DEP-TASKS") && refused.stderr.contains("T-2 cannot start before T-1 finishes (FS)"))
        #expect(try cli.logBytes() == before)
        try cli.ok(["task", "start", "T-1", "--on", "2022-05-02"], role: "pmo")
        try cli.ok(["task", "finish", "T-1", "--on", "2022-05-13"], role: "pmo")
        try cli.ok(["task", "start", "T-2", "--on", "2022-05-16"], role: "pmo")
    }

    @Test("permission: a role without permission is refused; an auditor records nothing")
    func permission() throws {
        let cli = try programme()
        let before = try cli.logBytes()
        let wrongRole = try cli.run(["dd", "complete", "DD-FIN-01"], role: "region")
        #expect(wrongRole.status == 1 && wrongRole.stderr.contains("P-ROLES"))
        let auditor = try cli.run(["dd", "start", "DD-FIN-01"], role: "internal-audit")
        #expect(auditor.status == 1 && auditor.stderr.contains("read-only"))
        let signOff = try cli.run(["dd", "sign-off", "DD-FIN-01"], role: "sro-people")
        #expect(signOff.status == 1 && signOff.stderr.contains("not the SRO of workstream FINANCE"))
        #expect(try cli.logBytes() == before)
        try cli.ok(["dd", "start", "DD-FIN-01"], role: "sro-finance")
    }

    @Test("gate over all items: the ROS cannot be signed while items are open")
    func rosGate() throws {
        let cli = try programme()
        try cli.ok(["ros", "draft", "1", "--target", "2022-07-01"], role: "pmo")
        let refused = try cli.run(["ros", "sign", "1"], role: "accountable-officer")
        #expect(refused.status == 1 && refused.stderr.contains("G-ROS-DD-CLOSED") && refused.stderr.contains("4 dueDiligence not satisfying status"))
        for item in ["DD-STAFF-01", "DD-STAFF-02"] { try cli.ok(["dd", "not-applicable", item, "--reason", "test"], role: "sro-people") }
        for item in ["DD-FIN-01", "DD-FIN-02"] { try cli.ok(["dd", "not-applicable", item, "--reason", "test"], role: "sro-finance") }
        try cli.ok(["ros", "sign", "1"], role: "accountable-officer")
    }

    @Test("override: only an authorised role, with a reason; the override is recorded and shown in history")
    func overrideIsRecorded() throws {
        let cli = try programme()
        try cli.ok(["staff", "open-consultation", "G-NORTH"], role: "pmo")
        let notAllowed = try cli.run(["staff", "transfer", "E1", "--effective", "2022-07-01", "--override", "--reason", "urgent"], role: "pmo")
        #expect(notAllowed.status == 1 && notAllowed.stderr.contains("may not override"))
        let noReason = try cli.run(["staff", "transfer", "E1", "--effective", "2022-07-01", "--override"], role: "programme-director")
        #expect(noReason.status == 1 && noReason.stderr.contains("--reason"))
        let output = try cli.ok(["staff", "transfer", "E1", "--effective", "2022-07-01", "--override", "--reason", "consultation outcome agreed early by the Board"], role: "programme-director")
        #expect(output.contains("rule.overridden"))
        let history = try cli.ok(["history", "E1"])
        #expect(history.contains("OVERRIDE of rule G-STAFF-CONSULTED for staff.transferred"))
        #expect(history.contains("consultation outcome agreed early by the Board"))
        let check = try cli.run(["check", "--json"])
        #expect(check.stdout.contains("G-STAFF-CONSULTED"))
        // The listing says what the override let through, and, once that fact is retracted, so.
        let sequences = output.split(separator: "\n").compactMap { line -> Int? in
            guard line.hasPrefix("recorded #") else { return nil }
            return Int(line.dropFirst("recorded #".count).prefix { $0.isNumber })
        }
        #expect(sequences.count == 2)
        let (override, transfer) = (sequences[0], sequences[1])
        #expect(try cli.run(["check"]).stdout.contains("[let through #\(transfer)]"))
        let retraction = try cli.ok(["retract", String(transfer), "--reason", "transferred in error"], role: "programme-director")
        #expect(retraction.contains("recorded #\(transfer + 1) event.retracted"))
        let after = try cli.run(["check"]).stdout
        #expect(after.contains("#\(override) G-STAFF-CONSULTED") && after.contains("[let through #\(transfer), since retracted by #\(transfer + 1)]"))
        let json = try JSONSerialization.jsonObject(with: Data(try cli.run(["check", "--json"]).stdout.utf8)) as? [String: Any]
        let listed = (json?["overrides"] as? [[String: Any]])?.first
        #expect(listed?["letThrough"] as? Int == transfer && listed?["letThroughRetractedBy"] as? Int == transfer + 1)
        // The audit pack's override table carries the same standing.
        try cli.ok(["audit-pack", "--out", cli.directory + "/pack"])
        let table = try String(contentsOfFile: cli.directory + "/pack/rules/overrides.csv", encoding: .utf8)
        #expect(table.hasPrefix("Seq,Recorded At,Actor,Role,Rule,Event Type,Entity,Reason,Unmet,Let Through,Let Through Retracted By,Override Retracted By\r\n"))
        #expect(table.contains(",\(transfer),\(transfer + 1),\r\n"))
    }
}
