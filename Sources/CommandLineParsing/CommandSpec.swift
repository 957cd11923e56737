/// Declares a command: its name, help text, options, positionals and subcommands.
///
/// The whole command tree of the tool is one `CommandSpec` value, which the parser walks and
/// the help formatter renders, so what is documented is exactly what is accepted.
///
/// Options declared on a command also apply to all of its subcommands; options on the root are
/// therefore global (`--log DIR` may come before or after a subcommand name). A command with
/// subcommands and no positionals is a group: invoked alone, it produces its help.
public struct CommandSpec: Sendable, Equatable {
    /// The word that selects the command; for the root, the program name.
    public var name: String
    /// One sentence saying what the command does.
    public var abstract: String
    /// Further explanation shown in the command's help, as written.
    public var discussion: String
    /// The options the command (and its subcommands) accept.
    public var options: [OptionSpec]
    /// The positional arguments, matched in order.
    public var positionals: [PositionalSpec]
    /// Nested commands, listed in help in this order.
    public var subcommands: [CommandSpec]
    /// Complete example invocations shown at the end of help.
    public var examples: [String]

    /// Creates a command specification.
    public init(
        name: String, abstract: String, discussion: String = "", options: [OptionSpec] = [],
        positionals: [PositionalSpec] = [], subcommands: [CommandSpec] = [], examples: [String] = []
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.options = options
        self.positionals = positionals
        self.subcommands = subcommands
        self.examples = examples
    }

    /// Whether invoking the command without a subcommand should show help rather than run.
    var isGroup: Bool { !subcommands.isEmpty && positionals.isEmpty }

    /// The direct subcommand called `name`, if any.
    func subcommand(named name: String) -> CommandSpec? {
        subcommands.first { $0.name == name }
    }
}
