import Foundation
import Signing
import Testing

@Suite(.enabled(if: KeyLab.keygenAvailable, KeyLab.skipReason))
struct SignAndVerifyTests {
    let keygen = KeyLab.keygen

    @Test func signThenVerifyIsValidForThePrincipalWithTheKeysFingerprint() throws {
        let lab = try KeyLab()
        defer { lab.remove() }
        let key = try lab.makeKey("sro")
        let signature = try keygen.sign(signOffMessage, keyPath: key, principal: "a.patel@nhs.net")

        let listed = try KeyLab.run(keygen.executablePath ?? "ssh-keygen", ["-lf", key + ".pub"])
        let expectedFingerprint = listed.output.split(separator: " ")[1]
        #expect(signature.fingerprint == String(expectedFingerprint))
        #expect(signature.fingerprint.hasPrefix("SHA256:"))
        #expect(signature.namespace == "transition")
        #expect(signature.principal == "a.patel@nhs.net")
        let publicKeyFields = try lab.publicKey(key).split(separator: " ")
        #expect(signature.publicKey == publicKeyFields[0] + " " + publicKeyFields[1])
        #expect(signature.armored.hasPrefix("-----BEGIN SSH SIGNATURE-----"))
        #expect(signature.armored.hasSuffix("-----END SSH SIGNATURE-----"))

        let outcome = try keygen.verify(signOffMessage, signature: signature, allowedSigners: [try lab.signer("a.patel@nhs.net", key)])
        #expect(outcome == .valid(principal: "a.patel@nhs.net", fingerprint: signature.fingerprint))
        #expect(try keygen.fingerprint(ofPublicKey: lab.publicKey(key)) == signature.fingerprint)
    }

    @Test func signaturesAreCheckableByHandWithPlainSSHKeygen() throws {
        let lab = try KeyLab()
        defer { lab.remove() }
        let key = try lab.makeKey("chair")
        let signature = try keygen.sign(signOffMessage, keyPath: key, principal: "chair@nhs.net")
        let signers = lab.directory + "/allowed_signers"
        try (try lab.signer("chair@nhs.net", key).allowedSignersLine + "\n").write(toFile: signers, atomically: true, encoding: .utf8)
        try (signature.armored + "\n").write(toFile: lab.directory + "/msg.sig", atomically: true, encoding: .utf8)
        try Data(signOffMessage).write(to: URL(fileURLWithPath: lab.directory + "/msg"))

        // What an auditor would type, years later: no product code involved.
        let result = try KeyLab.run(
            keygen.executablePath ?? "ssh-keygen",
            ["-Y", "verify", "-f", signers, "-I", "chair@nhs.net", "-n", "transition", "-s", lab.directory + "/msg.sig"],
            stdinPath: lab.directory + "/msg")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("Good \"transition\" signature for chair@nhs.net"))
    }

    @Test func aKeyRemovedLaterStillVerifiesAgainstTheSignersInForceWhenRecorded() throws {
        let lab = try KeyLab()
        defer { lab.remove() }
        let outgoing = try lab.makeKey("outgoing")
        let incoming = try lab.makeKey("incoming")
        let signature = try keygen.sign(signOffMessage, keyPath: outgoing, principal: "ao@nhs.net")
        let signersThen = [try lab.signer("ao@nhs.net", outgoing)]
        let signersNow = [try lab.signer("ao@nhs.net", incoming)]

        #expect(try keygen.verify(signOffMessage, signature: signature, allowedSigners: signersThen).isValid)
        let now = try keygen.verify(signOffMessage, signature: signature, allowedSigners: signersNow)
        #expect(!now.isValid)
    }

    @Test func aLargeMessageSignsAndVerifiesWithoutBlocking() throws {
        let lab = try KeyLab()
        defer { lab.remove() }
        let key = try lab.makeKey("sro")
        let message = (0..<4_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        let signature = try keygen.sign(message, keyPath: key, principal: "sro@nhs.net")
        #expect(try keygen.verify(message, signature: signature, allowedSigners: [try lab.signer("sro@nhs.net", key)]).isValid)
    }

    @Test func onlyTheNamedPrincipalsEntriesMatterAmongMany() throws {
        let lab = try KeyLab()
        defer { lab.remove() }
        let ao = try lab.makeKey("ao")
        let chair = try lab.makeKey("chair")
        let signers = [try lab.signer("chair@nhs.net", chair), try lab.signer("ao@nhs.net", ao)]
        let signature = try keygen.sign(signOffMessage, keyPath: chair, principal: "chair@nhs.net")
        #expect(try keygen.verify(signOffMessage, signature: signature, allowedSigners: signers).isValid)
    }

    @Test func aKeyHeldInSSHAgentSignsWithoutItsPassphrase() throws {
        let agentPath = "/usr/bin/ssh-agent", addPath = "/usr/bin/ssh-add"
        guard FileManager.default.isExecutableFile(atPath: agentPath), FileManager.default.isExecutableFile(atPath: addPath) else {
            return  // no agent on this machine; the passphrase refusal is covered in ErrorTests
        }
        let lab = try KeyLab()
        defer { lab.remove() }
        let key = try lab.makeKey("protected", passphrase: "correct horse")
        let socket = lab.directory + "/agent.sock"
        let agent = Process()
        agent.executableURL = URL(fileURLWithPath: agentPath)
        agent.arguments = ["-D", "-a", socket]
        agent.standardInput = FileHandle(forReadingAtPath: "/dev/null")
        agent.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        agent.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try agent.run()
        defer {
            // SIGKILL: the agent inherits a signal mask that blocks SIGTERM (see ChildProcess).
            kill(agent.processIdentifier, SIGKILL)
            agent.waitUntilExit()
        }
        for _ in 0..<100 where !FileManager.default.fileExists(atPath: socket) { usleep(20_000) }

        let askpass = lab.directory + "/askpass"
        try "#!/bin/sh\necho 'correct horse'\n".write(toFile: askpass, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: askpass)
        let added = try KeyLab.run(
            addPath, [key],
            environment: ["SSH_AUTH_SOCK": socket, "SSH_ASKPASS": askpass, "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"])
        try #require(added.status == 0, "ssh-add failed: \(added.output)")

        let withAgent = SSHKeygen(path: keygen.executablePath, environment: ["SSH_AUTH_SOCK": socket])
        let signature = try withAgent.sign(signOffMessage, keyPath: key, principal: "sro@nhs.net")
        #expect(try keygen.verify(signOffMessage, signature: signature, allowedSigners: [try lab.signer("sro@nhs.net", key)]).isValid)
    }
}
