import CommandLineParsing
import Foundation
import Reports
import TransitionKit
import TransitionSupport

/// `transition report --html FILE`: the printable, self-contained status pack for boards, built
/// from the same view, schedule and checks as `status` so the two never disagree.
enum ReportVerb {
    static let command = Command(
        spec: CommandSpec(
            name: "report", abstract: "Write a self-contained HTML status report with a Gantt chart (prints on A3).",
            discussion: "One HTML file with inline CSS and SVG only (no scripts or links), so it opens offline. Shows the forecast and slip, a Gantt of every task with the critical path, baseline bars and the data and statutory dates, RAG by workstream, the checklist, transfers, ROS, open violations and residue. The footer names the log head. Same log and arguments give the same bytes.",
            options: [
                CommonOptions.log, CommonOptions.asOf,
                OptionSpec(name: "html", valueName: "FILE", help: "Write the HTML report to FILE (required)."),
                OptionSpec(name: "workstream", valueName: "ID", help: "Only this workstream's tasks, RAG and checklist."),
                OptionSpec(name: "baseline", valueName: "N", help: "Draw baseline N under the bars (default: the latest baseline)."),
            ],
            examples: ["transition report --html status.html --log EventLog/demo --as-of 2022-05-16"])
    ) { invocation, console in
        guard let path = invocation.command.value("html") else {
            throw InputError(location: "--html", message: "say where to write the report with --html FILE")
        }
        let view = try ScheduleVerbs.view(invocation)
        let workstream = invocation.command.value("workstream")
        if let workstream, !view.workflow.workstreams.contains(where: { $0.id == workstream }) {
            let hint = Suggestion.hint(for: workstream, in: view.workflow.workstreams.map(\.id))
            throw InputError(location: "--workstream", message: "unknown workstream '\(workstream)'\(hint)")
        }
        let baselines = ScheduleService.baselines(in: view)
        var baseline = baselines.last
        if let number = try invocation.integer("baseline") {
            guard let chosen = baselines.first(where: { $0.number == number }) else {
                let known = baselines.isEmpty ? "none" : baselines.map { String($0.number) }.joined(separator: ", ")
                throw InputError(location: "--baseline", message: "there is no baseline \(number); recorded baselines: \(known)")
            }
            baseline = chosen
        }
        let schedule = try ScheduleService.schedule(view)
        let check = try RuleService.check(view)
        let status = StatusReport.make(
            state: view.state, workflow: view.workflow, schedule: schedule, check: check, asOf: view.dataDate, head: view.head.description,
            workstream: workstream)
        let html = HTMLReport.render(
            state: view.state, workflow: view.workflow, schedule: schedule, baseline: baseline, check: check, status: status,
            asOf: view.dataDate, head: view.head.description, workstream: workstream, toolVersion: SystemIdentity.toolVersion)
        let data = Data(html.utf8)
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            throw InputError(location: "--html", message: "cannot write '\(path)'")
        }
        console.line("wrote \(path) (\(data.count) bytes)")
        return 0
    }
}
