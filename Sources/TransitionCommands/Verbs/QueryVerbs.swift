import CommandLineParsing
import Foundation
import Projections
import Reports
import TransitionKit
import TransitionSupport

/// The query verbs: registers as tables, JSON or CSV; imports; and the status screen.
enum QueryVerbs {
    static let queryOptions: [OptionSpec] = [
        CommonOptions.log, CommonOptions.asOf,
        OptionSpec(name: "effective", valueName: "DATE", help: "Only facts effective on or before this business date (with --as-of: as known then)."),
        CommonOptions.json,
    ]

    static func list(
        _ group: String, abstract: String, extra: [OptionSpec] = [],
        render: @escaping @Sendable (ProgrammeView, Invocation) throws -> (text: [String], json: JSONValue)
    ) -> Command {
        Command(spec: CommandSpec(name: "list", abstract: abstract, options: queryOptions + extra)) { invocation, console in
            let view = try ScheduleVerbs.view(invocation)
            let output = try render(view, invocation)
            if invocation.command.flag("json") {
                console.write(JSONWriter.pretty(output.json))
            } else {
                for line in output.text { console.line(line) }
            }
            return 0
        }
    }

    static func export(_ group: String, csv: @escaping @Sendable (TransitionState) -> (header: [String], rows: [[String]])) -> Command {
        Command(
            spec: CommandSpec(
                name: "export", abstract: "Export the register as CSV (opens in Excel).",
                options: [
                    CommonOptions.log, CommonOptions.asOf,
                    OptionSpec(name: "effective", valueName: "DATE", help: "Only facts effective on or before this business date."),
                    OptionSpec(name: "out", valueName: "FILE", help: "Write to FILE (default: standard output)."),
                ])
        ) { invocation, console in
            let view = try ScheduleVerbs.view(invocation)
            let table = csv(view.state)
            let text = CSVWriter.write(header: table.header, rows: table.rows, byteOrderMark: invocation.command.value("out") != nil)
            if let out = invocation.command.value("out") {
                guard FileManager.default.createFile(atPath: out, contents: Data(text.utf8)) else {
                    throw InputError(location: "--out", message: "cannot write '\(out)'")
                }
                console.line("wrote \(table.rows.count) rows to \(out)")
            } else {
                console.write(text)
            }
            return 0
        }
    }

    static func importCommand(_ kind: RegisterKind, example: String) -> Command {
        Command(
            spec: CommandSpec(
                name: "import", abstract: "Import a \(kind.rawValue) register from CSV as one atomic batch.",
                discussion: "Every row is validated first; any error names its line and column and the whole import is refused with nothing appended. A good file is checked against the rules and written as one batch with one fsync. \(kind.columnHelp)",
                options: [CommonOptions.log, CommonOptions.actor, CommonOptions.role],
                positionals: [PositionalSpec(name: "file", help: "The CSV file (UTF-8, Excel's BOM and CRLF accepted).")],
                examples: [example])
        ) { invocation, console in
            let actor = try invocation.requiredActor()
            var progress: [String] = []
            let result = try Programme.open(at: invocation.logPath).importRegister(
                kind, path: invocation.command.positional("file") ?? "", actor: actor, role: invocation.role) { progress.append($0) }
            for line in progress { console.error(line) }
            console.line("imported \(result.appended.count) rows as events \(result.appended.first?.sequence ?? 0)–\(result.appended.last?.sequence ?? 0) in one batch")
            console.line("head \(result.head)")
            return 0
        }
    }

    static let extras: [String: [Command]] = [
        "dd": [
            list("dd", abstract: "The due-diligence checklist: counts by category and status, overdue, missing evidence.", extra: [
                OptionSpec(name: "category", valueName: "ID", help: "Only this category."),
                OptionSpec(name: "workstream", valueName: "ID", help: "Only this workstream."),
            ]) { view, invocation in
                (RegisterReports.dueDiligence(view.state, workflow: view.workflow, asOf: view.dataDate, category: invocation.command.value("category"), workstream: invocation.command.value("workstream")),
                 view.state.dueDiligence.json())
            },
            export("dd", csv: RegisterReports.dueDiligenceCSV),
        ],
        "staff": [
            list("staff", abstract: "The staff register by source organisation and stage; consultation groups.") { view, _ in
                (RegisterReports.staff(view.state, workflow: view.workflow), view.state.staff.json())
            },
            importCommand(.staff, example: "transition staff import staff.csv --as \"HR lead\" --role hr-lead"),
            export("staff", csv: RegisterReports.staffCSV),
        ],
        "contract": [
            list("contract", abstract: "The contract register by mechanism and stage; annual value by organisation.") { view, _ in
                (RegisterReports.contracts(view.state, workflow: view.workflow), view.state.contracts.json())
            },
            importCommand(.contracts, example: "transition contract import contracts.csv --as \"Contracts lead\" --role contracts-lead"),
            export("contract", csv: RegisterReports.contractsCSV),
        ],
        "asset": [
            list("asset", abstract: "Property, leases, liabilities and claims.") { view, _ in
                (RegisterReports.assets(view.state), view.state.assets.json())
            },
            importCommand(.assets, example: "transition asset import assets.csv --as \"Estates lead\" --role sro-estates"),
            export("asset", csv: RegisterReports.assetsCSV),
        ],
        "ros": [
            Command(spec: CommandSpec(name: "show", abstract: "The current ROS version: sections, signatures, submission, feedback.", options: queryOptions)) { invocation, console in
                let view = try ScheduleVerbs.view(invocation)
                if invocation.command.flag("json") {
                    console.write(JSONWriter.pretty(view.state.readiness.json()))
                } else {
                    for line in RegisterReports.readiness(view.state, workflow: view.workflow) { console.line(line) }
                }
                return 0
            }
        ],
        "task": [
            list("task", abstract: "Recorded progress of every task.") { view, _ in
                (RegisterReports.tasks(view.state, workflow: view.workflow), view.state.tasks.json())
            }
        ],
    ]

    static let status = Command(
        spec: CommandSpec(
            name: "status", abstract: "One screen for SROs: forecast, RAG by workstream, checklist, transfers, ROS, residue, blockers.",
            discussion: "RAG: RED when go-live is forecast late and the workstream has a critical task, or a blocking rule violation concerns it; AMBER when it has critical/near-critical or overdue work; GREEN otherwise. Colour only on a terminal with NO_COLOR unset.",
            options: queryOptions + [OptionSpec(name: "workstream", valueName: "ID", help: "Only this workstream.")],
            examples: ["transition status --log EventLog/demo --as-of 2022-05-16"])
    ) { invocation, console in
        let view = try ScheduleVerbs.view(invocation)
        let schedule = try ScheduleService.schedule(view)
        let check = try RuleService.check(view)
        let report = StatusReport.make(
            state: view.state, workflow: view.workflow, schedule: schedule, check: check, asOf: view.dataDate, head: view.head.description,
            workstream: invocation.command.value("workstream"))
        if invocation.command.flag("json") {
            console.write(JSONWriter.pretty(view.state.json()))
            return 0
        }
        let colour = Console.isTerminal && (invocation.environment["NO_COLOR"] ?? "").isEmpty
        for line in report.text(colour: colour) { console.line(line) }
        return 0
    }
}
