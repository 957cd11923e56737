import Signing
import Testing

/// Signatures that must not pass; each answer is `.invalid` with a reason, never a throw.
@Suite(.enabled(if: KeyLab.keygenAvailable, KeyLab.skipReason))
struct RejectionTests {
    let keygen = KeyLab.keygen

    /// A signature by `a.patel@nhs.net` with key `sro`, plus a lab holding further keys.
    private func signed() throws -> (lab: KeyLab, key: String, signature: SSHSignature) {
        let lab = try KeyLab()
        let key = try lab.makeKey("sro")
        return (lab, key, try keygen.sign(signOffMessage, keyPath: key, principal: "a.patel@nhs.net"))
    }

    private func reason(_ outcome: VerificationOutcome) -> String? {
        if case .invalid(let reason) = outcome { return reason }
        return nil
    }

    @Test func aKeyNotAllowedForThePrincipalIsInvalidNamingPrincipalAndFingerprint() throws {
        let (lab, _, signature) = try signed()
        defer { lab.remove() }
        let other = try lab.makeKey("other")
        let outcome = try keygen.verify(signOffMessage, signature: signature, allowedSigners: [try lab.signer("a.patel@nhs.net", other)])
        let why = try #require(reason(outcome))
        #expect(why.contains("\"a.patel@nhs.net\""))
        #expect(why.contains(signature.fingerprint))
        #expect(why.contains("not among the allowed signers"))
    }

    @Test func anotherPrincipalsKeyIsInvalid() throws {
        let (lab, key, _) = try signed()
        defer { lab.remove() }
        let bobKey = try lab.makeKey("bob")
        let signers = [try lab.signer("a.patel@nhs.net", key), try lab.signer("bob@nhs.net", bobKey)]
        // Bob signs but claims to be A. Patel.
        let forged = try keygen.sign(signOffMessage, keyPath: bobKey, principal: "a.patel@nhs.net")
        let why = try #require(reason(try keygen.verify(signOffMessage, signature: forged, allowedSigners: signers)))
        #expect(why.contains("\"a.patel@nhs.net\""))
        #expect(why.contains(forged.fingerprint))
        #expect(why.contains("allowed for \"bob@nhs.net\" instead"))
    }

    @Test func noSignersAtAllIsInvalid() throws {
        let (lab, _, signature) = try signed()
        defer { lab.remove() }
        #expect(reason(try keygen.verify(signOffMessage, signature: signature, allowedSigners: [])) != nil)
    }

    @Test(arguments: [0, 17, signOffMessage.count - 1])
    func aMessageAlteredByOneByteIsInvalid(position: Int) throws {
        let (lab, key, signature) = try signed()
        defer { lab.remove() }
        var altered = signOffMessage
        altered[position] ^= 0x01
        let outcome = try keygen.verify(altered, signature: signature, allowedSigners: [try lab.signer("a.patel@nhs.net", key)])
        let why = try #require(reason(outcome))
        #expect(why.contains("does not match the message"))
        #expect(try keygen.verify(signOffMessage, signature: signature, allowedSigners: [try lab.signer("a.patel@nhs.net", key)]).isValid)
    }

    /// Changing any character of the armored body makes it invalid, whether the change lands in
    /// the embedded key, the namespace, the signature bytes or breaks the encoding.
    @Test func alteredArmoredTextIsInvalidNeverAThrow() throws {
        let (lab, key, signature) = try signed()
        defer { lab.remove() }
        let signers = [try lab.signer("a.patel@nhs.net", key)]
        var lines = signature.armored.split(separator: "\n").map(String.init)
        let body = 1..<(lines.count - 1)
        let positions = [(body.lowerBound, 0), (body.lowerBound, 30), (body.lowerBound + 1, 40), (body.upperBound - 1, 5), (body.upperBound - 1, 50)]
        for (line, column) in positions {
            var characters = Array(lines[line])
            guard column < characters.count else { continue }
            characters[column] = characters[column] == "A" ? "B" : "A"
            let original = lines[line]
            lines[line] = String(characters)
            var tampered = signature
            tampered.armored = lines.joined(separator: "\n")
            lines[line] = original
            #expect(reason(try keygen.verify(signOffMessage, signature: tampered, allowedSigners: signers)) != nil, "line \(line) column \(column)")
        }
        var garbage = signature
        garbage.armored = "not a signature"
        #expect(reason(try keygen.verify(signOffMessage, signature: garbage, allowedSigners: signers)) != nil)
    }

    @Test func recordedKeyOrFingerprintThatDisagreesWithTheSignatureIsInvalid() throws {
        let (lab, key, signature) = try signed()
        defer { lab.remove() }
        let other = try lab.makeKey("other")
        let signers = [try lab.signer("a.patel@nhs.net", key), try lab.signer("a.patel@nhs.net", other)]

        var swappedKey = signature
        swappedKey.publicKey = try lab.publicKey(other)
        let keyReason = try #require(reason(try keygen.verify(signOffMessage, signature: swappedKey, allowedSigners: signers)))
        #expect(keyReason.contains("different key"))

        var wrongFingerprint = signature
        wrongFingerprint.fingerprint = try keygen.fingerprint(ofPublicKey: lab.publicKey(other))
        let fingerprintReason = try #require(reason(try keygen.verify(signOffMessage, signature: wrongFingerprint, allowedSigners: signers)))
        #expect(fingerprintReason.contains(signature.fingerprint))
    }

    @Test func aSignatureMadeForAnotherNamespaceIsInvalid() throws {
        let (lab, key, _) = try signed()
        defer { lab.remove() }
        let gitSignature = try keygen.sign(signOffMessage, keyPath: key, principal: "a.patel@nhs.net", namespace: "git")
        // Allowed for "transition" only (the default): a git signature is not a sign-off.
        let outcome = try keygen.verify(signOffMessage, signature: gitSignature, allowedSigners: [try lab.signer("a.patel@nhs.net", key)])
        let refusal = try #require(reason(outcome))
        #expect(refusal.contains("namespace"))
        #expect(!refusal.contains("transition-signing."))  // no paths of deleted temporary files
        // Relabelling the record does not help: the namespace inside the signature disagrees.
        var relabelled = gitSignature
        relabelled.namespace = "transition"
        let why = try #require(reason(try keygen.verify(signOffMessage, signature: relabelled, allowedSigners: [try lab.signer("a.patel@nhs.net", key)])))
        #expect(why.contains("namespace \"git\""))
    }
}
