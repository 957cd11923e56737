import Foundation
import Signing
import Testing

/// Operational problems throw a `SigningError` that says what to do.
@Suite(.enabled(if: KeyLab.keygenAvailable, KeyLab.skipReason))
struct ErrorTests {
    let keygen = KeyLab.keygen

    @Test func aPassphraseProtectedKeyWithoutAgentFailsWithAdviceAndNeverPrompts() throws {
        let lab = try KeyLab()
        defer { lab.remove() }
        let key = try lab.makeKey("protected", passphrase: "secret")
        let noAgent = SSHKeygen(path: keygen.executablePath, environment: ["PATH": "/usr/bin:/bin"])
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try noAgent.sign(signOffMessage, keyPath: key, principal: "sro@nhs.net")
            Issue.record("signing with a locked key succeeded")
        } catch {
            guard case .signingFailed(let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reason.contains("passphrase"))
            #expect(reason.contains("ssh-add \(key)"))
            #expect(reason.contains("ssh-agent"))
        }
        #expect(clock.now - started < .seconds(10))  // refused at once, no prompt waited on
    }

    @Test func aMissingKeyFileIsUnreadable() throws {
        #expect(throws: SigningError.self) { try keygen.sign(signOffMessage, keyPath: "/nonexistent/id_ed25519", principal: "sro@nhs.net") }
        do {
            _ = try keygen.sign(signOffMessage, keyPath: "/nonexistent/id_ed25519", principal: "sro@nhs.net")
        } catch {
            guard case .keyUnreadable(let path, let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(path == "/nonexistent/id_ed25519")
            #expect(reason.contains("no such file"))
        }
    }

    @Test func aKeyReadableByOthersIsRefusedWithTheChmodToRun() throws {
        let lab = try KeyLab()
        defer { lab.remove() }
        let key = try lab.makeKey("open")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key)
        do {
            _ = try keygen.sign(signOffMessage, keyPath: key, principal: "sro@nhs.net")
            Issue.record("signing with a world-readable key succeeded")
        } catch {
            guard case .keyUnreadable(_, let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reason.contains("chmod 600 \(key)"))
        }
    }

    @Test func aFileThatIsNotAKeyIsUnreadable() throws {
        let lab = try KeyLab()
        defer { lab.remove() }
        let notAKey = lab.directory + "/notes.txt"
        try "minutes of the board meeting\n".write(toFile: notAKey, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: notAKey)
        #expect {
            try keygen.sign(signOffMessage, keyPath: notAKey, principal: "sro@nhs.net")
        } throws: { error in
            if case .keyUnreadable(notAKey, _) = error as? SigningError { return true }
            return false
        }
    }

    @Test(arguments: ["", "two words", "a,b", "*", "say \"hi\"", "#hash", "tab\there"])
    func unusablePrincipalsAreRefusedBeforeSigning(principal: String) throws {
        #expect(throws: SigningError.invalidPrincipal(principal)) {
            try keygen.sign(signOffMessage, keyPath: "/nonexistent/key", principal: principal)
        }
    }

    @Test func unusableNamespacesAreRefused() throws {
        #expect(throws: SigningError.invalidNamespace("a b")) {
            try keygen.sign(signOffMessage, keyPath: "/nonexistent/key", principal: "sro@nhs.net", namespace: "a b")
        }
    }

    @Test func aMalformedAllowedSignerThrowsRatherThanJudging() throws {
        let lab = try KeyLab()
        defer { lab.remove() }
        let key = try lab.makeKey("sro")
        let signature = try keygen.sign(signOffMessage, keyPath: key, principal: "sro@nhs.net")
        let broken = AllowedSigner(principal: "sro@nhs.net", publicKey: "ssh-ed25519 not-base64!")
        #expect(throws: SigningError.malformedPublicKey("ssh-ed25519 not-base64!")) {
            try keygen.verify(signOffMessage, signature: signature, allowedSigners: [broken])
        }
        #expect(throws: SigningError.malformedPublicKey("nonsense")) { try keygen.fingerprint(ofPublicKey: "nonsense") }
        // Well-formed base64 but not a key ssh-keygen accepts.
        let fake = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAAA"
        #expect(throws: SigningError.malformedPublicKey(fake)) { try keygen.fingerprint(ofPublicKey: fake) }
    }

    @Test func aHungKeygenIsStoppedAtTheTimeout() throws {
        let lab = try KeyLab()
        defer { lab.remove() }
        let key = try lab.makeKey("sro")
        let sleeper = lab.directory + "/slow-keygen"
        try "#!/bin/sh\nexec sleep 60\n".write(toFile: sleeper, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: sleeper)
        let slow = SSHKeygen(path: sleeper, timeout: .milliseconds(300))
        let clock = ContinuousClock()
        let started = clock.now
        do {
            _ = try slow.sign(signOffMessage, keyPath: key, principal: "sro@nhs.net")
            Issue.record("a hung ssh-keygen produced a signature")
        } catch {
            guard case .signingFailed(let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reason.contains("did not finish"))
        }
        let signature = try keygen.sign(signOffMessage, keyPath: key, principal: "sro@nhs.net")
        let signers = [try lab.signer("sro@nhs.net", key)]
        do {
            _ = try slow.verify(signOffMessage, signature: signature, allowedSigners: signers)
            Issue.record("a hung ssh-keygen gave a verdict")
        } catch {
            guard case .verificationFailed(let reason) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(reason.contains("did not finish"))
        }
        #expect(clock.now - started < .seconds(10))
    }
}
