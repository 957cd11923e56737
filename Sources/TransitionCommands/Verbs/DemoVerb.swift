import CommandLineParsing
import EventLog
import Foundation
import Reports
import TransitionKit
import TransitionSupport

/// `transition demo`: builds a fresh BOB 2022 history and shows the status screen mid-programme.
enum DemoVerb {
    static let command = Command(
        spec: CommandSpec(
            name: "demo", abstract: "Build a realistic history of the BOB 2022 transition into a fresh log and show its status.",
            discussion: "Replaces the demo log (default EventLog/demo) with a new one and records October 2021 to July 2022 day by day through the same checks a user meets: the statutory date moving from 1 April to 1 July 2022 with a re-baseline, checklist progress, staff consultation and transfer, contract mechanisms and novations, ROS versions, refused attempts, an authorised override and a late-recorded correction. Then prints the status as of 16 May 2022 and what to try next.",
            options: [
                OptionSpec(name: "log", valueName: "DIR", help: "Where to build the demo log (default EventLog/demo)."),
                OptionSpec(name: "workflow", valueName: "FILE", help: "The BOB workflow (default Workflows/bob-ccg-to-icb-2022.json)."),
                OptionSpec(name: "as-of", valueName: "DATE", help: "The date of the status screen shown at the end (default 2022-05-16)."),
            ])
    ) { invocation, console in
        let path = invocation.command.value("log") ?? "EventLog/demo"
        let workflowPath = invocation.command.value("workflow") ?? "Workflows/bob-ccg-to-icb-2022.json"
        guard FileManager.default.fileExists(atPath: workflowPath) else {
            throw InputError(location: workflowPath, message: "the BOB workflow was not found; run the demo from the repository's top folder or give --workflow FILE")
        }
        if FileManager.default.fileExists(atPath: path + "/log.json") {
            try FileManager.default.removeItem(atPath: path)
        }
        let log = try EventLog.create(at: path)
        var script = try DemoScript(programme: Programme(log: log), workflowPath: workflowPath)
        console.error("building the BOB 2022 demo history in \(path) (October 2021 to July 2022)…")
        let summary = try script.run { console.error("  \($0)") }
        let report = try log.verify()
        console.line("Demo log \(path): \(summary.events) events over \(summary.days) working days; chain intact: \(report.isValid ? "yes" : "NO")")
        console.line(script.signingNote)
        console.line("Events the rules held back and retried on later days: \(summary.heldBack)")
        for (reason, count) in summary.heldBackByReason.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }).prefix(8) {
            console.line("  \(count)× \(reason)")
        }
        console.line("Attempts the rules refused (nothing appended):")
        for refusal in summary.refusals { console.line("  \(refusal)") }
        console.line("")
        let asOfText = invocation.command.value("as-of") ?? "2022-05-16"
        let asOf = try TimeArgument.parse(asOfText, option: "as-of", date: .endOfDay)
        let view = try Programme(log: log).view(asOf: asOf)
        let schedule = try ScheduleService.schedule(view)
        let check = try RuleService.check(view)
        let status = StatusReport.make(state: view.state, workflow: view.workflow, schedule: schedule, check: check, asOf: view.dataDate, head: view.head.description)
        let colour = Console.isTerminal && (invocation.environment["NO_COLOR"] ?? "").isEmpty
        for line in status.text(colour: colour) { console.line(line) }
        console.line("")
        console.line("Try next (add --log \(path), or export TRANSITION_LOG=\(path)):")
        for example in [
            "transition status --as-of 2022-07-29", "transition critical-path --as-of 2022-03-01 --baseline 1",
            "transition check --as-of 2022-05-16", "transition history E10090", "transition history C-BOB-0007",
            "transition staff list --as-of 2022-07-10 --effective 2022-07-01", "transition risk --seed 7",
            "transition verify --anchor \(summary.head)",
        ] {
            console.line("  \(example)")
        }
        return report.isValid ? 0 : 1
    }
}
