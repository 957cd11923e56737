import Foundation

extension SSHKeygen {
    /// Signs `message` with the private key at `keyPath` in `namespace`
    /// (`ssh-keygen -Y sign -P '' -f KEY -n NAMESPACE`, message on standard input).
    ///
    /// The recorded public key is the one embedded in the signature ssh-keygen produced (so it
    /// is the key that really signed, whatever `KEY.pub` says), with its fingerprint from
    /// `ssh-keygen -l`. A key in ssh-agent is used through the agent (`keyPath` may then be the
    /// `.pub` file). ssh-keygen is never allowed to prompt: a passphrase-protected key not held
    /// by ssh-agent fails with advice to run `ssh-add`.
    public func sign(_ message: [UInt8], keyPath: String, principal: String, namespace: String = "transition")
        throws(SigningError) -> SSHSignature
    {
        let runner = try tool()
        guard SignerNames.isValidPrincipal(principal) else { throw .invalidPrincipal(principal) }
        guard SignerNames.isValidNamespace(namespace) else { throw .invalidNamespace(namespace) }
        try SSHKeygen.checkKeyFile(keyPath)

        let directory: PrivateTemporaryDirectory
        let output: ChildProcessOutput
        do throws(ToolFailure) {
            directory = try PrivateTemporaryDirectory.make()
        } catch {
            throw .signingFailed(reason: error.reason)
        }
        defer { directory.remove() }
        do throws(ToolFailure) {
            let messagePath = try directory.write("message", message)
            // -P '' supplies an empty passphrase instead of prompting on the terminal.
            output = try runner.run(["-Y", "sign", "-P", "", "-f", keyPath, "-n", namespace], stdinPath: messagePath, in: directory)
        } catch {
            throw .signingFailed(reason: error.reason)
        }
        guard output.status == 0 else { throw SSHKeygen.signingError(output, keyPath: keyPath, in: directory) }

        let armored = output.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let envelope = SignatureEnvelope(armored: armored), envelope.namespace == namespace else {
            throw .signingFailed(reason: "ssh-keygen's output is not an SSH signature in namespace \"\(namespace)\": \(SSHKeygen.messages(output, in: directory))")
        }
        switch fingerprint(of: envelope.publicKey, using: runner, in: directory) {
        case .success(let fingerprint):
            return SSHSignature(
                namespace: namespace, principal: principal, publicKey: envelope.publicKey.text,
                fingerprint: fingerprint, armored: armored)
        case .failure(.rejected(let detail)):
            throw .signingFailed(reason: "ssh-keygen could not fingerprint the signing key: \(detail)")
        case .failure(.tool(let failure)):
            throw .signingFailed(reason: failure.reason)
        }
    }

    /// Refuses a key path that does not name a readable file, before running ssh-keygen.
    static func checkKeyFile(_ keyPath: String) throws(SigningError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: keyPath, isDirectory: &isDirectory) else {
            throw .keyUnreadable(path: keyPath, reason: "no such file; give the path of your private key, such as ~/.ssh/id_ed25519")
        }
        guard !isDirectory.boolValue else { throw .keyUnreadable(path: keyPath, reason: "it is a directory, not a key file") }
        guard FileManager.default.isReadableFile(atPath: keyPath) else {
            throw .keyUnreadable(path: keyPath, reason: "permission denied")
        }
    }

    /// Turns a failed `ssh-keygen -Y sign` into advice, keeping what ssh-keygen said.
    static func signingError(_ output: ChildProcessOutput, keyPath: String, in directory: PrivateTemporaryDirectory) -> SigningError {
        let said = messages(output, in: directory)
        if said.contains("passphrase") {
            return .signingFailed(
                reason: "the private key at \(keyPath) is protected by a passphrase and ssh-agent does not hold it "
                    + "(signing never prompts for a passphrase); load it with `ssh-add \(keyPath)` "
                    + "(start an agent first with `eval \"$(ssh-agent)\"` if none is running) and sign again. "
                    + "ssh-keygen said: \(said)")
        }
        if said.contains("UNPROTECTED PRIVATE KEY FILE") || said.contains("are too open") {
            return .keyUnreadable(
                path: keyPath,
                reason: "ssh-keygen ignores private keys that other users can read; run `chmod 600 \(keyPath)`. ssh-keygen said: \(said)")
        }
        if said.contains("Couldn't load public key") || said.contains("invalid format") || said.contains("No private key found") {
            return .keyUnreadable(path: keyPath, reason: "ssh-keygen could not read a key from it (is it an OpenSSH private key?). ssh-keygen said: \(said)")
        }
        return .signingFailed(reason: "ssh-keygen exited with status \(output.status): \(said)")
    }
}
