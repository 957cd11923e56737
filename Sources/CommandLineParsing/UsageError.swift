/// A refused command line: what was wrong, the usage of the command concerned, and where to read more.
///
/// Printed to stderr with exit status ``ExitCode/usage``. The wording is settled by the parser so
/// every command refuses input the same way, always with the usage and a pointer to `--help`.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, in lower case: `unknown option '--jsn'; did you mean '--json'?`.
    public var message: String
    /// The usage line of the command concerned, without the `Usage: ` prefix.
    public var usage: String
    /// The subcommand names leading to that command, root excluded: `["dd", "complete"]`.
    public var commandPath: [String]
    /// The program name shown in the help pointer.
    public var programName: String

    /// Creates a usage error.
    public init(message: String, usage: String, commandPath: [String], programName: String = "transition") {
        self.message = message
        self.usage = usage
        self.commandPath = commandPath
        self.programName = programName
    }

    /// The error as printed: the message, the usage line, and the help command to run.
    public var description: String {
        let command = ([programName] + commandPath).joined(separator: " ")
        return "error: \(message)\nUsage: \(usage)\nSee '\(command) --help'."
    }
}
