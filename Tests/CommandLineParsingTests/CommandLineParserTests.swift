import Testing

@testable import CommandLineParsing

/// Parses `arguments` against the fixture tree, requiring a command rather than help.
func command(_ arguments: [String]) throws -> ParsedCommand {
    guard case .command(let parsed) = try CommandLineParser.parse(arguments, root: Fixtures.root) else {
        Issue.record("expected a command for \(arguments)")
        throw CancellationError()
    }
    return parsed
}

@Suite("CommandLineParser")
struct CommandLineParserTests {
    @Test("selects nested subcommands and positionals")
    func nested() throws {
        let parsed = try command(["dd", "complete", "DD-FIN-02"])
        #expect(parsed.path == ["dd", "complete"])
        #expect(parsed.positionals == ["DD-FIN-02"])
        #expect(parsed.positional("item") == "DD-FIN-02")
        #expect(!parsed.flag("force"))
        #expect(parsed.value("reason") == nil)
        #expect(parsed.values("evidence").isEmpty)
    }

    @Test(
        "accepts option values separately or after '='",
        arguments: [
            ["dd", "complete", "X", "--reason", "signed off"],
            ["dd", "complete", "X", "--reason=signed off"],
            ["dd", "complete", "--reason", "signed off", "X"],
        ])
    func optionValues(arguments: [String]) throws {
        let parsed = try command(arguments)
        #expect(parsed.value("reason") == "signed off")
        #expect(parsed.positional("item") == "X")
    }

    @Test("keeps an empty value given with '='")
    func emptyValue() throws {
        #expect(try command(["dd", "complete", "X", "--reason="]).value("reason") == "")
    }

    @Test("'--' ends options")
    func doubleDash() throws {
        let parsed = try command(["import", "--json", "--", "staff", "--force", "-h", "--"])
        #expect(parsed.flag("json"))
        #expect(parsed.positional("kind") == "staff")
        #expect(parsed.positionalValues("files") == ["--force", "-h", "--"])
    }

    @Test(
        "global options apply before or after the subcommand",
        arguments: [
            ["--log", "EventLog/main", "dd", "complete", "X"],
            ["dd", "--log", "EventLog/main", "complete", "X"],
            ["dd", "complete", "X", "--log", "EventLog/main"],
            ["dd", "complete", "X", "--log=EventLog/main"],
            ["-l", "EventLog/main", "dd", "complete", "X"],
            ["dd", "complete", "-lEventLog/main", "X"],
        ])
    func globalOptions(arguments: [String]) throws {
        let parsed = try command(arguments)
        #expect(parsed.path == ["dd", "complete"])
        #expect(parsed.value("log") == "EventLog/main")
        #expect(parsed.positional("item") == "X")
    }

    @Test("flags, short flags and bundles")
    func flags() throws {
        let parsed = try command(["dd", "complete", "-f", "X", "--json"])
        #expect(parsed.flag("force"))
        #expect(parsed.flag("json"))
        let bundled = try command(["dd", "complete", "-fe", "a.pdf", "X"])
        #expect(bundled.flag("force"))
        #expect(bundled.values("evidence") == ["a.pdf"])
        let attached = try command(["dd", "complete", "-fea.pdf", "X"])
        #expect(attached.values("evidence") == ["a.pdf"])
    }

    @Test("repeatable options keep every value in order")
    func repeatable() throws {
        let parsed = try command(["dd", "complete", "X", "--evidence", "a.pdf", "-e", "b.pdf", "--evidence=c.pdf"])
        #expect(parsed.values("evidence") == ["a.pdf", "b.pdf", "c.pdf"])
        #expect(parsed.value("evidence") == "c.pdf")
    }

    @Test(
        "accepts dash-leading values only when unambiguous",
        arguments: [
            (["schedule", "T-1", "--lag", "-3"], "-3"),
            (["schedule", "T-1", "--lag", "-0.5"], "-0.5"),
            (["schedule", "T-1", "--lag=-x"], "-x"),
            (["schedule", "T-1", "--lag", "-"], "-"),
            (["schedule", "--lag=--", "T-1"], "--"),
        ])
    func dashValues(arguments: [String], value: String) throws {
        let parsed = try command(arguments)
        #expect(parsed.value("lag") == value)
        #expect(parsed.positional("from") == "T-1")
    }

    @Test("negative numbers and '-' are positionals")
    func negativePositional() throws {
        let parsed = try command(["schedule", "-7", "-"])
        #expect(parsed.positional("from") == "-7")
        #expect(parsed.positional("to") == "-")
    }

    @Test("optional and repeating positionals")
    func positionals() throws {
        let one = try command(["schedule", "T-1"])
        #expect(one.positional("from") == "T-1")
        #expect(one.positional("to") == nil)
        let two = try command(["schedule", "T-1", "T-2"])
        #expect(two.positional("to") == "T-2")
        let files = try command(["import", "staff", "a.csv", "b.csv", "c.csv"])
        #expect(files.positional("kind") == "staff")
        #expect(files.positional("files") == "a.csv")
        #expect(files.positionalValues("files") == ["a.csv", "b.csv", "c.csv"])
        #expect(files.positionals == ["staff", "a.csv", "b.csv", "c.csv"])
    }

    @Test("a leaf command with no arguments parses")
    func leaf() throws {
        #expect(try command(["version"]) == ParsedCommand(path: ["version"]))
    }

    @Test(
        "-h, --help and 'help' produce help for the command named",
        arguments: [
            (["--help"], [Fixtures.root]),
            (["-h"], [Fixtures.root]),
            (["help"], [Fixtures.root]),
            ([], [Fixtures.root]),
            (["dd"], [Fixtures.root, Fixtures.dd]),
            (["dd", "--help"], [Fixtures.root, Fixtures.dd]),
            (["help", "dd"], [Fixtures.root, Fixtures.dd]),
            (["dd", "complete", "--help"], [Fixtures.root, Fixtures.dd, Fixtures.complete]),
            (["dd", "complete", "X", "--jsn", "-h"], [Fixtures.root, Fixtures.dd, Fixtures.complete]),
            (["--log", "x", "dd", "complete", "-h"], [Fixtures.root, Fixtures.dd, Fixtures.complete]),
            (["help", "dd", "complete"], [Fixtures.root, Fixtures.dd, Fixtures.complete]),
            (["dd", "help", "complete"], [Fixtures.root, Fixtures.dd, Fixtures.complete]),
            (["help", "dd", "--json", "complete"], [Fixtures.root, Fixtures.dd, Fixtures.complete]),
            (["version", "--help"], [Fixtures.root, Fixtures.version]),
            (["dd", "compelte", "--help"], [Fixtures.root, Fixtures.dd]),
            (["dd", "complete", "--reason", "--help"], [Fixtures.root, Fixtures.dd, Fixtures.complete]),
        ])
    func help(arguments: [String], path: [CommandSpec]) throws {
        #expect(try CommandLineParser.parse(arguments, root: Fixtures.root) == .help(HelpFormatter.help(for: path)))
    }
}
