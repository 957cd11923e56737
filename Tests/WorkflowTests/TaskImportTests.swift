import Testing
import TransitionSupport
import Workflow

@Suite struct TaskImportTests {
    /// Every relation type, leads and lags, quoted names with commas, CRLF, a BOM, UK dates, milestones.
    static let goodCSV =
        "\u{FEFF}ID,Task Name,Duration,Predecessors,Workstream,Start No Earlier Than,Finish No Later Than,"
        + "Optimistic,Most Likely,Pessimistic,Milestone,Resource Names\r\n"
        + "1,\"Mobilise, plan and staff the PMO\",5d,,FIN,04/01/2022,,4,5,8,No,PMO\r\n"
        + "2,Draft plan,3 days,1FS+2d,FIN,,,,,,,\r\n"
        + "3,\"Consult \"\"all\"\" staff\",2 wks,\"1SS,2FF-1 day\",GOV,,31/03/2022,,,,,\r\n"
        + "T-PPL-01,Map staff,1 day,3SF+1 wk,,,,,,,,\r\n"
        + "5,Board approval,0,\"T-PPL-01FS+3d; 2\",GOV,2022-05-03,,,,,,\r\n"
        + "6,Go live,0d,5,GOV,,NA,,,,Yes,\r\n"
        + "7,Zero-day task,0,6SS,GOV,,,,,,No,\r\n"

    @Test("a clean export imports with its relations exactly as written")
    func importsCleanSheet() throws {
        let tasks = try TaskImport.parse(csv: TaskImportTests.goodCSV, file: "plan.csv", defaultWorkstream: "PEOPLE")
        #expect(tasks.map(\.id) == ["1", "2", "3", "T-PPL-01", "5", "6", "7"])
        #expect(tasks[0].name == "Mobilise, plan and staff the PMO")
        #expect(tasks[0].duration == 5 && !tasks[0].isMilestone)
        #expect(tasks[0].startNoEarlierThan == CivilDate(year: 2022, month: 1, day: 4))
        #expect(tasks[0].estimate == TaskDefinition.Estimate(optimistic: 4, mostLikely: 5, pessimistic: 8))
        #expect(tasks[0].relations.isEmpty)
        #expect(tasks[1].relations == [.init(task: "1", type: .fs, lag: 2)])
        #expect(tasks[2].name == "Consult \"all\" staff")
        #expect(tasks[2].duration == 10)
        #expect(tasks[2].relations == [.init(task: "1", type: .ss, lag: 0), .init(task: "2", type: .ff, lag: -1)])
        #expect(tasks[2].finishNoLaterThan == CivilDate(year: 2022, month: 3, day: 31))
        #expect(tasks[3].workstream == "PEOPLE")
        #expect(tasks[3].relations == [.init(task: "3", type: .sf, lag: 5)])
        #expect(tasks[4].isMilestone && tasks[4].duration == 0)
        #expect(
            tasks[4].relations == [.init(task: "T-PPL-01", type: .fs, lag: 3), .init(task: "2", type: .fs, lag: 0)])
        #expect(tasks[4].startNoEarlierThan == CivilDate(year: 2022, month: 5, day: 3))
        #expect(tasks[5].isMilestone && tasks[5].finishNoLaterThan == nil)
        #expect(!tasks[6].isMilestone && tasks[6].duration == 0)
        #expect(tasks[6].relations == [.init(task: "6", type: .ss, lag: 0)])
    }

    @Test("errors on several rows, including the last, are all reported and nothing is returned")
    func reportsEveryBadRow() throws {
        let csv = """
            ID,Name,Duration,Predecessors,Workstream,Start No Earlier Than
            1,A,5d,,FIN,
            2,,3x,1XX,FIN,31/02/2022
            3,C,-2,9,FIN,
            4,D,2.5d,4,FIN,
            5,E,5,1FS+3%,FIN,01/02/22
            """
        let error = try #require(importError(csv))
        let found = error.problems.map { "\($0.line):\($0.column ?? 0) \($0.columnName ?? "-")" }
        #expect(
            found == [
                "3:2 Name", "3:3 Duration", "3:4 Predecessors", "3:6 Start No Earlier Than", "4:3 Duration",
                "4:4 Predecessors", "5:3 Duration", "5:4 Predecessors", "6:4 Predecessors", "6:6 Start No Earlier Than",
            ], "\(error)")
        let messages = error.problems.map(\.message)
        #expect(messages[0].contains("no task name"))
        #expect(messages[1].contains("unknown unit 'x'"))
        #expect(messages[2].contains("predecessor '1XX' is not the id of any row"))
        #expect(messages[3].contains("not a real date"))
        #expect(messages[4].contains("negative"))
        #expect(messages[5].contains("'9' is not the id of any row"))
        #expect(messages[6].contains("not a whole number of working days"))
        #expect(messages[7].contains("cannot be its own predecessor"))
        #expect(messages[8].contains("percentage"))
        #expect(messages[9].contains("two-digit year"))
        #expect(error.description.hasPrefix("plan.csv:3:2: error: Name: no task name"))
        #expect(error.description.hasSuffix("10 problems in plan.csv; nothing was imported"))
    }

    @Test("cycles, duplicate ids and unknown predecessors are refused with suggestions")
    func crossRowProblems() throws {
        let csv =
            "ID,Name,Duration,Predecessors,Workstream\n"
            + "A1,A,1,C1,FIN\nB1,B,1,A1,FIN\nC1,C,1,B1,FIN\nB1,Again,1,,FIN\nD1,D,1,C2FS+1d,FIN\n"
        let error = try #require(importError(csv))
        #expect(error.problems.count == 3, "\(error)")
        #expect(
            error.problems[0].line == 3 && error.problems[0].message.contains("dependency cycle A1 -> B1 -> C1 -> A1"))
        #expect(
            error.problems[1].line == 5 && error.problems[1].message.contains("duplicate id 'B1' (first on line 3)"))
        #expect(error.problems[2].line == 6 && error.problems[2].suggestion == "C1")
        #expect(error.problems[2].message.contains("'C2' (in 'C2FS+1d')"))
    }

    @Test("sheet-level problems: missing columns, no workstream, bad CSV")
    func sheetProblems() throws {
        let noName = try #require(importError("ID,Duration\n1,5\n"))
        #expect(noName.problems.map(\.message).first?.contains("missing column 'Name'") == true)
        let noWorkstream = try #require(importError("ID,Name,Duration\n1,A,5\n", workstream: nil))
        #expect(noWorkstream.problems.count == 1)
        #expect(noWorkstream.problems.first?.message.contains("pass --workstream") == true)
        let blankWorkstream = try #require(importError("ID,Name,Duration,Workstream\n1,A,5,\n", workstream: nil))
        #expect(blankWorkstream.problems.first?.column == 4)
        let quote = try #require(importError("ID,Name,Duration\n1,\"A,5\n"))
        #expect(quote.problems.first?.message.contains("unterminated quoted field") == true)
        let tasks = try TaskImport.parse(csv: "ID,Name,Duration\n1,A,5\n", file: "plan.csv", defaultWorkstream: "FIN")
        #expect(tasks == [TaskDefinition(id: "1", name: "A", workstream: "FIN", duration: 5)])
    }

    @Test(
        "durations read as working days",
        arguments: [
            ("5d", 5), ("5 days", 5), ("5 day", 5), ("5", 5), ("0", 0), ("0d", 0), ("2w", 10), ("2 wks", 10),
            ("3 weeks", 15), ("1 wk", 5), ("5 days?", 5), ("1.0d", 1), (" 7 D ", 7),
        ])
    func durations(text: String, days: Int) throws {
        let csv = "ID,Name,Duration,Workstream\n1,A,\"\(text)\",FIN\n"
        let tasks = try TaskImport.parse(csv: csv, file: "plan.csv")
        #expect(tasks.first?.duration == days)
    }

    @Test(
        "durations that are not whole working days are refused",
        arguments: ["2.5d", "5h", "3 edays", "50%", "abc", "-1d", "", "99999999999999999999d", "1 mon", "d"])
    func badDurations(text: String) throws {
        let error = try #require(importError("ID,Name,Duration,Workstream\n1,A,\"\(text)\",FIN\n"))
        #expect(error.problems.count == 1)
        #expect(error.problems.first?.columnName == "Duration")
    }

    @Test("merging replaces only the tasks, and the result loads")
    func merge() throws {
        let csv =
            "ID,Name,Duration,Predecessors,Workstream\n"
            + "T-X,First,4,,FIN\nT-Y,Second,2 days,T-XFS-1d,GOV\nM-GOLIVE,Go live,0,T-Y,GOV\n"
        let tasks = try TaskImport.parse(csv: csv, file: "plan.csv")
        let base = try BaseWorkflow.document
        // The base's rules mention T-A, so point them at an imported task before merging.
        let prepared = base.applying([
            .text("rules[4].require[0].where.equals", "T-X"), .text("dueDiligence.items[1].feeds", "T-Y"),
        ])
        let merged = TaskImport.merge(tasks, into: prepared)
        #expect(merged["programme"] == base["programme"])
        #expect(merged["rules"]?.arrayValue?.count == base["rules"]?.arrayValue?.count)
        let text = JSONWriter.pretty(merged)
        let workflow = try WorkflowLoader.load(bytes: Array(text.utf8), file: "merged.json")
        #expect(workflow.tasks == tasks)
        #expect(workflow.task("T-Y")?.relations == [.init(task: "T-X", type: .fs, lag: -1)])
        #expect(merged["tasks"]?.arrayValue?[2]["milestone"] == .bool(true))
        #expect(TaskImport.merge(tasks, into: .array([])) == .array([]))
    }

    private func importError(_ csv: String, workstream: String? = "FIN") -> TaskImportError? {
        do {
            _ = try TaskImport.parse(csv: csv, file: "plan.csv", defaultWorkstream: workstream)
            return nil
        } catch {
            return error
        }
    }
}
