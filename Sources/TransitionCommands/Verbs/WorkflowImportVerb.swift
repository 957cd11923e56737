import CommandLineParsing
import Foundation
import TransitionKit
import TransitionSupport
import Workflow

extension WorkflowVerbs {
    static let importTasks = Command(
        spec: CommandSpec(
            name: "import-tasks", abstract: "Replace a workflow's tasks with a task list exported from MS Project, Smartsheet or Excel.",
            discussion: "Reads columns ID, Name, Duration (5d, 5 days, 0), Predecessors in MS Project notation (3, 12FS+3d, 7SS, 4FF-1 day, 9SF), and optionally Workstream, Start No Earlier Than, Finish No Later Than, Optimistic, Most Likely, Pessimistic. Every bad row is reported by line and column and nothing is written; the merged workflow is validated before it is saved.",
            options: [
                OptionSpec(name: "into", valueName: "WORKFLOW.json", help: "The workflow file to update (required)."),
                OptionSpec(name: "workstream", valueName: "ID", help: "Workstream for rows that give none."),
                OptionSpec(name: "out", valueName: "FILE", help: "Write the result here instead of overwriting --into."),
            ],
            positionals: [PositionalSpec(name: "file", help: "The CSV task list.")],
            examples: ["transition workflow import-tasks plan.csv --into Workflows/my-programme.json --workstream GOV"])
    ) { invocation, console in
        let csvPath = invocation.command.positional("file") ?? ""
        guard let target = invocation.command.value("into") else {
            throw InputError(location: "--into", message: "name the workflow file to update with --into WORKFLOW.json")
        }
        guard let csv = FileManager.default.contents(atPath: csvPath) else {
            throw InputError(location: csvPath, message: "cannot read the task list; check the path")
        }
        guard let workflowData = FileManager.default.contents(atPath: target) else {
            throw InputError(location: target, message: "cannot read the workflow file; check the path")
        }
        let tasks = try TaskImport.parse(csv: [UInt8](csv), file: csvPath, defaultWorkstream: invocation.command.value("workstream"))
        let document: JSONValue
        do {
            document = try JSONParser.parse([UInt8](workflowData))
        } catch {
            throw InputError(location: target, message: "\(error)")
        }
        let merged = TaskImport.merge(tasks, into: document)
        let definition = try WorkflowLoader.load(json: merged, file: "\(target) (with tasks from \(csvPath))")
        let out = invocation.command.value("out") ?? target
        guard FileManager.default.createFile(atPath: out, contents: Data(JSONWriter.pretty(merged).utf8)) else {
            throw InputError(location: out, message: "cannot write the workflow file")
        }
        let relations = definition.tasks.reduce(0) { $0 + $1.relations.count }
        console.line("imported \(tasks.count) tasks with \(relations) relations from \(csvPath) into \(out); the workflow is valid")
        return 0
    }
}
