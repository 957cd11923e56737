import CommandLineParsing
import EventLog
import Reports
import Schedule
import TransitionKit
import TransitionSupport

/// `critical-path`, `what-if`, `schedule-check`, `risk`, `baseline` and `programme change-date`.
enum ScheduleVerbs {
    static func view(_ invocation: Invocation) throws -> ProgrammeView {
        try view(invocation, of: Programme.open(at: invocation.logPath))
    }

    /// The view the invocation's `--as-of` and `--effective` options ask for.
    static func view(_ invocation: Invocation, of programme: Programme) throws -> ProgrammeView {
        try programme.view(asOf: try invocation.time("as-of", date: .endOfDay), effectiveOn: try invocation.date("effective"))
    }

    static let criticalPath = Command(
        spec: CommandSpec(
            name: "critical-path", abstract: "Show the critical path to the statutory date, with float.",
            discussion: "Schedules the workflow in force with recorded progress as of the data date (the --as-of date, else the last event's). Critical and near-critical tasks by default; --all lists every task. --baseline N adds each task's variance against baseline N.",
            options: [
                CommonOptions.log, CommonOptions.asOf,
                OptionSpec(name: "workstream", valueName: "ID", help: "Only tasks of this workstream."),
                OptionSpec(name: "all", help: "List every task, not only critical and near-critical ones."),
                OptionSpec(name: "baseline", valueName: "N", help: "Show variance against baseline N."),
                CommonOptions.json,
            ],
            examples: ["transition critical-path --log EventLog/demo --as-of 2022-05-16", "transition critical-path --baseline 1 --all --json"])
    ) { invocation, console in
        let view = try view(invocation)
        let result = try ScheduleService.schedule(view)
        let workstream = invocation.command.value("workstream")
        if let workstream, !view.workflow.workstreams.contains(where: { $0.id == workstream }) {
            let hint = Suggestion.hint(for: workstream, in: view.workflow.workstreams.map(\.id))
            throw InputError(location: "--workstream", message: "unknown workstream '\(workstream)'\(hint)")
        }
        var variance: [TaskVariance]?
        var baselineNumber: Int?
        if let number = try invocation.integer("baseline") {
            let baselines = ScheduleService.baselines(in: view)
            guard let baseline = baselines.first(where: { $0.number == number }) else {
                throw InputError(location: "--baseline", message: "there is no baseline \(number); recorded baselines: \(baselines.map { String($0.number) }.joined(separator: ", "))")
            }
            variance = baseline.variance(of: result, calendar: ScheduleBridge.calendar(for: view.workflow))
            baselineNumber = number
        }
        if invocation.command.flag("json") {
            var json = CriticalPathReport.json(result, workstream: workstream)
            if let variance, case .object(var object) = json {
                object["baseline"] = .int(baselineNumber ?? 0)
                object["variance"] = .array(variance.map { item in
                    .object([
                        "task": .string(item.task), "baselineStart": .string(item.baselineStart.description),
                        "baselineFinish": .string(item.baselineFinish.description), "start": .string(item.start.description),
                        "finish": .string(item.finish.description), "startVariance": .int(item.startVariance),
                        "finishVariance": .int(item.finishVariance),
                    ])
                })
                json = .object(object)
            }
            console.write(JSONWriter.pretty(json))
            return 0
        }
        for line in CriticalPathReport.text(result, all: invocation.command.flag("all"), workstream: workstream) { console.line(line) }
        if let variance, let baselineNumber {
            console.line("")
            console.line("variance against baseline \(baselineNumber) (working days; positive = later than baselined):")
            var table = TextTable(headers: ["task", "baseline finish", "forecast finish", "finish variance"], numericColumns: [3])
            let shown = invocation.command.flag("all") ? variance : variance.filter { $0.finishVariance != 0 }
            for item in shown where workstream == nil || result.task(item.task)?.workstream == workstream {
                table.append([item.task, item.baselineFinish.description, item.finish.description, signed(item.finishVariance)])
            }
            for line in table.render(indent: "  ") { console.line(line) }
            if shown.isEmpty { console.line("  no task differs from the baseline") }
        }
        return 0
    }

    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : String(value) }

    static let whatIf = Command(
        spec: CommandSpec(
            name: "what-if", abstract: "Show the forecast if tasks were delayed, without recording anything.",
            options: [
                CommonOptions.log, CommonOptions.asOf,
                OptionSpec(name: "delay", valueName: "TASK=DAYS", help: "Delay a task by DAYS working days.", isRepeatable: true),
                CommonOptions.json,
            ],
            examples: ["transition what-if --delay T-PPL-05=10 --delay T-FIN-03=5"])
    ) { invocation, console in
        let view = try view(invocation)
        var delays: [String: Int] = [:]
        for text in invocation.command.values("delay") {
            let parts = text.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let days = Int(parts[1]) else {
                throw InputError(location: "--delay", message: "'\(text)' must look like TASK=DAYS, e.g. T-PPL-05=10")
            }
            let task = String(parts[0])
            guard view.workflow.tasks.contains(where: { $0.id == task }) else {
                let hint = Suggestion.hint(for: task, in: view.workflow.tasks.map(\.id))
                throw InputError(location: "--delay", message: "unknown task '\(task)'\(hint)")
            }
            delays[task, default: 0] += days
        }
        guard !delays.isEmpty else { throw InputError(location: "--delay", message: "give at least one --delay TASK=DAYS") }
        let input = ScheduleService.input(for: view)
        let before = try CriticalPathScheduler.schedule(input)
        let after = try CriticalPathScheduler.schedule(try input.delaying(delays))
        let newlyCritical = after.criticalPath.filter { id in before.task(id)?.isCritical == false }
        if invocation.command.flag("json") {
            console.write(JSONWriter.pretty(.object([
                "delays": .object(JSONObject(uniqueSorted: delays.mapValues { .int($0) })),
                "before": .object(["forecastGoLive": before.forecastGoLive.map { .string($0.description) } ?? .null, "slipDays": before.slipDays.map { .int($0) } ?? .null]),
                "after": CriticalPathReport.json(after),
                "newlyCritical": .array(newlyCritical.map { .string($0) }),
            ])))
            return 0
        }
        console.line("what if: " + delays.sorted { $0.key < $1.key }.map { "\($0.key) +\($0.value)d" }.joined(separator: ", ") + " (nothing recorded)")
        console.line("before: " + CriticalPathReport.headline(before))
        console.line("after:  " + CriticalPathReport.headline(after))
        console.line(newlyCritical.isEmpty ? "no task becomes critical" : "becomes critical: " + newlyCritical.joined(separator: ", "))
        console.line("")
        for line in CriticalPathReport.text(after, all: false) { console.line(line) }
        return 0
    }

    static let scheduleCheck = Command(
        spec: CommandSpec(
            name: "schedule-check", abstract: "Assess schedule quality (DCMA 14-point style): counts, thresholds, pass/fail.",
            options: [CommonOptions.log, CommonOptions.asOf, CommonOptions.json])
    ) { invocation, console in
        let view = try view(invocation)
        let input = ScheduleService.input(for: view)
        let result = try CriticalPathScheduler.schedule(input)
        var baselineResult: ScheduleResult?
        if let first = ScheduleService.baselines(in: view).first {
            baselineResult = BaselineSchedule.result(first, like: result, calendar: input.calendar)
        }
        let checks = ScheduleQuality.assess(input, result: result, baseline: baselineResult)
        if invocation.command.flag("json") {
            console.write(JSONWriter.pretty(ScheduleCheckReport.json(checks)))
        } else {
            for line in ScheduleCheckReport.text(checks) { console.line(line) }
        }
        return checks.allSatisfy(\.passed) ? 0 : 1
    }

    static let risk = Command(
        spec: CommandSpec(
            name: "risk", abstract: "Monte Carlo go-live forecast from the three-point estimates.",
            discussion: "Samples each estimated task's duration (PERT-beta by default, or triangular), reschedules, and reports P50/P80/P95 go-live dates, the probability of meeting the statutory date and each task's criticality index. The same --seed gives the same result.",
            options: [
                CommonOptions.log, CommonOptions.asOf,
                OptionSpec(name: "iterations", valueName: "N", help: "Number of runs (default 10000)."),
                OptionSpec(name: "seed", valueName: "S", help: "Random seed (default 2022)."),
                OptionSpec(name: "distribution", valueName: "pert|triangular", help: "Duration distribution (default pert)."),
                CommonOptions.json,
            ])
    ) { invocation, console in
        let view = try view(invocation)
        let iterations = try invocation.integer("iterations") ?? 10_000
        guard iterations > 0 else { throw InputError(location: "--iterations", message: "must be positive") }
        let seedText = invocation.command.value("seed") ?? "2022"
        guard let seed = UInt64(seedText) else { throw InputError(location: "--seed", message: "'\(seedText)' is not a non-negative whole number") }
        let distributionText = invocation.command.value("distribution") ?? "pert"
        guard let distribution = EstimateDistribution(rawValue: distributionText) else {
            throw InputError(location: "--distribution", message: "must be pert or triangular")
        }
        let input = ScheduleService.input(for: view)
        let analysis = try MonteCarlo.analyse(input, iterations: iterations, seed: seed, distribution: distribution)
        if invocation.command.flag("json") {
            console.write(JSONWriter.pretty(RiskReport.json(analysis, statutoryDate: input.statutoryDate)))
        } else {
            for line in RiskReport.text(analysis, statutoryDate: input.statutoryDate) { console.line(line) }
        }
        return 0
    }

    static let baseline = Command(
        spec: CommandSpec(
            name: "baseline", abstract: "Take a baseline of the current schedule.",
            options: [
                CommonOptions.log, CommonOptions.actor, CommonOptions.role,
                OptionSpec(name: "label", valueName: "TEXT", help: "What the baseline marks."),
            ])
    ) { invocation, console in
        let actor = try invocation.requiredActor()
        let result = try Programme.open(at: invocation.logPath).takeBaseline(
            label: invocation.command.value("label") ?? "baseline", actor: actor, role: invocation.role)
        RecordingOutput.report(result, console: &console)
        return 0
    }

    static let changeDate = Command(
        spec: CommandSpec(
            name: "change-date", abstract: "Move the statutory go-live date (and re-baseline against it).",
            options: [
                CommonOptions.log, CommonOptions.actor, CommonOptions.role, CommonOptions.reason,
                OptionSpec(name: "to", valueName: "DATE", help: "The new statutory date (required)."),
                OptionSpec(name: "authority", valueName: "TEXT", help: "Who decided it (required), e.g. \"NHS England\"."),
                OptionSpec(name: "evidence", valueName: "FILE", help: "The letter or decision (fingerprinted if a file).", isRepeatable: true),
            ],
            examples: ["transition programme change-date --to 2022-07-01 --authority \"NHS England\" --reason \"letter of 24 December 2021\" --as PMO --role programme-director"])
    ) { invocation, console in
        let actor = try invocation.requiredActor()
        guard let date = try invocation.date("to") else { throw InputError(location: "--to", message: "give the new statutory date") }
        guard let authority = invocation.command.value("authority") else {
            throw InputError(location: "--authority", message: "say who decided the change")
        }
        let evidence = try invocation.command.values("evidence").map(RecordingCommands.evidenceReference)
        let result = try Programme.open(at: invocation.logPath).changeStatutoryDate(
            to: date, authority: authority, reason: invocation.command.value("reason") ?? "", actor: actor, role: invocation.role,
            evidence: evidence)
        RecordingOutput.report(result, console: &console)
        return 0
    }
}
