import Foundation
import Testing

/// The demo's BOB 2022 history, built once and examined the way SROs and auditors would.
@Suite("End to end: the BOB 2022 demo log", .serialized)
struct DemoLogTests {
    /// One demo log shared by the suite (building it takes a while in a debug build).
    static let shared: (cli: CLI, output: String)? = {
        guard var cli = try? CLI() else { return nil }
        cli.environment["TRANSITION_LOG"] = cli.directory + "/demo"
        guard let result = try? cli.run(["demo", "--log", cli.directory + "/demo", "--workflow", CLI.bobWorkflow]), result.status == 0 else {
            return nil
        }
        return (cli, result.stdout)
    }()

    func demo() throws -> (cli: CLI, output: String) {
        try #require(DemoLogTests.shared, "transition demo failed")
    }

    /// A copy of the demo log named `name` beside it, for a test that changes or damages it.
    func copyOfDemo(_ name: String) throws -> (cli: CLI, path: String) {
        let (cli, _) = try demo()
        let path = cli.directory + "/" + name
        try FileManager.default.copyItem(atPath: cli.directory + "/demo", toPath: path)
        return (cli, path)
    }

    @Test("the demo builds a verified history and prints the status screen and next steps")
    func demoOutput() throws {
        let (cli, output) = try demo()
        #expect(output.contains("chain intact: yes"))
        #expect(output.contains("status as of 2022-05-16"))
        #expect(output.contains("statutory date 2022-07-01 (in 46 days)"))
        #expect(output.contains("G-STAFF-CONSULTED"))
        #expect(output.contains("Try next"))
        #expect(try cli.ok(["verify"]).contains("chain intact"))
    }

    @Test("status numbers match the projections: checklist by category and transfers by CCG")
    func statusMatchesProjections() throws {
        let (cli, _) = try demo()
        let status = try cli.ok(["status", "--as-of", "2022-05-16"])
        let dd = try #require(try cli.json(["dd", "list", "--as-of", "2022-05-16"]) as? [String: Any])
        let byCategory = try #require(dd["countsByCategory"] as? [String: [String: Int]])
        let names = ["STAFF": "Staff and staff benefits", "FINANCE": "Finance", "DIGITAL": "Informatics, digital and information governance"]
        for (category, name) in names {
            let counts = try #require(byCategory[category])
            let closed = (counts["complete"] ?? 0) + (counts["not-applicable"] ?? 0) + (counts["deferred"] ?? 0)
            let total = counts.values.reduce(0, +)
            let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("  \(name)  ") })
            let numbers = line.split(separator: " ").compactMap { Int($0) }
            #expect(numbers.prefix(2) == [closed, total], "\(line)")
        }
        let final = try cli.ok(["status", "--as-of", "2022-07-29"])
        let staffExport = try cli.ok(["staff", "export", "--as-of", "2022-07-29"])
        let bucksTransferred = staffExport.components(separatedBy: "\r\n").filter { $0.contains(",BUCKS-CCG,") && $0.contains(",transferred,") }.count
        let line = try #require(final.split(separator: "\n").first { $0.hasPrefix("NHS Buckinghamshire CCG") })
        #expect(line.split(separator: " ").compactMap { Int($0) }.first == bucksTransferred)
        #expect(final.contains("version 3: "))
        #expect(final.contains("submitted"))
    }

    @Test("check as of 16 May 2022 lists realistic open items")
    func checkMidProgramme() throws {
        let (cli, _) = try demo()
        let result = try cli.run(["check", "--as-of", "2022-05-16"])
        #expect(result.stdout.contains("rule check as of 2022-05-16"))
        #expect(result.stdout.contains("go-live cannot be recorded yet"))
        #expect(result.stdout.contains("ros signed is false"))
        #expect(result.stdout.contains("OVERRIDES recorded"))
        let late = try cli.run(["check", "--as-of", "2022-07-29"])
        #expect(late.stdout.contains("RESIDUE"))
        #expect(!late.stdout.contains("go-live cannot be recorded yet"))
    }

    @Test("critical path to 1 July 2022 and the variance between the April and July baselines")
    func criticalPathAndBaselines() throws {
        let (cli, _) = try demo()
        let path = try cli.ok(["critical-path", "--as-of", "2022-03-01"])
        #expect(path.contains("statutory date 2022-07-01"))
        #expect(path.contains("M-GOLIVE"))
        let variance = try cli.ok(["critical-path", "--as-of", "2022-01-05", "--baseline", "1", "--all"])
        #expect(variance.contains("variance against baseline 1"))
        let json = try #require(try cli.json(["critical-path", "--as-of", "2022-01-05", "--baseline", "1"]) as? [String: Any])
        let rows = try #require(json["variance"] as? [[String: Any]])
        #expect(rows.contains { ($0["finishVariance"] as? Int ?? 0) != 0 })
        let baselines = try cli.ok(["log", "--type", "baseline.taken"])
        #expect(baselines.split(separator: "\n").count == 2)
    }

    @Test("risk with the same seed prints identical output twice")
    func riskIsRepeatable() throws {
        let (cli, _) = try demo()
        let first = try cli.ok(["risk", "--iterations", "500", "--seed", "7", "--as-of", "2022-03-01"])
        let second = try cli.ok(["risk", "--iterations", "500", "--seed", "7", "--as-of", "2022-03-01"])
        #expect(first == second)
        #expect(first.contains("P80"))
    }

    @Test("bitemporal: a transfer effective 1 July recorded 15 July is absent as of 10 July and present as known now")
    func bitemporal() throws {
        let (cli, _) = try demo()
        func transferred(_ arguments: [String]) throws -> Int {
            try cli.ok(["staff", "export"] + arguments).components(separatedBy: "\r\n").filter { $0.contains(",transferred,") }.count
        }
        #expect(try transferred(["--as-of", "2022-07-10", "--effective", "2022-07-01"]) == 113)
        #expect(try transferred(["--effective", "2022-07-01"]) == 119)
        #expect(try transferred(["--as-of", "2022-06-27"]) == 0)
        let history = try cli.ok(["history", "E10120"])
        #expect(history.contains("[late: recorded 14 days after it took effect]"))
    }

    @Test("history shows who, when, why, evidence, corrections and overrides")
    func history() throws {
        let (cli, _) = try demo()
        let person = try cli.ok(["history", "E10090"])
        #expect(person.contains("staff.exception.raised") && person.contains("staff.exception.resolved") && person.contains("OS user"))
        let contract = try cli.ok(["history", "C-BOB-0007"])
        #expect(contract.contains("CORRECTED by #"))
        #expect(contract.contains("event.corrected"))
        let task = try cli.ok(["history", "T-GOV-14"])
        #expect(task.contains("OVERRIDE of rule DEP-TASKS"))
        let value = try cli.ok(["contract", "export"])
        #expect(value.contains("C-BOB-0007") && value.contains(",125000.00,"))
    }

    @Test("two processes replaying copies of the log write byte-identical projection snapshots")
    func snapshotsAreDeterministic() throws {
        var snapshots: [Data] = []
        for copy in ["copy-a", "copy-b"] {
            let (cli, path) = try copyOfDemo(copy)
            // Without a snapshot to start from, each process replays the whole log and writes one.
            try? FileManager.default.removeItem(atPath: path + "/snapshots")
            try cli.ok(["status", "--log", path])
            snapshots.append(try Data(contentsOf: URL(fileURLWithPath: path + "/snapshots/projections.snapshot")))
        }
        #expect(snapshots[0].count > 10_000)
        #expect(snapshots[0] == snapshots[1], "each process hashes with its own seed; the snapshot must not show it")
    }

    @Test("a query on a log altered after recording is refused, naming the event; verify and the audit pack report it")
    func alteredLogIsRefused() throws {
        let (cli, path) = try copyOfDemo("altered")
        let before = try cli.ok(["status", "--log", path])
        // A contract's annual value edited in the segment file, its hash left as it was.
        let segment = path + "/segments/0000000000000001.jsonl"
        var lines = try String(contentsOfFile: segment, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = try #require(lines.firstIndex { $0.contains("\"type\":\"contract.registered\"") })
        lines[index] = lines[index].replacingOccurrences(of: "\"annualValue\":", with: "\"annualValue\":9")
        try lines.joined(separator: "\n").write(toFile: segment, atomically: false, encoding: .utf8)
        for query in [["status"], ["critical-path"], ["history", "C-BOB-0001"], ["status", "--as-of", "2022-03-01"]] {
            let result = try cli.run(query + ["--log", path])
            #expect(result.status != 0, "\(query) answered from an altered log")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("the log is damaged at \(segment):\(index + 1)"), "\(result.stderr)")
            #expect(result.stderr.contains("modified at sequence \(index + 1)") && result.stderr.contains("run 'transition verify'"))
        }
        let verify = try cli.run(["verify", "--log", path])
        #expect(verify.status != 0 && verify.stdout.contains("FAILED: modified at sequence \(index + 1)"))
        _ = try cli.run(["audit-pack", "--log", path, "--out", cli.directory + "/altered-pack"])
        let verification = try String(contentsOfFile: cli.directory + "/altered-pack/verification.txt", encoding: .utf8)
        #expect(verification.contains("modified at sequence \(index + 1)"))
        // Put back as it was, the log answers as before.
        lines[index] = lines[index].replacingOccurrences(of: "\"annualValue\":9", with: "\"annualValue\":")
        try lines.joined(separator: "\n").write(toFile: segment, atomically: false, encoding: .utf8)
        #expect(try cli.ok(["status", "--log", path]) == before)
    }

    @Test("an unfinished append at the tail is not damage: queries answer without it")
    func unfinishedTailIsNotDamage() throws {
        let (cli, path) = try copyOfDemo("torn")
        let before = try cli.ok(["status", "--log", path])
        let handle = try #require(FileHandle(forWritingAtPath: path + "/segments/0000000000000001.jsonl"))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"seq\":99999,\"id\":\"half-writ".utf8))
        try handle.close()
        #expect(try cli.ok(["status", "--log", path]) == before)
    }

    @Test("log --from, --to and --last select by sequence number, as filtering the whole listing would")
    func logRanges() throws {
        let (cli, _) = try demo()
        let all = try cli.ok(["log"]).split(separator: "\n").map(String.init)
        #expect(all.count > 1_000)
        #expect(try cli.ok(["log", "--last", "5"]).split(separator: "\n").map(String.init) == Array(all.suffix(5)))
        let range = try cli.ok(["log", "--from", "100", "--to", "120"]).split(separator: "\n").map(String.init)
        #expect(range == Array(all[99..<120]))
        let tasks = all.filter { $0.contains("  task.finished  ") }
        let lastTasks = try cli.ok(["log", "--type", "task.finished", "--last", "3"]).split(separator: "\n").map(String.init)
        #expect(lastTasks == Array(tasks.suffix(3)))
        let json = try cli.json(["log", "--from", "5", "--to", "6"]) as? [[String: Any]]
        #expect(json?.compactMap { $0["seq"] as? Int } == [5, 6])
        let backwards = try cli.run(["log", "--from", "9", "--to", "3"])
        #expect(backwards.status == 1 && backwards.stderr.contains("give a range that runs forwards"))
    }
}
