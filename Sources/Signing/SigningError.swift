/// Why a signature could not be made or checked, worded for the person at the keyboard.
///
/// Sign-offs are rare, deliberate acts; when one cannot be completed the message must say what
/// went wrong and what to do next (install a package, load a key into ssh-agent, fix file
/// permissions). A signature that is simply not good is not an error: `SSHKeygen.verify` answers
/// `VerificationOutcome.invalid` for that. These errors are for operational problems and for
/// unusable input.
public enum SigningError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No executable ssh-keygen was found (explicit path, `TRANSITION_SSH_KEYGEN`, then `PATH`).
    case keygenMissing
    /// The private key file cannot be used: missing, unreadable, not a key, or too widely readable.
    case keyUnreadable(path: String, reason: String)
    /// ssh-keygen could not sign; `reason` includes what ssh-keygen said and what to do.
    case signingFailed(reason: String)
    /// A public key is not an OpenSSH one-line public key (`ssh-ed25519 AAAA... [comment]`).
    case malformedPublicKey(String)
    /// The check itself could not be carried out (ssh-keygen could not run, timed out, failed
    /// unexpectedly, or temporary files could not be written). Says nothing about the signature.
    case verificationFailed(reason: String)
    /// A principal that cannot appear in an allowed_signers file (empty, or containing
    /// whitespace, control characters, quotes, commas or the wildcards `*`, `?`, `!`).
    case invalidPrincipal(String)
    /// A namespace that cannot appear in `namespaces="..."` (empty, or containing whitespace,
    /// control characters, quotes or commas).
    case invalidNamespace(String)

    public var description: String {
        switch self {
        case .keygenMissing:
            return "ssh-keygen was not found; install the 'openssh-client' package (apt-get install openssh-client) "
                + "to sign or verify sign-offs; everything else keeps working"
        case .keyUnreadable(let path, let reason):
            return "cannot use the private key at \(path): \(reason)"
        case .signingFailed(let reason):
            return "signing failed: \(reason)"
        case .malformedPublicKey(let key):
            return "malformed public key \"\(SignerNames.abbreviated(key))\": expected one line of a .pub file, "
                + "such as \"ssh-ed25519 AAAA... comment\""
        case .verificationFailed(let reason):
            return "could not check the signature: \(reason)"
        case .invalidPrincipal(let principal):
            return "principal \"\(SignerNames.abbreviated(principal))\" cannot be used: use a name or e-mail address "
                + "without spaces, quotes, commas or the characters * ? !"
        case .invalidNamespace(let namespace):
            return "namespace \"\(SignerNames.abbreviated(namespace))\" cannot be used: use a word such as "
                + "\"transition\", without spaces, quotes or commas"
        }
    }
}
