import Signing
import Testing

/// Without ssh-keygen, signing and verifying say what to install; nothing else is affected.
struct MissingKeygenTests {
    let missing = SSHKeygen(path: "/nonexistent/ssh-keygen")
    let signature = SSHSignature(
        namespace: "transition", principal: "ao@nhs.net", publicKey: "ssh-ed25519 AAAA", fingerprint: "SHA256:x",
        armored: "-----BEGIN SSH SIGNATURE-----\n-----END SSH SIGNATURE-----")

    @Test func everyOperationThrowsKeygenMissingNamingThePackage() {
        #expect(!missing.isAvailable)
        #expect(throws: SigningError.keygenMissing) { try missing.sign([1, 2, 3], keyPath: "/nonexistent/key", principal: "ao@nhs.net") }
        #expect(throws: SigningError.keygenMissing) { try missing.verify([1, 2, 3], signature: signature, allowedSigners: []) }
        #expect(throws: SigningError.keygenMissing) { try missing.fingerprint(ofPublicKey: "ssh-ed25519 AAAA") }
        let message = SigningError.keygenMissing.description
        #expect(message.contains("openssh-client"))
        #expect(message.contains("apt-get install openssh-client"))
    }

    @Test func locatesByExplicitPathThenEnvironmentVariableThenPATH() {
        let viaVariable = SSHKeygen(environment: ["TRANSITION_SSH_KEYGEN": "/nonexistent/ssh-keygen", "PATH": "/usr/bin:/bin"])
        #expect(viaVariable.executablePath == "/nonexistent/ssh-keygen")
        #expect(!viaVariable.isAvailable)  // an explicit choice is not silently replaced

        let explicitWins = SSHKeygen(path: "/elsewhere/ssh-keygen", environment: ["TRANSITION_SSH_KEYGEN": "/nonexistent/ssh-keygen"])
        #expect(explicitWins.executablePath == "/elsewhere/ssh-keygen")

        let emptyPath = SSHKeygen(environment: ["PATH": "/nonexistent-dir"])
        #expect(emptyPath.executablePath == nil)
        #expect(!emptyPath.isAvailable)
    }

    @Test(.enabled(if: KeyLab.keygenAvailable, KeyLab.skipReason))
    func pathSearchFindsTheInstalledKeygen() throws {
        let installed = try #require(KeyLab.keygen.executablePath)
        let directory = String(installed.dropLast("/ssh-keygen".count))
        let found = SSHKeygen(environment: ["PATH": "/nonexistent-dir::" + directory])
        #expect(found.executablePath == installed)
        #expect(found.isAvailable)
    }

    @Test func errorMessagesSayWhatToDo() {
        #expect(SigningError.keyUnreadable(path: "/k", reason: "permission denied").description == "cannot use the private key at /k: permission denied")
        #expect(SigningError.malformedPublicKey("x").description.contains("ssh-ed25519 AAAA"))
        #expect(SigningError.invalidPrincipal("a b").description.contains("without spaces"))
    }
}
