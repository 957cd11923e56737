/// Declares one `--name` option or flag that a command accepts.
///
/// Commands are described as data rather than property wrappers so that parsing, help and
/// error messages all read from one declaration and can be tested without running anything.
public struct OptionSpec: Sendable, Equatable {
    /// The long name without dashes: `"log"` for `--log`.
    public var name: String
    /// The placeholder shown in help and errors, such as `"DIR"`; `nil` makes this a boolean flag.
    public var valueName: String?
    /// One line saying what the option does.
    public var help: String
    /// Whether the option may be given more than once; every value is kept, in order.
    public var isRepeatable: Bool
    /// An optional one-letter alias: `"l"` for `-l`.
    public var short: Character?

    /// Creates an option; leave `valueName` nil for a flag.
    public init(
        name: String, valueName: String? = nil, help: String, isRepeatable: Bool = false, short: Character? = nil
    ) {
        self.name = name
        self.valueName = valueName
        self.help = help
        self.isRepeatable = isRepeatable
        self.short = short
    }

    /// Whether the option is a boolean flag that takes no value.
    public var isFlag: Bool { valueName == nil }
}
