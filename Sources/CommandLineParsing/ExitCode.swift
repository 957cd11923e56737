/// The process exit statuses the tool promises to scripts.
///
/// Exit codes are interface: 0 when the command did what was asked, 1 when input was refused
/// (an invalid file, a rule violation), 2 when the command line itself was wrong.
public enum ExitCode: Int32, Sendable {
    /// The command succeeded, or help was printed.
    case success = 0
    /// The command ran but refused its input or failed.
    case failure = 1
    /// The arguments could not be parsed; usage was printed to stderr.
    case usage = 2
}
