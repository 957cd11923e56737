import Signing
import Testing

/// How signatures and signers are written down: event fields and allowed_signers lines.
struct JSONAndLineTests {
    let signature = SSHSignature(
        namespace: "transition", principal: "ao@nhs.net",
        publicKey: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAID8j0Jr71wJELb7PwirPJuqg1YIYrajW3vw55bvb3kYi",
        fingerprint: "SHA256:2Mm+eV29whIVhGrloGRjsojMh6DAokj6XsNah2cpOF4",
        armored: "-----BEGIN SSH SIGNATURE-----\nU1NIU0lH\n-----END SSH SIGNATURE-----")

    @Test func jsonRoundTrips() {
        let fields = signature.json
        #expect(fields["format"] == "sshsig")
        #expect(fields["signature"] == signature.armored)
        #expect(Set(fields.keys) == ["namespace", "principal", "publicKey", "fingerprint", "signature", "format"])
        #expect(SSHSignature(json: fields) == signature)
    }

    @Test func jsonWithAnotherFormatOrAMissingFieldIsRefused() {
        var otherFormat = signature.json
        otherFormat["format"] = "gpg"
        #expect(SSHSignature(json: otherFormat) == nil)
        for field in ["namespace", "principal", "publicKey", "fingerprint", "signature", "format"] {
            var missing = signature.json
            missing[field] = nil
            #expect(SSHSignature(json: missing) == nil, "without \(field)")
        }
    }

    @Test func allowedSignersLineDropsTheCommentAndRestrictsTheNamespace() {
        let signer = AllowedSigner(principal: "ao@nhs.net", publicKey: signature.publicKey + " ao laptop\n")
        #expect(signer.allowedSignersLine == "ao@nhs.net namespaces=\"transition\" " + signature.publicKey)
        let both = AllowedSigner(principal: "ao@nhs.net", publicKey: signature.publicKey, namespaces: ["transition", "git"])
        #expect(both.allowedSignersLine == "ao@nhs.net namespaces=\"transition,git\" " + signature.publicKey)
    }
}
