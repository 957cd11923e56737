/// Declares one positional argument, such as the `ITEM` in `transition dd complete ITEM`.
///
/// Positionals are matched in declaration order; required ones should come before optional and
/// repeating ones, and at most one should repeat.
public struct PositionalSpec: Sendable, Equatable {
    /// The name used for lookups and shown as `<name>` in help and errors.
    public var name: String
    /// One line saying what the argument is.
    public var help: String
    /// Whether the argument may be left out.
    public var isOptional: Bool
    /// Whether the argument takes every remaining value (one or more, or zero or more if optional).
    public var isRepeating: Bool

    /// Creates a positional argument.
    public init(name: String, help: String, isOptional: Bool = false, isRepeating: Bool = false) {
        self.name = name
        self.help = help
        self.isOptional = isOptional
        self.isRepeating = isRepeating
    }

    /// How many values the argument must have.
    var minimumCount: Int { isOptional ? 0 : 1 }

    /// The argument as written in usage lines: `<item>`, `[<note>]`, `<file> ...`.
    var usageToken: String {
        let base = "<\(name)>" + (isRepeating ? " ..." : "")
        return isOptional ? "[\(base)]" : base
    }
}
