/// Turns `argv` into a ``ParseResult`` using a declarative ``CommandSpec`` tree.
///
/// A small, dependency-free counterpart to swift-argument-parser: commands are data, so the
/// same tree drives parsing, help and error messages.
///
/// Accepted syntax:
/// - Subcommands to any depth: `transition dd complete ITEM`.
/// - `--name value`, `--name=value`, `-n value`, `-nvalue`, and bundled short flags `-ab`.
///   A separate value may not start with `-` unless it is `-` itself or a negative number
///   (`--lag -3`); use `--name=-value` otherwise.
/// - `--` ends options; everything after it is positional.
/// - Options of a command apply to its subcommands, so root options are global.
/// - `-h`/`--help` anywhere before `--`, and `transition help <command...>`, produce help.
/// - A group (subcommands, no positionals) given no subcommand produces its help.
public enum CommandLineParser {
    /// Parses `arguments` (without the program name) against `root`.
    ///
    /// - Returns: The command to run, or help text to print to stdout.
    /// - Throws: ``UsageError`` naming the problem, with the usage of the command concerned.
    public static func parse(_ arguments: [String], root: CommandSpec) throws(UsageError) -> ParseResult {
        var walker = ArgumentWalker(root: root)
        return try walker.walk(arguments)
    }
}
