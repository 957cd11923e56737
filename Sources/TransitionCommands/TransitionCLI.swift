import CommandLineParsing

/// The `transition` command line: parses arguments, runs the chosen verb, maps errors to exit codes.
///
/// Exit codes are part of the interface: 0 success, 1 a check failed or an input/event was refused,
/// 2 the command line itself was wrong. Results go to standard output, messages to standard error.
public enum TransitionCLI {
    static let root = Command(
        spec: CommandSpec(
            name: "transition",
            abstract: "Run an NHS organisational transition as an event-sourced workflow.",
            discussion: "Records what the transition group does in an append-only, hash-chained event log, and shows SROs and auditors the state, critical path and history it implies.",
            examples: ["transition init --log EventLog/main", "transition verify --log EventLog/main"]),
        children: [
            DemoVerb.command, LogVerbs.initCommand, WorkflowVerbs.group, ReportVerb.command,
        ] + RecordingCommands.groups(extra: QueryVerbs.extras) + [
            Command(
                spec: CommandSpec(name: "programme", abstract: "Move the statutory date and take baselines."),
                children: [ScheduleVerbs.changeDate, ScheduleVerbs.baseline]),
            QueryVerbs.status, ScheduleVerbs.criticalPath, ScheduleVerbs.whatIf, ScheduleVerbs.scheduleCheck, ScheduleVerbs.risk,
            RuleVerbs.check, RuleVerbs.why, AuditVerbs.history, AuditVerbs.correct, AuditVerbs.retract,
            AuditPackVerb.command, LogVerbs.append, LogVerbs.log, LogVerbs.verify, LogVerbs.head,
        ])

    /// Runs one command line (without the program name) and returns the exit status.
    public static func run(_ arguments: [String], environment: [String: String]) -> Int32 {
        var console = Console()
        defer { console.flush() }
        do {
            switch try CommandLineParser.parse(arguments, root: root.spec) {
            case .help(let text):
                console.line(text)
                return ExitCode.success.rawValue
            case .command(let parsed):
                guard let command = root.find(parsed.path[...]), let run = command.run else {
                    console.line(HelpFormatter.help(for: root.specs(along: parsed.path[...])))
                    return ExitCode.success.rawValue
                }
                return try run(Invocation(command: parsed, environment: environment), &console)
            }
        } catch let error as UsageError {
            console.error(error.description)
            return ExitCode.usage.rawValue
        } catch {
            let text = "\(error)"
            console.error(text.hasPrefix("refused") ? text : "error: \(text)")
            return ExitCode.failure.rawValue
        }
    }
}
