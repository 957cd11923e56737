/// One entry of an OpenSSH allowed_signers file: who (principal) may sign with which public key.
///
/// The list of allowed signers is the trust configuration an auditor checks a sign-off against
/// (the people in post when it was recorded). Keeping entries as values, and writing the file
/// only for the moment of a check, means the list can itself be recorded as events and replayed.
public struct AllowedSigner: Sendable, Hashable {
    /// Who signs, e.g. an e-mail address; matched exactly against `SSHSignature.principal`.
    public var principal: String
    /// The signer's public key as one line of a .pub file: `ssh-ed25519 AAAA... [comment]`.
    public var publicKey: String
    /// The namespaces this key may sign in; `["transition"]` unless told otherwise, so that a
    /// signature made for another purpose (say, a git commit) never passes as a sign-off.
    public var namespaces: [String]

    /// An entry allowing `principal` to sign with `publicKey` in `namespaces`.
    public init(principal: String, publicKey: String, namespaces: [String] = ["transition"]) {
        self.principal = principal
        self.publicKey = publicKey
        self.namespaces = namespaces
    }

    /// The entry as a line of an allowed_signers file, without the key's comment:
    /// `principal namespaces="transition" ssh-ed25519 AAAA...`.
    public var allowedSignersLine: String {
        let key = PublicKeyLine(publicKey)?.text ?? PublicKeyLine.leadingFields(of: publicKey)
        return "\(principal) namespaces=\"\(namespaces.joined(separator: ","))\" \(key)"
    }
}
