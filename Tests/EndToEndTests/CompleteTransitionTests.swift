import Foundation
import Testing

/// A small but complete transition recorded through the command line, checked register by register.
@Suite("End to end: a complete small transition", .serialized)
struct CompleteTransitionTests {
    static let workflow = CLI.repository + "/Tests/EndToEndTests/Fixtures/mini-transition.json"

    func staffCSV() -> String {
        var lines = ["\u{FEFF}Person ID,Name,Post,Band,Organisation,Target Post,Consultation Group,Employment,Board Level"]
        for index in 1...20 {
            let north = index <= 10
            lines.append("E\(1000 + index),\"Person, \(index)\",Officer,6,\(north ? "NORTH-CCG" : "02S"),ICB Officer,\(north ? "G-NORTH" : "G-SOUTH"),permanent,No")
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    func contractCSV() -> String {
        var lines = ["Reference,Counterparty,Service,Annual Value,End Date,Organisation"]
        for index in 1...20 {
            lines.append("C-\(100 + index),Supplier \(index),Service \(index),\"£\(index * 10),000\",2024-03-31,\(index % 2 == 0 ? "NORTH-CCG" : "SOUTH-CCG")")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("record checklist, 20 staff, 20 contracts, 2 assets and a signed, submitted ROS; every register adds up")
    func completeTransition() throws {
        let cli = try CLI()
        try cli.ok(["init", "--workflow", Self.workflow, "--as", "Director"], role: "programme-director")
        // Due diligence.
        let minutes = try cli.write("minutes.pdf", "establishment list minutes")
        try cli.ok(["dd", "assign", "DD-STAFF-01", "--owner", "A. Patel"], role: "pmo")
        let completed = try cli.ok(["dd", "complete", "DD-STAFF-01", "--evidence", minutes, "--reason", "reconciled"], role: "sro-people")
        #expect(completed.contains("evidence minutes.pdf sha256 "))
        try cli.ok(["dd", "not-applicable", "DD-STAFF-02", "--reason", "no open grievances"], role: "sro-people")
        let referenced = try cli.ok(["dd", "evidence", "DD-FIN-01", "--evidence", "bank-letters.pdf"], role: "sro-finance")
        #expect(referenced.contains("evidence bank-letters.pdf (by name only: no such file here, so no SHA-256)"))
        try cli.ok(["dd", "complete", "DD-FIN-01"], role: "sro-finance")
        try cli.ok(["dd", "defer", "DD-FIN-02", "--mitigation", "ICB audit plan", "--owner", "ICB CFO", "--reason", "Q1 accounts after Day 1"], role: "sro-finance")
        try cli.ok(["dd", "sign-off", "DD-STAFF-01"], role: "sro-people")
        // Staff.
        try cli.ok(["staff", "import", try cli.write("staff.csv", staffCSV())], role: "pmo")
        for group in ["G-NORTH", "G-SOUTH"] {
            try cli.ok(["staff", "open-consultation", group, "--closes", "2022-06-10"], role: "pmo")
        }
        for index in 1...20 { try cli.ok(["staff", "consulted", "E\(1000 + index)"], role: "pmo") }
        try cli.ok(["staff", "raise-exception", "E1020", "--exception", "X1", "--kind", "objection", "--detail", "objects to transfer"], role: "pmo")
        for group in ["G-NORTH", "G-SOUTH"] {
            try cli.ok(["staff", "close-consultation", group, "--outcome", "outcome issued"], role: "pmo")
        }
        for index in 1...19 {
            try cli.ok(["staff", "confirm", "E\(1000 + index)"], role: "pmo")
            try cli.ok(["staff", "transfer", "E\(1000 + index)", "--effective", "2022-07-01"], role: "pmo")
        }
        // Contracts.
        try cli.ok(["contract", "import", try cli.write("contracts.csv", contractCSV())], role: "pmo")
        for index in 1...20 {
            let id = "C-\(100 + index)"
            let verb = index <= 15 ? "transfer-scheme" : index <= 18 ? "novate" : "terminate"
            try cli.ok(["contract", verb, id], role: "pmo")
            if index <= 18 {
                try cli.ok(["contract", "due-diligence", id], role: "pmo")
                if verb == "novate" { try cli.ok(["contract", "consent", id, "--evidence", "consent-\(id).pdf"], role: "pmo") }
                try cli.ok(["contract", "transfer", id, "--effective", "2022-07-01"], role: "pmo")
            }
        }
        // Property and liabilities.
        try cli.ok(["asset", "register", "A-1", "--kind", "lease", "--description", "HQ lease", "--value", "250000", "--organisation", "NORTH-CCG"], role: "pmo")
        try cli.ok(["asset", "register", "A-2", "--kind", "claim", "--description", "Open claim", "--organisation", "SOUTH-CCG"], role: "pmo")
        try cli.ok(["asset", "transfer", "A-1", "--effective", "2022-07-01"], role: "pmo")
        // Readiness to Operate Statement.
        try cli.ok(["ros", "draft", "1", "--target", "2022-07-01"], role: "pmo")
        try cli.ok(["ros", "assess", "1", "--section", "ROS-01", "--assessment", "assured"], role: "pmo")
        try cli.ok(["ros", "assess", "1", "--section", "ROS-02", "--assessment", "partially-assured", "--actions", "Q1 accounts"], role: "pmo")
        try cli.ok(["ros", "sign", "1"], role: "accountable-officer")
        try cli.ok(["ros", "sign", "1"], role: "chair-designate")
        try cli.ok(["ros", "submit", "1"], role: "pmo")

        #expect(try cli.ok(["verify"]).contains("chain intact"))

        // Due-diligence numbers.
        let dd = try cli.ok(["dd", "list"])
        #expect(dd.contains("4 items — not-started 0, in-progress 0, complete 2, not-applicable 1, deferred 1"))
        // Staff: 20 mapped, 19 transferred, one open exception; reconciles.
        let staff = try cli.ok(["staff", "list"])
        #expect(staff.contains("20 people, 20 mapped posts — reconciled"))
        let staffExport = try cli.ok(["staff", "export"])
        #expect(staffExport.components(separatedBy: "\r\n").filter { $0.contains(",transferred,2022-07-01") }.count == 19)
        #expect(staffExport.contains("X1 objection"))
        // Contracts: by mechanism, transferred, value by organisation.
        let contracts = try cli.ok(["contract", "list"])
        #expect(contracts.contains("20 contracts"))
        let contractExport = try cli.ok(["contract", "export"])
        let rows = contractExport.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(rows.count == 20)
        #expect(rows.filter { $0.contains(",transfer-scheme,") }.count == 15)
        #expect(rows.filter { $0.contains(",novation,") && $0.contains(",Yes,Yes,") }.count == 3)
        #expect(rows.filter { $0.hasSuffix(",2022-07-01") }.count == 18)
        // North holds the even-numbered contracts: 20+40+...+200 thousand = £1,100,000.
        #expect(contracts.contains("£1,100,000"))
        #expect(contracts.contains("£1,000,000"))
        // Assets.
        let assets = try cli.ok(["asset", "list"])
        #expect(assets.contains("2 registered, 1 transferred"))
        // ROS.
        let ros = try cli.ok(["ros", "show"])
        #expect(ros.contains("version 1"))
        #expect(ros.contains("submitted: yes"))
        #expect(!ros.contains("(not signed)"))

        // Replaying the same log twice gives byte-identical JSON.
        for verb in [["dd", "list"], ["staff", "list"], ["contract", "list"], ["asset", "list"], ["ros", "show"], ["status"], ["critical-path"]] {
            #expect(try cli.ok(verb + ["--json"]) == cli.ok(verb + ["--json"]), "\(verb) is not deterministic")
        }
    }
}
