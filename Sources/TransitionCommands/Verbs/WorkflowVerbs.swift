import CommandLineParsing
import EventLog
import Foundation
import TransitionKit
import TransitionSupport
import Workflow

/// `workflow check|show|revise|import-tasks`: working with transition definitions.
enum WorkflowVerbs {
    static let check = Command(
        spec: CommandSpec(
            name: "check", abstract: "Validate a workflow file and report every problem at once.",
            discussion: "Prints FILE:LINE:COLUMN: error: PATH: reason for each problem (with a suggestion where one is likely), then exits 1; exits 0 when the file is valid.",
            positionals: [PositionalSpec(name: "file", help: "The workflow JSON file.")],
            examples: ["transition workflow check Workflows/bob-ccg-to-icb-2022.json"])
    ) { invocation, console in
        let path = invocation.command.positional("file") ?? ""
        do {
            let workflow = try WorkflowLoader.load(path: path)
            console.line("ok: \(path) is a valid workflow (\(workflow.tasks.count) tasks, \(workflow.dueDiligence.items.count) due-diligence items, \(workflow.rules.count) rules)")
            return 0
        } catch {
            console.error("\(error)")
            return 1
        }
    }

    static let show = Command(
        spec: CommandSpec(
            name: "show", abstract: "Summarise a workflow: dates, organisations, workstreams with SROs, counts.",
            options: [CommonOptions.log],
            positionals: [PositionalSpec(name: "file", help: "A workflow file; without it, the version in force in the log.", isOptional: true)])
    ) { invocation, console in
        let workflow: WorkflowDefinition
        if let path = invocation.command.positional("file") {
            workflow = try WorkflowLoader.load(path: path)
        } else {
            workflow = try Programme.open(at: invocation.logPath).view().workflow
        }
        console.write(WorkflowSummary.render(workflow))
        return 0
    }

    static let revise = Command(
        spec: CommandSpec(
            name: "revise", abstract: "Record a new version of the programme's workflow.",
            discussion: "The new version's full content and SHA-256 go into the log; replay uses the old version before this event and the new one after it. The file on disk is never read again.",
            options: [CommonOptions.log, CommonOptions.actor, CommonOptions.role, CommonOptions.reason],
            positionals: [PositionalSpec(name: "file", help: "The revised workflow file.")],
            examples: ["transition workflow revise Workflows/bob-ccg-to-icb-2022.json --reason \"add POD delegation tasks\" --as PMO --role programme-director"])
    ) { invocation, console in
        let actor = try invocation.requiredActor()
        let programme = try Programme.open(at: invocation.logPath)
        let result = try programme.revise(
            workflowPath: invocation.command.positional("file") ?? "", actor: actor, role: invocation.role,
            reason: invocation.command.value("reason") ?? "")
        RecordingOutput.report(result, console: &console)
        return 0
    }

    static let group = Command(
        spec: CommandSpec(name: "workflow", abstract: "Check, show, revise and import workflows."),
        children: [check, show, revise, importTasks])
}

extension ProgrammeVerbs {
    /// `init --workflow`: the programme's first event.
    static func initialise(log: EventLog, workflowPath: String, invocation: Invocation, console: inout Console) throws -> Int32 {
        let programme = Programme(log: log)
        let result = try programme.initialise(
            workflowPath: workflowPath, actor: invocation.actor ?? "programme office", role: invocation.role,
            reason: invocation.command.value("reason"))
        RecordingOutput.report(result, console: &console)
        return 0
    }
}

/// Verbs about the programme as a whole.
enum ProgrammeVerbs {}
