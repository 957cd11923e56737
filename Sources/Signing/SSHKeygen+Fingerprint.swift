extension SSHKeygen {
    /// "SHA256:..." for a public key line, exactly as `ssh-keygen -l` prints it.
    ///
    /// Throws `malformedPublicKey` if the line is not an OpenSSH public key (or ssh-keygen
    /// cannot read it), `keygenMissing` without ssh-keygen, and `verificationFailed` if
    /// ssh-keygen could not be run.
    public func fingerprint(ofPublicKey publicKey: String) throws(SigningError) -> String {
        let runner = try tool()
        guard let key = PublicKeyLine(publicKey) else { throw .malformedPublicKey(publicKey) }
        let directory: PrivateTemporaryDirectory
        do throws(ToolFailure) { directory = try PrivateTemporaryDirectory.make() } catch { throw .verificationFailed(reason: error.reason) }
        defer { directory.remove() }
        switch fingerprint(of: key, using: runner, in: directory) {
        case .success(let fingerprint): return fingerprint
        case .failure(.rejected): throw .malformedPublicKey(publicKey)
        case .failure(.tool(let failure)): throw .verificationFailed(reason: failure.reason)
        }
    }

    /// Why a fingerprint could not be had: ssh-keygen refused the key, or could not run.
    enum FingerprintProblem: Error {
        case rejected(String)
        case tool(ToolFailure)
    }

    /// Runs `ssh-keygen -l -f FILE` on `key` written into `directory`; the second field of its
    /// output is the fingerprint.
    func fingerprint(of key: PublicKeyLine, using runner: ChildProcess, in directory: PrivateTemporaryDirectory)
        -> Result<String, FingerprintProblem>
    {
        do throws(ToolFailure) {
            let keyPath = try directory.write("fingerprint.pub", text: key.text + "\n")
            let output = try runner.run(["-l", "-E", "sha256", "-f", keyPath], in: directory)
            let fields = output.stdoutText.split(separator: " ")
            guard output.status == 0, fields.count >= 2, fields[1].hasPrefix("SHA256:") else {
                return .failure(.rejected(SSHKeygen.messages(output, in: directory)))
            }
            return .success(String(fields[1]))
        } catch {
            return .failure(.tool(error))
        }
    }
}
