/// What the command line asked for: a command to run, or help to print.
///
/// Help is a normal outcome, not an error, so it is returned as a value that the caller prints
/// to stdout before exiting with ``ExitCode/success``.
public enum ParseResult: Sendable, Equatable {
    /// Run this command.
    case command(ParsedCommand)
    /// Print this text to stdout and exit 0.
    case help(String)
}
