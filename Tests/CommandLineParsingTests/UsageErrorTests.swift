import Testing

@testable import CommandLineParsing

/// A refused command line and the exact message and command it must name.
struct RefusalCase: Sendable, CustomTestStringConvertible {
    var arguments: [String]
    var message: String
    var commandPath: [String]
    var testDescription: String { arguments.joined(separator: " ") }

    init(_ arguments: [String], _ message: String, path: [String]) {
        self.arguments = arguments
        self.message = message
        self.commandPath = path
    }
}

@Suite("UsageError")
struct UsageErrorTests {
    static let refusals: [RefusalCase] = [
        RefusalCase(["--jsn", "dd", "list"], "unknown option '--jsn'; did you mean '--json'?", path: []),
        RefusalCase(
            ["dd", "complete", "X", "--froce"], "unknown option '--froce'; did you mean '--force'?",
            path: ["dd", "complete"]),
        RefusalCase(["dd", "list", "--frobnicate"], "unknown option '--frobnicate'", path: ["dd", "list"]),
        RefusalCase(["dd", "list", "-json"], "unknown option '-json'; did you mean '--json'?", path: ["dd", "list"]),
        RefusalCase(["dd", "complete", "-fz", "X"], "unknown option '-z'", path: ["dd", "complete"]),
        RefusalCase(
            ["dd", "--reason", "x", "complete", "X"],
            "option '--reason' belongs to 'transition dd complete'; "
                + "give it after 'complete'", path: ["dd"]),
        RefusalCase(
            ["--status", "open", "dd", "list"],
            "option '--status' belongs to 'transition dd list'; give it after 'list'",
            path: []),
        RefusalCase(["hlep"], "unknown subcommand 'hlep' for 'transition'; did you mean 'help'?", path: []),
        RefusalCase(["--", "dd"], "unexpected argument 'dd'; 'transition' takes no arguments", path: []),
        RefusalCase(["dx"], "unknown subcommand 'dx' for 'transition'; did you mean 'dd'?", path: []),
        RefusalCase(
            ["dd", "compelte", "X"], "unknown subcommand 'compelte' for 'transition dd'; did you mean 'complete'?",
            path: ["dd"]),
        RefusalCase(["dd", "archive"], "unknown subcommand 'archive' for 'transition dd'", path: ["dd"]),
        RefusalCase(
            ["help", "dd", "lst"], "unknown subcommand 'lst' for 'transition dd'; did you mean 'list'?", path: ["dd"]),
        RefusalCase(
            ["help", "version", "extra"], "'transition version' has no subcommands, so 'extra' is not one",
            path: ["version"]),
        RefusalCase(["--log"], "option '--log' needs a value DIR", path: []),
        RefusalCase(["dd", "list", "--log", "--json"], "option '--log' needs a value DIR", path: ["dd", "list"]),
        RefusalCase(["dd", "list", "-l"], "option '-l' needs a value DIR", path: ["dd", "list"]),
        RefusalCase(["schedule", "T-1", "--lag", "-x"], "option '--lag' needs a value DAYS", path: ["schedule"]),
        RefusalCase(
            ["dd", "list", "--json=yes"], "option '--json' is a flag and takes no value; remove '=yes'",
            path: ["dd", "list"]),
        RefusalCase(
            ["dd", "list", "--log", "a", "--log", "b"], "option '--log' was given more than once; give it once",
            path: ["dd", "list"]),
        RefusalCase(
            ["--log", "a", "dd", "list", "-l", "b"], "option '--log' was given more than once; give it once",
            path: ["dd", "list"]),
        RefusalCase(
            ["dd", "complete", "-f", "--force", "X"], "option '--force' was given more than once; give it once",
            path: ["dd", "complete"]),
        RefusalCase(["dd", "complete"], "missing argument <item>", path: ["dd", "complete"]),
        RefusalCase(["dd", "complete", "--force"], "missing argument <item>", path: ["dd", "complete"]),
        RefusalCase(["import", "staff"], "missing argument <files>", path: ["import"]),
        RefusalCase(
            ["dd", "complete", "X", "Y"],
            "unexpected argument 'Y'; 'transition dd complete' takes at most 1 argument; "
                + "to attach a file, give it as '--evidence Y'",
            path: ["dd", "complete"]),
        RefusalCase(
            ["schedule", "a", "b", "c"], "unexpected argument 'c'; 'transition schedule' takes at most 2 arguments",
            path: ["schedule"]),
        RefusalCase(
            ["version", "now"], "unexpected argument 'now'; 'transition version' takes no arguments",
            path: ["version"]),
    ]

    @Test("refuses bad command lines with exact messages", arguments: refusals)
    func refusal(_ example: RefusalCase) {
        let error = #expect(throws: UsageError.self) {
            try CommandLineParser.parse(example.arguments, root: Fixtures.root)
        }
        #expect(error?.message == example.message)
        #expect(error?.commandPath == example.commandPath)
    }

    @Test("a stray KEY=VALUE argument is pointed at the repeatable option that takes such pairs")
    func strayPair() {
        let whatIf = CommandSpec(
            name: "what-if", abstract: "Delay tasks.",
            options: [
                OptionSpec(name: "evidence", valueName: "FILE", help: "A file.", isRepeatable: true),
                OptionSpec(name: "delay", valueName: "TASK=DAYS", help: "Delay a task.", isRepeatable: true),
            ])
        let root = CommandSpec(name: "transition", abstract: "Root.", subcommands: [whatIf])
        let pair = #expect(throws: UsageError.self) { try CommandLineParser.parse(["what-if", "T-1=5"], root: root) }
        #expect(pair?.message == "unexpected argument 'T-1=5'; 'transition what-if' takes no arguments; did you mean '--delay T-1=5'?")
        let file = #expect(throws: UsageError.self) { try CommandLineParser.parse(["what-if", "a.pdf"], root: root) }
        #expect(file?.message == "unexpected argument 'a.pdf'; 'transition what-if' takes no arguments; to attach a file, give it as '--evidence a.pdf'")
    }

    @Test("prints message, usage and where to get help")
    func description() {
        let error = #expect(throws: UsageError.self) {
            try CommandLineParser.parse(["dd", "list", "--jsn"], root: Fixtures.root)
        }
        #expect(
            error?.description == """
                error: unknown option '--jsn'; did you mean '--json'?
                Usage: transition dd list [--status STATUS]
                See 'transition dd list --help'.
                """)
        #expect(error?.usage == "transition dd list [--status STATUS]")
        let rootError = UsageError(message: "m", usage: "transition <subcommand>", commandPath: [])
        #expect(rootError.description == "error: m\nUsage: transition <subcommand>\nSee 'transition --help'.")
    }

    @Test("exit codes are stable", arguments: [(ExitCode.success, Int32(0)), (.failure, 1), (.usage, 2)])
    func exitCodes(code: ExitCode, value: Int32) {
        #expect(code.rawValue == value)
    }
}
