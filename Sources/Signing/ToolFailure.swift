/// Why running ssh-keygen went wrong before it could give an answer.
///
/// Kept separate from `SigningError` because the same failure means "signing failed" in
/// `sign` and "could not check" in `verify`; each caller words it for its own context.
enum ToolFailure: Error, Sendable, Equatable {
    /// The executable could not be started.
    case launchFailed(String)
    /// It ran longer than the allowed time and was stopped.
    case timedOut(Duration)
    /// It was killed by a signal (number given) rather than exiting.
    case killedBySignal(Int32)
    /// Temporary files could not be created, written or read.
    case fileProblem(String)

    /// The failure in words, for embedding in a `SigningError` reason.
    var reason: String {
        switch self {
        case .launchFailed(let detail):
            return "ssh-keygen could not be started: \(detail)"
        case .timedOut(let limit):
            return "ssh-keygen did not finish within \(limit.components.seconds) s and was stopped"
        case .killedBySignal(let signal):
            return "ssh-keygen was killed by signal \(signal)"
        case .fileProblem(let detail):
            return "temporary files could not be used: \(detail)"
        }
    }
}
