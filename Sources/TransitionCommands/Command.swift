import CommandLineParsing

/// A verb: its specification for the parser and help, and the code that runs it.
struct Command: Sendable {
    typealias Handler = @Sendable (Invocation, inout Console) throws -> Int32

    var spec: CommandSpec
    var run: Handler?
    var children: [Command] = []

    init(spec: CommandSpec, children: [Command] = [], run: Handler? = nil) {
        var spec = spec
        spec.subcommands = children.map(\.spec)
        self.spec = spec
        self.children = children
        self.run = run
    }

    /// The command at `path` below this one.
    func find(_ path: ArraySlice<String>) -> Command? {
        guard let first = path.first else { return self }
        return children.first { $0.spec.name == first }?.find(path.dropFirst())
    }

    /// The specs from this command down to `path`, for help text.
    func specs(along path: ArraySlice<String>) -> [CommandSpec] {
        guard let first = path.first, let child = children.first(where: { $0.spec.name == first }) else { return [spec] }
        return [spec] + child.specs(along: path.dropFirst())
    }
}

/// Options many verbs share.
enum CommonOptions {
    static let log = OptionSpec(name: "log", valueName: "DIR", help: "The event log directory (default: $TRANSITION_LOG, else EventLog).")
    static let json = OptionSpec(name: "json", help: "Print JSON instead of a table.")
    static let actor = OptionSpec(name: "as", valueName: "ACTOR", help: "Who is recording (default: $TRANSITION_ACTOR).")
    static let role = OptionSpec(name: "role", valueName: "ROLE", help: "The role they record in (default: $TRANSITION_ROLE).")
    static let reason = OptionSpec(name: "reason", valueName: "TEXT", help: "Why this is being recorded.")
    static let asOf = OptionSpec(name: "as-of", valueName: "TIME", help: "Show the state built from events recorded up to this date or UTC time.")
}
