/// A command line that parsed cleanly: which command to run and with what.
///
/// Command implementations read their inputs from this value by the names used in their
/// ``CommandSpec``, so they never look at raw arguments.
public struct ParsedCommand: Sendable, Equatable {
    /// The subcommand names chosen, root excluded: `["dd", "complete"]`.
    public var path: [String]
    /// Every positional argument, in order.
    public var positionals: [String]
    /// The names of flags that were given.
    public var flags: Set<String>
    /// The values given for each valued option, in order, keyed by long name.
    public var optionValues: [String: [String]]
    /// The positional values matched to each ``PositionalSpec``, keyed by its name.
    public var positionalsByName: [String: [String]]

    /// Creates a parsed command; normally made by ``CommandLineParser``, directly only in tests.
    public init(
        path: [String], positionals: [String] = [], flags: Set<String> = [],
        optionValues: [String: [String]] = [:], positionalsByName: [String: [String]] = [:]
    ) {
        self.path = path
        self.positionals = positionals
        self.flags = flags
        self.optionValues = optionValues
        self.positionalsByName = positionalsByName
    }

    /// Whether the flag `--name` was given.
    public func flag(_ name: String) -> Bool {
        flags.contains(name)
    }

    /// The value of `--name`; its last occurrence if repeated, `nil` if absent.
    public func value(_ name: String) -> String? {
        optionValues[name]?.last
    }

    /// Every value of `--name`, in the order given; empty if absent.
    public func values(_ name: String) -> [String] {
        optionValues[name] ?? []
    }

    /// The value of the positional argument declared as `name`; the first one if it repeats.
    public func positional(_ name: String) -> String? {
        positionalsByName[name]?.first
    }

    /// Every value of the positional argument declared as `name`; empty if none.
    public func positionalValues(_ name: String) -> [String] {
        positionalsByName[name] ?? []
    }
}
