/// The verdict on a recorded signature: good for a named person, or not, and why not.
///
/// A bad signature is an expected answer when auditing a history (altered message, key no
/// longer or never trusted), so it is a value, not a thrown error; callers can list every
/// invalid sign-off with its reason instead of stopping at the first.
public enum VerificationOutcome: Sendable, Equatable {
    /// ssh-keygen accepted the signature for `principal`, made with the key `fingerprint`.
    case valid(principal: String, fingerprint: String)
    /// The signature does not hold; `reason` says why in plain words.
    case invalid(reason: String)

    /// Whether the outcome is `.valid`.
    public var isValid: Bool {
        if case .valid = self { return true }
        return false
    }
}
