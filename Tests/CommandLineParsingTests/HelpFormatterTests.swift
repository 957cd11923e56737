import Testing

@testable import CommandLineParsing

@Suite("HelpFormatter")
struct HelpFormatterTests {
    @Test("renders a leaf command in full")
    func leaf() {
        let text = HelpFormatter.help(for: [Fixtures.root, Fixtures.dd, Fixtures.complete])
        #expect(
            text == """
                transition dd complete - Mark a due-diligence item complete.

                Usage: transition dd complete [--reason TEXT] [--evidence FILE ...] [--force]
                                              <item>

                Completion is refused while evidence is missing.

                Arguments:
                  <item>               The item identifier, such as DD-FIN-02.

                Options:
                      --reason TEXT    Why the item is complete.
                  -e, --evidence FILE  A file that evidences completion. (repeatable)
                  -f, --force          Complete even if a warning is raised.
                  -h, --help           Show help for this command.

                Global options:
                  -l, --log DIR        The event log directory.
                      --json           Print machine-readable JSON.

                Examples:
                  transition dd complete DD-FIN-02 --evidence ledger.pdf
                """)
    }

    @Test("renders a group with aligned subcommands")
    func group() {
        let text = HelpFormatter.help(for: [Fixtures.root])
        #expect(
            text == """
                transition - Record and schedule an NHS organisational transition.

                Usage: transition [--log DIR] [--json] <subcommand>

                Subcommands:
                  dd             Work with due-diligence items.
                  schedule       Shift a task.
                  import         Import CSV files.
                  version        Print the version.

                Options:
                  -l, --log DIR  The event log directory.
                      --json     Print machine-readable JSON.
                  -h, --help     Show help for this command.

                Examples:
                  transition --log EventLog/main dd list

                See 'transition help <subcommand>' for help on a subcommand.
                """)
    }

    @Test("points nested groups at 'help' with their path")
    func nestedGroup() {
        let text = HelpFormatter.help(for: [Fixtures.root, Fixtures.dd])
        #expect(text.contains("Usage: transition dd <subcommand>"))
        #expect(text.contains("\n  complete       Mark a due-diligence item complete.\n  list           List"))
        #expect(text.hasSuffix("See 'transition help dd <subcommand>' for help on a subcommand."))
    }

    @Test("wraps long help and long usage lines at 80 columns")
    func wrapping() {
        let long = CommandSpec(
            name: "report",
            abstract: "Render a report.",
            options: (1...6).map {
                OptionSpec(
                    name: "option-number-\($0)", valueName: "VALUE",
                    help: "A deliberately long description that needs more than one line to explain itself.")
            } + [OptionSpec(name: "an-option-with-a-very-long-name", valueName: "PLACEHOLDER", help: "Short.")])
        let text = HelpFormatter.help(for: [long])
        for line in text.split(separator: "\n") {
            #expect(line.count <= 80, "\(line)")
        }
        #expect(
            text.contains("      --an-option-with-a-very-long-name PLACEHOLDER\n                                Short.")
        )
        #expect(
            text.contains("Usage: report [--option-number-1 VALUE] [--option-number-2 VALUE]\n              [--option"))
    }

    @Test("is deterministic")
    func deterministic() {
        let path = [Fixtures.root, Fixtures.schedule]
        #expect(HelpFormatter.help(for: path) == HelpFormatter.help(for: path))
        #expect(HelpFormatter.help(for: []) == "")
        #expect(HelpFormatter.help(for: path).contains("  [<to>]"))
    }
}
