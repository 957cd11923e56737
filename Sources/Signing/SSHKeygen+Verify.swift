extension SSHKeygen {
    /// Verifies `signature` over `message` against `allowedSigners`, with
    /// `ssh-keygen -Y verify -f ALLOWED_SIGNERS -I PRINCIPAL -n NAMESPACE -s SIGFILE < message`,
    /// where ALLOWED_SIGNERS is a private temporary file holding the entries for the principal.
    ///
    /// Pass the signers in force when the signature was recorded: a key removed later still
    /// verifies against the old list. Before ssh-keygen runs, the record is checked for
    /// consistency: the key inside the armored signature must be the recorded `publicKey`, its
    /// namespace the recorded `namespace`, its fingerprint the recorded `fingerprint`, and the
    /// key must be allowed for the recorded `principal`.
    ///
    /// Returns `.invalid(reason:)` whenever the signature does not hold, including a garbled or
    /// altered armored text. Throws only when the check cannot be made: no ssh-keygen
    /// (`keygenMissing`), an unusable allowed-signers entry (`invalidPrincipal`,
    /// `invalidNamespace`, `malformedPublicKey`), or ssh-keygen failing to run, timing out or
    /// reporting a usage error (`verificationFailed`).
    public func verify(_ message: [UInt8], signature: SSHSignature, allowedSigners: [AllowedSigner])
        throws(SigningError) -> VerificationOutcome
    {
        let runner = try tool()
        let trusted = try SSHKeygen.checked(allowedSigners)
        let recordedKey: PublicKeyLine
        switch SSHKeygen.recordedKey(of: signature) {
        case .success(let key): recordedKey = key
        case .failure(let problem): return .invalid(reason: problem.reason)
        }

        let directory: PrivateTemporaryDirectory
        do throws(ToolFailure) {
            directory = try PrivateTemporaryDirectory.make()
        } catch {
            throw .verificationFailed(reason: error.reason)
        }
        defer { directory.remove() }

        let fingerprint: String
        switch self.fingerprint(of: recordedKey, using: runner, in: directory) {
        case .success(let value): fingerprint = value
        case .failure(.rejected(let detail)):
            return .invalid(reason: "ssh-keygen cannot read the signature's public key: \(detail)")
        case .failure(.tool(let failure)):
            throw .verificationFailed(reason: failure.reason)
        }
        guard fingerprint == signature.fingerprint else {
            return .invalid(reason: "the recorded fingerprint \(signature.fingerprint) is not that of the signing key, \(fingerprint)")
        }

        let entries = trusted.filter { $0.signer.principal == signature.principal }
        guard entries.contains(where: { $0.key == recordedKey }) else {
            return .invalid(
                reason: SSHKeygen.notAllowedReason(fingerprint: fingerprint, principal: signature.principal, key: recordedKey, trusted: trusted))
        }

        let output: ChildProcessOutput
        do throws(ToolFailure) {
            let signersPath = try directory.write(
                "allowed_signers", text: entries.map { $0.signer.allowedSignersLine + "\n" }.joined())
            let signaturePath = try directory.write("message.sig", text: signature.armored + "\n")
            let messagePath = try directory.write("message", message)
            output = try runner.run(
                ["-Y", "verify", "-f", signersPath, "-I", signature.principal, "-n", signature.namespace, "-s", signaturePath],
                stdinPath: messagePath, in: directory)
        } catch {
            throw .verificationFailed(reason: error.reason)
        }
        switch output.status {
        case 0:
            return .valid(principal: signature.principal, fingerprint: fingerprint)
        case 1:  // usage error: this ssh-keygen cannot do the check (e.g. OpenSSH older than 8.1)
            throw .verificationFailed(reason: "ssh-keygen refused the command (OpenSSH 8.1 or later is needed): \(SSHKeygen.messages(output, in: directory))")
        default:
            return .invalid(reason: SSHKeygen.rejectionReason(output, in: directory))
        }
    }

    /// An allowed-signers entry with its parsed key.
    struct TrustedKey {
        var signer: AllowedSigner
        var key: PublicKeyLine
    }

    /// Parses every entry, refusing any that could not be written faithfully to the file.
    static func checked(_ allowedSigners: [AllowedSigner]) throws(SigningError) -> [TrustedKey] {
        var trusted: [TrustedKey] = []
        for signer in allowedSigners {
            guard SignerNames.isValidPrincipal(signer.principal) else { throw .invalidPrincipal(signer.principal) }
            guard let key = PublicKeyLine(signer.publicKey) else { throw .malformedPublicKey(signer.publicKey) }
            guard !signer.namespaces.isEmpty else { throw .invalidNamespace("") }
            for namespace in signer.namespaces where !SignerNames.isValidNamespace(namespace) {
                throw .invalidNamespace(namespace)
            }
            trusted.append(TrustedKey(signer: signer, key: key))
        }
        return trusted
    }

    /// Why a recorded signature contradicts itself, in words.
    struct ConsistencyProblem: Error {
        var reason: String
    }

    /// The recorded key, if the record is self-consistent: usable principal and namespace, a
    /// well-formed key and armored text, and the armored text made by that key in that namespace.
    static func recordedKey(of signature: SSHSignature) -> Result<PublicKeyLine, ConsistencyProblem> {
        guard SignerNames.isValidPrincipal(signature.principal) else {
            return .failure(ConsistencyProblem(reason: "the signature names \"\(SignerNames.abbreviated(signature.principal))\", which is not a usable principal"))
        }
        guard SignerNames.isValidNamespace(signature.namespace) else {
            return .failure(ConsistencyProblem(reason: "the signature's namespace \"\(SignerNames.abbreviated(signature.namespace))\" is not usable"))
        }
        guard let recordedKey = PublicKeyLine(signature.publicKey) else {
            return .failure(ConsistencyProblem(reason: "the signature's recorded public key is not an OpenSSH public key"))
        }
        guard let envelope = SignatureEnvelope(armored: signature.armored) else {
            return .failure(ConsistencyProblem(reason: "the signature text is not a well-formed SSH signature (it was altered or truncated)"))
        }
        guard envelope.publicKey == recordedKey else {
            return .failure(ConsistencyProblem(reason: "the signature text was made with a different key from the recorded public key"))
        }
        guard envelope.namespace == signature.namespace else {
            return .failure(ConsistencyProblem(reason: "the signature text was made in namespace \"\(SignerNames.abbreviated(envelope.namespace))\", not \"\(signature.namespace)\" as recorded"))
        }
        return .success(recordedKey)
    }

    /// Names the expected principal and the key found, and whom that key belongs to if anyone.
    static func notAllowedReason(fingerprint: String, principal: String, key: PublicKeyLine, trusted: [TrustedKey]) -> String {
        let owners = Set(trusted.filter { $0.key == key }.map { "\"\($0.signer.principal)\"" }).sorted()
        var reason = "key \(fingerprint) is not among the allowed signers for principal \"\(principal)\""
        if !owners.isEmpty {
            reason += "; it is allowed for \(owners.joined(separator: ", ")) instead"
        }
        return reason
    }

    /// ssh-keygen's refusal in plain words, keeping its own message.
    static func rejectionReason(_ output: ChildProcessOutput, in directory: PrivateTemporaryDirectory) -> String {
        let said = messages(output, in: directory)
        if said.contains("incorrect signature") {
            return "the signature does not match the message: the message or the signature was altered after signing (ssh-keygen said: \(said))"
        }
        if said.contains("namespace") {
            return "the key is not allowed to sign in the signature's namespace (ssh-keygen said: \(said))"
        }
        return "ssh-keygen rejected the signature: \(said)"
    }
}
