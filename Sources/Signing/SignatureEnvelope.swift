import Foundation

/// The readable parts of an armored SSH signature: the key that made it and its namespace.
///
/// An `SSHSignature` records its signer's key next to the armored text; reading the key out of
/// the armored text lets `sign` record the key that really signed, and lets `verify` refuse a
/// record whose stated key is not the one inside the signature. The signature bytes themselves
/// are left to ssh-keygen.
struct SignatureEnvelope: Sendable, Equatable {
    /// The public key embedded in the signature.
    var publicKey: PublicKeyLine
    /// The namespace the signature was made in.
    var namespace: String

    private static let begin = "-----BEGIN SSH SIGNATURE-----"
    private static let end = "-----END SSH SIGNATURE-----"

    /// Parses the armored form (PROTOCOL.sshsig): the `SSHSIG` magic, version 1, public key,
    /// namespace, reserved, hash algorithm and signature. Nil if any part is missing.
    init?(armored: String) {
        let lines = armored.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        guard lines.count >= 3, lines.first == SignatureEnvelope.begin, lines.last == SignatureEnvelope.end,
            let blob = Data(base64Encoded: lines.dropFirst().dropLast().joined())
        else { return nil }
        var reader = SSHWireReader(Array(blob))
        guard reader.readBytes(6) == Array("SSHSIG".utf8), reader.readUInt32() == 1,
            let keyBlob = reader.readString(), let publicKey = PublicKeyLine(blob: keyBlob),
            let namespace = reader.readText(),
            reader.readString() != nil,  // reserved
            reader.readText() != nil,  // hash algorithm
            let signature = reader.readString(), !signature.isEmpty, reader.isAtEnd
        else { return nil }
        self.publicKey = publicKey
        self.namespace = namespace
    }
}
