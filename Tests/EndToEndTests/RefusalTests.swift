import Foundation
import Testing

/// Refused input changes nothing and says why.
@Suite("End to end: refusals leave the log unchanged")
struct RefusalTests {
    @Test("append: bad JSON, a wrong expected sequence and a conflicting idempotency key")
    func appendRefusals() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        let id = "7d0f6a3e-8a43-4c8a-9c4e-2f0c1d9e5b11"
        try cli.ok(["append"], stdin: #"{"type":"note.added","id":"\#(id)","data":{"text":"first"}}"#)
        let before = try cli.logBytes()
        let badJSON = try cli.run(["append"], stdin: #"{"type":"note.added","data":{"#)
        #expect(badJSON.status == 1 && badJSON.stderr.contains("not valid JSON"))
        let wrongSequence = try cli.run(["append", "--expect-seq", "5"], stdin: #"{"type":"note.added","data":{}}"#)
        #expect(wrongSequence.status == 1 && wrongSequence.stderr.contains("ends at 1"))
        let conflict = try cli.run(["append"], stdin: #"{"type":"note.added","id":"\#(id)","data":{"text":"changed"}}"#)
        #expect(conflict.status == 1 && conflict.stderr.contains("already recorded (sequence 1) with different content"))
        #expect(try cli.logBytes() == before)
        let same = try cli.ok(["append"], stdin: #"{"type":"note.added","id":"\#(id)","data":{"text":"first"}}"#)
        #expect(same.contains("already recorded"))
        #expect(try cli.logBytes() == before)
        let usage = try cli.run(["append", "--expect-sequence", "1"])
        #expect(usage.status == 2 && usage.stderr.contains("did you mean '--expect-seq'"))
    }

    @Test("import: a staff list with an error on its last line is refused whole, naming line and column")
    func importRefusal() throws {
        let cli = try CLI()
        try cli.ok(["init", "--workflow", CompleteTransitionTests.workflow, "--as", "Director"], role: "programme-director")
        let before = try cli.logBytes()
        let csv = "Person ID,Post,Organisation,Target Post,Consultation Group,Employment\r\n"
            + "E1,Officer,NORTH-CCG,ICB Officer,G-NORTH,permanent\r\n"
            + "E2,Officer,NORTH-CCG,ICB Officer,G-NORHT,permanent"
        let result = try cli.run(["staff", "import", try cli.write("staff.csv", csv)], role: "pmo")
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 3, column 5 (Consultation Group): unknown consultation group 'G-NORHT'; did you mean 'G-NORTH'?"))
        #expect(result.stderr.contains("nothing was imported"))
        #expect(try cli.logBytes() == before)
        // The help says what the file must hold before anyone has to learn it from refusals.
        let help = try cli.ok(["help", "staff", "import"]).replacingOccurrences(of: "\n", with: " ")
        for phrase in ["Person ID (required): a unique id", "Consultation Group (required)", "permanent, fixed-term", "Fixed Term End: YYYY-MM-DD or DD/MM/YYYY"] {
            #expect(help.replacingOccurrences(of: "  ", with: " ").contains(phrase), "\(phrase)")
        }
    }

    @Test("init --workflow begins the programme in a log made by a plain init, and is refused once the log holds events")
    func initialiseExistingLog() throws {
        let cli = try CLI()
        try cli.ok(["init"])
        let before = try cli.run(["status"])
        #expect(before.status == 1 && before.stderr.contains("has no programme yet; run 'transition init --log \(cli.log) --workflow FILE'"))
        let resized = try cli.run(["init", "--workflow", CompleteTransitionTests.workflow, "--segment-bytes", "4096"])
        #expect(resized.status == 1 && resized.stderr.contains("fixed when it was created; leave out --segment-bytes"))
        let output = try cli.ok(["init", "--workflow", CompleteTransitionTests.workflow, "--as", "Director"], role: "programme-director")
        #expect(output.contains("using the empty event log at"))
        // Today is long past the 2022 statutory date of the test workflow.
        #expect(try cli.ok(["status"]).contains(" days ago)   forecast go-live"))
        let recorded = try cli.logBytes()
        let again = try cli.run(["init", "--workflow", CompleteTransitionTests.workflow, "--as", "Director"], role: "programme-director")
        #expect(again.status == 1 && again.stderr.contains("already holds 2 events, and a programme starts only in an empty log"))
        #expect(try cli.logBytes() == recorded)
        let plain = try cli.run(["init"])
        #expect(plain.status == 1 && plain.stderr.contains("an event log already exists"))
    }

    @Test("a workflow with problems is refused by init before any log is created")
    func badWorkflow() throws {
        let cli = try CLI()
        let broken = try cli.write("broken.json", #"{"format": "transition.workflow/1", "programme": {"id": "x"}}"#)
        let result = try cli.run(["init", "--workflow", broken])
        #expect(result.status == 1 && result.stderr.contains("broken.json"))
        #expect(!FileManager.default.fileExists(atPath: cli.log))
        let check = try cli.run(["workflow", "check", broken])
        #expect(check.status == 1 && check.stderr.contains("error:"))
    }
}
