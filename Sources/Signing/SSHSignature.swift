/// A detached SSH signature as stored inside an event.
///
/// Besides the armored signature itself it records who signed, in which namespace, and with
/// which key (with its fingerprint), so that a reader of the history can see the signer without
/// running any tool, and an auditor can check it years later with `ssh-keygen -Y verify` alone.
public struct SSHSignature: Sendable, Hashable {
    /// The purpose the signature was made for (`ssh-keygen -n`), normally `transition`.
    public var namespace: String
    /// Who claims to have signed; checked against the allowed signers.
    public var principal: String
    /// The signing public key: type and base64, no comment (`ssh-ed25519 AAAA...`).
    public var publicKey: String
    /// The key's fingerprint as `ssh-keygen -l` prints it (`SHA256:...`).
    public var fingerprint: String
    /// The signature as ssh-keygen writes it, from `-----BEGIN SSH SIGNATURE-----` to
    /// `-----END SSH SIGNATURE-----` (no trailing newline).
    public var armored: String

    /// A signature from its recorded parts; `SSHKeygen.sign` makes new ones.
    public init(namespace: String, principal: String, publicKey: String, fingerprint: String, armored: String) {
        self.namespace = namespace
        self.principal = principal
        self.publicKey = publicKey
        self.fingerprint = fingerprint
        self.armored = armored
    }
}
