/// One OpenSSH `allowed_signers` entry: a key allowed to sign events for a role.
///
/// Sign-offs listed in ``WorkflowDefinition/requiresSignature`` must carry an SSH signature; the
/// workflow pins which keys count for which role, so a signature proves who signed.
public struct Signer: Sendable, Hashable, Codable {
    /// The id of the role the key signs for.
    public var role: String
    /// The principal, usually an e-mail address.
    public var principal: String
    /// The public key, as in `allowed_signers`: `ssh-ed25519 AAAA...`.
    public var publicKey: String

    /// Creates a signer.
    public init(role: String, principal: String, publicKey: String) {
        self.role = role
        self.principal = principal
        self.publicKey = publicKey
    }
}
