import CommandLineParsing

/// A small command tree shaped like the real tool's, shared by the parser and help tests.
enum Fixtures {
    static let root = CommandSpec(
        name: "transition",
        abstract: "Record and schedule an NHS organisational transition.",
        options: [
            OptionSpec(name: "log", valueName: "DIR", help: "The event log directory.", short: "l"),
            OptionSpec(name: "json", help: "Print machine-readable JSON."),
        ],
        subcommands: [dd, schedule, importCommand, version],
        examples: ["transition --log EventLog/main dd list"])

    static let dd = CommandSpec(
        name: "dd",
        abstract: "Work with due-diligence items.",
        subcommands: [complete, list])

    static let complete = CommandSpec(
        name: "complete",
        abstract: "Mark a due-diligence item complete.",
        discussion: "Completion is refused while evidence is missing.",
        options: [
            OptionSpec(name: "reason", valueName: "TEXT", help: "Why the item is complete."),
            OptionSpec(
                name: "evidence", valueName: "FILE", help: "A file that evidences completion.", isRepeatable: true,
                short: "e"),
            OptionSpec(name: "force", help: "Complete even if a warning is raised.", short: "f"),
        ],
        positionals: [PositionalSpec(name: "item", help: "The item identifier, such as DD-FIN-02.")],
        examples: ["transition dd complete DD-FIN-02 --evidence ledger.pdf"])

    static let list = CommandSpec(
        name: "list",
        abstract: "List due-diligence items.",
        options: [OptionSpec(name: "status", valueName: "STATUS", help: "Only items with this status.")])

    static let schedule = CommandSpec(
        name: "schedule",
        abstract: "Shift a task.",
        options: [OptionSpec(name: "lag", valueName: "DAYS", help: "Working days of lag, may be negative.")],
        positionals: [
            PositionalSpec(name: "from", help: "The predecessor task."),
            PositionalSpec(name: "to", help: "The successor task.", isOptional: true),
        ])

    static let importCommand = CommandSpec(
        name: "import",
        abstract: "Import CSV files.",
        positionals: [
            PositionalSpec(name: "kind", help: "What the files hold."),
            PositionalSpec(name: "files", help: "The CSV files.", isRepeating: true),
        ])

    static let version = CommandSpec(name: "version", abstract: "Print the version.")
}
