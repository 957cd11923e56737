public import Foundation

/// The one place the product touches signatures: OpenSSH's `ssh-keygen -Y sign` / `-Y verify`.
///
/// Sign-offs must be attributable to a person in a way an auditor can check years later without
/// a server and without trusting code written for this product. So the product does no
/// cryptography of its own: it runs the ssh-keygen already on the machine (as git does for
/// SSH-signed commits), and anyone can repeat a check by hand with the same command.
/// ssh-keygen is optional; without it only signing and verifying are unavailable.
public struct SSHKeygen: Sendable {
    /// Where ssh-keygen is expected: the explicit path, else `TRANSITION_SSH_KEYGEN`, else the
    /// first match on `PATH`; nil when the `PATH` search found nothing.
    public let executablePath: String?
    /// How long one ssh-keygen run may take before it is stopped (default 30 s).
    public var timeout: Duration
    /// The environment given to ssh-keygen (it needs `SSH_AUTH_SOCK` to reach ssh-agent).
    let environment: [String: String]

    /// Locates ssh-keygen: `path` if given, else the `TRANSITION_SSH_KEYGEN` variable if set and
    /// non-empty, else a search of `PATH`. An explicit choice is never replaced by the search:
    /// if it names nothing executable, `isAvailable` is false. Never throws; absence is
    /// reported by `isAvailable` and by `SigningError.keygenMissing` when used.
    public init(
        path: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        timeout: Duration = .seconds(30)
    ) {
        if let path, !path.isEmpty {
            executablePath = path
        } else if let configured = environment["TRANSITION_SSH_KEYGEN"], !configured.isEmpty {
            executablePath = configured
        } else {
            executablePath = SSHKeygen.search(pathVariable: environment["PATH"])
        }
        self.timeout = timeout
        var childEnvironment = environment
        childEnvironment["SSH_ASKPASS_REQUIRE"] = "never"  // never pop up a passphrase dialog
        self.environment = childEnvironment
    }

    /// Whether ssh-keygen exists at `executablePath` and is executable.
    public var isAvailable: Bool {
        guard let executablePath else { return false }
        return FileManager.default.isExecutableFile(atPath: executablePath)
    }

    /// The runner for ssh-keygen, or `keygenMissing`.
    func tool() throws(SigningError) -> ChildProcess {
        guard isAvailable, let executablePath else { throw .keygenMissing }
        return ChildProcess(executable: executablePath, environment: environment, timeout: timeout)
    }

    /// The first executable `ssh-keygen` in the directories of `pathVariable` (or a default
    /// search path when it is unset).
    static func search(pathVariable: String?) -> String? {
        let directories = (pathVariable ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for directory in directories where !directory.isEmpty {
            let candidate = String(directory) + (directory.hasSuffix("/") ? "ssh-keygen" : "/ssh-keygen")
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// ssh-keygen's messages as one line, without progress notes such as "Signing data on
    /// standard input", and without the path of `directory` (deleted by the time anyone reads it).
    static func messages(_ output: ChildProcessOutput, in directory: PrivateTemporaryDirectory? = nil) -> String {
        var text = output.stderrText + "\n" + output.stdoutText
        if let directory { text = text.replacingOccurrences(of: directory.path + "/", with: "") }
        let lines = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("Signing data on standard input") && !$0.allSatisfy { $0 == "@" } }
        return lines.isEmpty ? "(no message; exit status \(output.status))" : lines.joined(separator: " ")
    }
}
