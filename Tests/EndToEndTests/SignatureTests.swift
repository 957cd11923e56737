import Foundation
import Testing

/// SSH-signed sign-offs: throwaway keys, refusal of keys not allowed for the role, tamper detection,
/// and signatures that stay valid after a later revision removes their key.
@Suite("End to end: SSH-signed sign-offs", .serialized, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen"), "ssh-keygen is not installed (apt-get install openssh-client); signing tests skipped"))
struct SignatureTests {
    func keygen(_ path: String, comment: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ssh-keygen")
        process.arguments = ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", path]
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOfFile: path + ".pub", encoding: .utf8)
        return text.split(separator: " ").prefix(2).joined(separator: " ")
    }

    /// The mini workflow with signers for sro-people and the two ROS signatories, and signatures required.
    func workflow(_ cli: CLI, signers: [(role: String, principal: String, key: String)], name: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: CompleteTransitionTests.workflow))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["signers"] = signers.map { ["role": $0.role, "principal": $0.principal, "publicKey": $0.key] }
        object["requiresSignature"] = ["dd.item.signed-off", "ros.signed"]
        let bytes = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        let path = cli.directory + "/" + name
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("sign off with an allowed key; refuse other keys; detect tampering; survive key removal")
    func signedSignOffs() throws {
        let cli = try CLI()
        let alice = try keygen(cli.directory + "/alice", comment: "alice")
        let mallory = try keygen(cli.directory + "/mallory", comment: "mallory")
        let first = try workflow(cli, signers: [("sro-people", "alice@example.nhs.uk", alice)], name: "signed-v1.json")
        try cli.ok(["init", "--workflow", first, "--as", "Director"], role: "programme-director")
        try cli.ok(["dd", "complete", "DD-STAFF-01", "--evidence", "list.xlsx"], role: "sro-people")
        try cli.ok(["dd", "complete", "DD-STAFF-02"], role: "sro-people")

        // Unsigned: refused, naming what is expected.
        let unsigned = try cli.run(["dd", "sign-off", "DD-STAFF-01"], role: "sro-people")
        #expect(unsigned.status == 1 && unsigned.stderr.contains("must be SSH-signed") && unsigned.stderr.contains("alice@example.nhs.uk"))
        // A key not allowed for the role: refused, log unchanged.
        let before = try cli.logBytes()
        let wrongKey = try cli.run(["dd", "sign-off", "DD-STAFF-01", "--key", cli.directory + "/mallory"], role: "sro-people")
        #expect(wrongKey.status == 1 && wrongKey.stderr.contains("is not an allowed signer for role 'sro-people'"))
        #expect(try cli.logBytes() == before)
        _ = mallory
        // The allowed key: recorded and verified.
        let signed = try cli.ok(["dd", "sign-off", "DD-STAFF-01", "--key", cli.directory + "/alice"], role: "sro-people")
        #expect(signed.contains("signed by alice@example.nhs.uk"))
        let verified = try cli.ok(["verify", "--signatures"])
        #expect(verified.contains("1 of 1 valid"))
        // History shows the signer's key fingerprint, declared actor, OS user and host.
        let history = try cli.ok(["history", "DD-STAFF-01"])
        #expect(history.contains("signed: principal alice@example.nhs.uk key SHA256:"))
        #expect(history.contains("by Test Runner as sro-people") && history.contains("OS user"))

        // A later revision removes alice's key: the earlier sign-off still verifies.
        let second = try workflow(cli, signers: [("sro-people", "mallory@example.nhs.uk", try keygen(cli.directory + "/mallory2", comment: "m2"))], name: "signed-v2.json")
        try cli.ok(["workflow", "revise", second, "--reason", "alice left; new SRO key"], role: "programme-director")
        #expect(try cli.ok(["verify", "--signatures"]).contains("1 of 1 valid"))
        let refusedNow = try cli.run(["dd", "sign-off", "DD-STAFF-02", "--key", cli.directory + "/alice"], role: "sro-people")
        #expect(refusedNow.status == 1)

        // Altering the signed event breaks both the signature and the chain.
        let segment = try #require(try FileManager.default.contentsOfDirectory(atPath: cli.log + "/segments").first)
        let path = cli.log + "/segments/" + segment
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"item\":\"DD-STAFF-01\",\"role\":\"sro-people\"", with: "\"item\":\"DD-STAFF-02\",\"role\":\"sro-people\"")
            .write(toFile: path, atomically: false, encoding: .utf8)
        let tampered = try cli.run(["verify", "--signatures"])
        #expect(tampered.status == 1)
        #expect(tampered.stdout.contains("FAILED: modified at sequence"))
        #expect(tampered.stdout.contains("FAILED principal"))
    }
}
